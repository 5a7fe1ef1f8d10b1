import Taro from '@tarojs/taro'

/*
 * Asking for consent to subscribe messages, for the features whose functions send several templates
 * (wishes, commitments). WeChat delivers a one-time subscribe message only to someone who accepted its
 * template in the mini-program, from a tap; H5 has no subscribe messages at all.
 */

/** The request's errCode when the person has switched off subscribe messages for this mini-program (设置 → 订阅消息). */
const MAIN_SWITCH_OFF = 20004
/** WeChat takes at most 3 templates per request. */
export const TEMPLATES_PER_REQUEST = 3

/** A build-time list of template ids (comma-separated), trimmed, empty ones dropped, at most 3. */
export function templateIdList(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean)
    .slice(0, TEMPLATES_PER_REQUEST)
}

/** Only the mini-program can ask, and only for configured templates. */
export function canRequestSubscribe(ids: readonly string[]): boolean {
  return process.env.TARO_ENV === 'weapp' && ids.length > 0
}

export interface SubscribeAnswer {
  /** The templates the person accepted (possibly none: they declined). */
  accepted: string[]
  /** `switchedOff`: subscribe messages are off for this mini-program; `failed`: the request failed, or no template was answered. */
  trouble: 'switchedOff' | 'failed' | null
}

/**
 * Asks once for `ids`; call it straight from a tap (nothing awaited before it): WeChat refuses the
 * request otherwise. Never throws.
 */
export async function requestSubscribe(ids: readonly string[]): Promise<SubscribeAnswer> {
  if (!canRequestSubscribe(ids)) return { accepted: [], trouble: 'failed' }
  try {
    // Taro's typing also demands Alipay's `entityIds`; WeChat takes `tmplIds` alone.
    const option: Pick<Taro.requestSubscribeMessage.BaseOption, 'tmplIds'> = { tmplIds: [...ids] }
    // The answer is keyed by template id: 'accept' | 'reject' | 'ban' | 'filter' | 'acceptWithAudio'.
    const res: Record<string, unknown> = { ...(await Taro.requestSubscribeMessage(option as Taro.requestSubscribeMessage.Option)) }
    const accepted = ids.filter((id) => res[id] === 'accept' || res[id] === 'acceptWithAudio')
    // 'ban' / 'filter' (a template unusable) or no answer for any of them: not the person's choice, worth another try.
    const answered = accepted.length > 0 || ids.some((id) => res[id] === 'reject')
    return { accepted, trouble: answered ? null : 'failed' }
  } catch (err) {
    const code = typeof err === 'object' && err !== null && 'errCode' in err ? Number((err as { errCode: unknown }).errCode) : NaN
    return { accepted: [], trouble: code === MAIN_SWITCH_OFF ? 'switchedOff' : 'failed' }
  }
}
