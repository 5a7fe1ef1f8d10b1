import cloud from 'wx-server-sdk'

export interface SubscribeMessage {
  touser: string
  templateId: string
  page: string
  data: Record<string, { value: string }>
}

/**
 * `sent`; `declined`: the person has not accepted the template (errCode 43101) — they get nothing, as
 * WeChat intends, and asking again will not change that; `failed`: anything else, worth another try;
 * `off`: no template id is configured.
 */
export type NotifyResult = 'sent' | 'declined' | 'failed' | 'off'

const NOT_SUBSCRIBED = 43101

/** Sends a subscribe message and never fails the caller's action. Nothing personal is logged. */
export async function notify(message: SubscribeMessage): Promise<NotifyResult> {
  if (!message.templateId) return 'off'
  try {
    await cloud.openapi.subscribeMessage.send({ ...message, miniprogramState: 'formal', lang: 'zh_CN' })
    return 'sent'
  } catch (err) {
    const code = typeof err === 'object' && err !== null && 'errCode' in err ? Number((err as { errCode: unknown }).errCode) : NaN
    console.warn(`[notify] subscribeMessage.send not delivered (errCode ${Number.isNaN(code) ? 'unknown' : code})`)
    return code === NOT_SUBSCRIBED ? 'declined' : 'failed'
  }
}
