import cloud from 'wx-server-sdk'
import { AppError } from './errors'

export type ContentVerdict = 'pass' | 'review' | 'risky'

/** msgSecCheck v2 scenes. */
export const ContentScene = { profile: 1, comment: 2, forum: 3, social: 4 } as const

interface MsgSecCheckResult {
  result?: { suggest?: string; label?: number }
}

/**
 * Text that others will read goes through WeChat's content check (docs/architecture.md "Rules that hold
 * everywhere"): `risky` is refused by the caller, `review` waits for the secretary. If the check itself
 * is unavailable the text is refused too — failing open would publish unchecked text.
 */
export async function checkText(openid: string, content: string, scene: number = ContentScene.comment): Promise<ContentVerdict> {
  if (content.trim() === '') return 'pass'
  let res: MsgSecCheckResult
  try {
    res = (await cloud.openapi.security.msgSecCheck({ version: 2, openid, scene, content })) as MsgSecCheckResult
  } catch (err) {
    console.error('[content-check] msgSecCheck failed', err instanceof Error ? err.message : String(err))
    throw new AppError('CONTENT.CHECK_UNAVAILABLE', '内容检查暂时不可用，请稍后再提交（已填写的内容不会丢失）')
  }
  const suggest = res.result?.suggest
  return suggest === 'risky' ? 'risky' : suggest === 'review' ? 'review' : 'pass'
}
