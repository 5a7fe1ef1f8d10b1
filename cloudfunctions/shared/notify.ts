import cloud from 'wx-server-sdk'

export interface SubscribeMessage {
  touser: string
  templateId: string
  page: string
  data: Record<string, { value: string }>
}

/**
 * Sends a subscribe message and never fails the caller's action: a person who has not accepted the
 * template (errCode 43101) simply gets nothing, as WeChat intends. Nothing personal is logged.
 */
export async function notify(message: SubscribeMessage): Promise<boolean> {
  if (!message.templateId) return false
  try {
    await cloud.openapi.subscribeMessage.send({ ...message, miniprogramState: 'formal', lang: 'zh_CN' })
    return true
  } catch (err) {
    const code = typeof err === 'object' && err !== null && 'errCode' in err ? String((err as { errCode: unknown }).errCode) : 'unknown'
    console.warn(`[notify] subscribeMessage.send not delivered (errCode ${code})`)
    return false
  }
}
