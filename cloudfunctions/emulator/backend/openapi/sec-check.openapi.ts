import { randomBytes } from 'crypto'
import { ok, wxError, type OpenApiAnswer, type OpenApiParams } from './openapi.types'
import { REVIEW_WORDS, RISKY_WORDS, type WordRule } from './sec-check.wordlist'

/**
 * `security.msgSecCheck` stand-in with the v2 result shape (docs/local-cloud.md "Cloud calls"):
 * `{ errcode: 0, result: { suggest, label }, detail: [{ strategy, errcode, suggest, label, prob,
 * keyword? }], trace_id }` — the SDK camel-cases it to `traceId`. A risky text is still errcode 0 in v2.
 * Without `version: 2` the v1 contract applies: errcode 87014 for risky content, errcode 0 otherwise.
 */
const MAX_CONTENT = 2500

function firstHit(content: string, rules: readonly WordRule[]): WordRule | undefined {
  return rules.find((rule) => content.includes(rule.word))
}

export async function msgSecCheck(params: OpenApiParams): Promise<OpenApiAnswer> {
  const { content, version, openid, scene } = params
  if (typeof content !== 'string' || content.length > MAX_CONTENT) {
    return wxError(47001, `data format error: content must be a string of at most ${MAX_CONTENT} characters`)
  }
  const texts = [content, params.nickname, params.title, params.signature].filter((t): t is string => typeof t === 'string')
  const joined = texts.join('\n')
  const risky = firstHit(joined, RISKY_WORDS)
  const review = risky ? undefined : firstHit(joined, REVIEW_WORDS)

  if (version !== 2) {
    return risky ? wxError(87014, 'risky content') : ok()
  }
  if (typeof openid !== 'string' || openid.length === 0) return wxError(40003, 'invalid openid')
  if (scene !== 1 && scene !== 2 && scene !== 3 && scene !== 4) return wxError(40129, 'invalid scene')

  const hit = risky ?? review
  const suggest = risky ? 'risky' : review ? 'review' : 'pass'
  const label = hit ? hit.label : 100
  return ok({
    result: { suggest, label },
    detail: [
      {
        strategy: 'content_model',
        errcode: 0,
        suggest,
        label,
        prob: hit ? 90 : 0,
        ...(hit ? { keyword: hit.word } : {}),
      },
    ],
    trace_id: randomBytes(12).toString('hex'),
  })
}
