import { ok, wxError, type OpenApiAnswer, type OpenApiParams } from './openapi.types'

/**
 * `subscribeMessage.send` stand-in: validates what WeChat validates without knowing the user's
 * subscriptions (touser 40003, template_id 40037, data 47003), then records the message in the outbox
 * so a developer (and tests) can see what would have been delivered. 43101 (user has not subscribed)
 * cannot be known locally and is never answered.
 */
export interface OutboxMessage {
  touser: string
  templateId: string
  page?: string
  data: unknown
  miniprogramState?: string
  lang?: string
  sentAt: Date
}

export type RecordOutbox = (message: OutboxMessage) => Promise<number>

export function subscribeMessageSend(record: RecordOutbox) {
  return async (params: OpenApiParams): Promise<OpenApiAnswer> => {
    const { touser, template_id: templateId, page, data, miniprogram_state: state, lang } = params
    if (typeof touser !== 'string' || touser.trim() === '') return wxError(40003, 'invalid openid: touser is required')
    if (typeof templateId !== 'string' || templateId.trim() === '') return wxError(40037, 'invalid template id: templateId is required')
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      return wxError(47003, 'argument invalid! data must be an object of { key: { value } }')
    }
    for (const [key, field] of Object.entries(data)) {
      const value: unknown = typeof field === 'object' && field !== null ? (field as { value?: unknown }).value : undefined
      if (typeof value !== 'string' && typeof value !== 'number') {
        return wxError(47003, `argument invalid! data.${key}.value is required`)
      }
    }
    if (page !== undefined && typeof page !== 'string') return wxError(41030, 'invalid page')
    if (state !== undefined && state !== 'developer' && state !== 'trial' && state !== 'formal') {
      return wxError(40001, 'invalid miniprogram_state')
    }
    const msgid = await record({
      touser,
      templateId,
      ...(typeof page === 'string' ? { page } : {}),
      data,
      ...(typeof state === 'string' ? { miniprogramState: state } : {}),
      ...(typeof lang === 'string' ? { lang } : {}),
      sentAt: new Date(),
    })
    return ok({ msgid })
  }
}
