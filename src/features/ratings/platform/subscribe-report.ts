import Taro from '@tarojs/taro'

/*
 * The speaker's consent to the 评议结果 subscribe message. The `rating` function sends it when a lecture
 * reaches 3 ratings (submit-rating.use-case.ts `tellSpeaker`), but WeChat delivers a one-time subscribe
 * message only to someone who accepted the template in the mini-program first, from a tap. This is not a
 * cloud call, so it lives here and not in services/cloud; it is the one place that knows the platform.
 */

/** The request's errCode when the person has switched off subscribe messages for this mini-program (设置 → 订阅消息). */
const MAIN_SWITCH_OFF = 20004

export type SubscribeOutcome = 'accepted' | 'rejected' | 'failed'

/**
 * The template id the `rating` function sends with (its RATING_REPORT_TEMPLATE_ID), inlined at build
 * time from `TARO_APP_RATING_REPORT_TEMPLATE_ID` — written out in full so Taro can replace it.
 */
export function reportTemplateId(): string {
  return (process.env.TARO_APP_RATING_REPORT_TEMPLATE_ID ?? '').trim()
}

/** Only the mini-program can ask (H5 has no subscribe messages), and only when a template is configured. */
export function canSubscribeReport(): boolean {
  return process.env.TARO_ENV === 'weapp' && reportTemplateId() !== ''
}

/**
 * Taro's typing demands `entityIds` as well, but that key is Alipay's (`@supported alipay`); WeChat takes
 * `tmplIds` alone, so that is all that is sent.
 */
function weappOption(id: string): Taro.requestSubscribeMessage.Option {
  const option: Pick<Taro.requestSubscribeMessage.BaseOption, 'tmplIds'> = { tmplIds: [id] }
  return option as Taro.requestSubscribeMessage.Option
}

/**
 * Asks the person to allow the message once. Call it straight from a tap handler (nothing awaited
 * before it): WeChat refuses the request otherwise. Never throws.
 */
export async function subscribeReport(): Promise<SubscribeOutcome> {
  const id = reportTemplateId()
  if (!canSubscribeReport()) return 'failed'
  try {
    const res = await Taro.requestSubscribeMessage(weappOption(id))
    // The answer is keyed by template id: 'accept' | 'reject' | 'ban' | 'filter' | 'acceptWithAudio'.
    const answers: Record<string, unknown> = { ...res }
    const answer = answers[id]
    if (answer === 'accept' || answer === 'acceptWithAudio') return 'accepted'
    if (answer === 'reject') return 'rejected'
    // 'ban' / 'filter' (the template is unusable) or no answer: not the person's choice, worth another try.
    return 'failed'
  } catch (err) {
    const code = typeof err === 'object' && err !== null && 'errCode' in err ? Number((err as { errCode: unknown }).errCode) : NaN
    return code === MAIN_SWITCH_OFF ? 'rejected' : 'failed'
  }
}
