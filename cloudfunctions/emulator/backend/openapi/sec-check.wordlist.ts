/**
 * The word list behind the local `security.msgSecCheck` stand-in. Production runs a model; locally a
 * short list gives the same result shape so "risky is refused, review waits for the secretary" can be
 * exercised. Labels are WeChat's msgSecCheck v2 labels: 100 normal, 10001 ad, 20001
 * politics, 20002 porn, 20003 abuse, 20006 crime, 20008 fraud, 20012 vulgar.
 *
 * The ASCII markers exist so tests and manual trials need not type sensitive words.
 */
export interface WordRule {
  word: string
  label: number
}

/** Content containing one of these is `risky` (refused). */
export const RISKY_WORDS: readonly WordRule[] = [
  { word: 'local-risky', label: 20006 },
  { word: '赌博', label: 20006 },
  { word: '毒品', label: 20006 },
  { word: '枪支', label: 20006 },
  { word: '色情', label: 20002 },
  { word: '诈骗', label: 20008 },
  { word: '刷单', label: 20008 },
  { word: '颠覆', label: 20001 },
  { word: '傻逼', label: 20003 },
]

/** Content containing one of these (and nothing risky) is `review` (held for a person to look at). */
export const REVIEW_WORDS: readonly WordRule[] = [
  { word: 'local-review', label: 10001 },
  { word: '加微信', label: 10001 },
  { word: '代购', label: 10001 },
  { word: '兼职', label: 10001 },
  { word: '低俗', label: 20012 },
]
