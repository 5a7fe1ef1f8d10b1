import Taro from '@tarojs/taro'
import type { Transport } from './transport.types'

/**
 * WeChat: `wx.cloud.callFunction`. The caller's identity is added by WeChat (OPENID in the function's
 * context), never by us. `TARO_APP_CLOUD_ENV` picks the cloud environment at build time; empty means
 * the account's default environment.
 */
let initialised = false

/** Also used by the uploader: one init for every cloud API of the mini-program. */
export function ensureCloudInit(): void {
  if (initialised) return
  const env = process.env.TARO_APP_CLOUD_ENV
  Taro.cloud.init(env ? { env, traceUser: true } : { traceUser: true })
  initialised = true
}

export const transport: Transport = async (fn, event) => {
  ensureCloudInit()
  const res = await Taro.cloud.callFunction({ name: fn, data: event })
  return res.result
}
