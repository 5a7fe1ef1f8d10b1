import { pinyin } from 'pinyin-pro'

/**
 * A person's name as a key the database sorts by pinyin: it compares strings by code point, so a list
 * by name pages on this key (docs/architecture.md "Check-in"). Toneless lowercase syllables joined by
 * `-`, then a space and the name itself: 张三 `zhang-san 张三` < 张三丰 < 张四, and 张三 < 章三 by the
 * characters where the sounds are the same. A Latin name sorts by its letters among the syllables
 * (Alice < 韩梅梅 < 李雷), digits before letters, anything else after them by code point.
 */
export function nameSortKey(name: string): string {
  const words = toSyllables(name).flatMap((token) => plainWords(token))
  // `-` joins words and a space ends them: both sort below every letter and digit, and the space below
  // `-`, so a name whose words are the start of another's comes first.
  return `${words.join('-')} ${name}`
}

/**
 * pinyin-pro's syllables, a surname read as a surname (曾 zeng, 单 shan, 解 xie), ü written `v`; runs
 * that are not Chinese come back whole.
 */
function toSyllables(name: string): string[] {
  if (!name) return []
  return pinyin(name, { toneType: 'none', type: 'array', surname: 'head', v: true, nonZh: 'consecutive' })
}

const MARKS = /\p{M}+/gu
const NOT_WORD = /[^\p{L}\p{N}]+/u

/** Lowercase letters and digits without accents (José → jose, full-width Ａ → a); the rest separates words. */
function plainWords(token: string): string[] {
  return token
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .split(NOT_WORD)
    .filter((w) => w.length > 0)
}
