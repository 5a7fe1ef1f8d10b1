import { nameSortKey } from '../../cloudfunctions/shared/name-sort.rules'

/** Sorted as the database sorts strings: by code point of the key. */
function byKey(names: readonly string[]): string[] {
  return [...names].sort((a, b) => {
    const ka = nameSortKey(a)
    const kb = nameSortKey(b)
    return ka < kb ? -1 : ka > kb ? 1 : 0
  })
}

describe('nameSortKey', () => {
  it.each([
    ['surnames by their syllables', ['赵', '安', '张', '白', '陈'], ['安', '白', '陈', '张', '赵']],
    ['a name before a longer one that starts with it, then by the next syllable', ['张四', '张三丰', '张三'], ['张三', '张三丰', '张四']],
    ['syllable by syllable, not letter by letter', ['安', '阿宁', '阿'], ['阿', '阿宁', '安']],
    ['Latin names by their letters among the syllables', ['李雷', 'Alice', '韩梅梅'], ['Alice', '韩梅梅', '李雷']],
    ['ü as v, after u', ['罗', '吕布', '陆'], ['陆', '罗', '吕布']],
    ['a polyphonic surname as a surname', ['张', '曾国藩', '孙', '单雄信', '谢', '解缙', '邓'], ['邓', '单雄信', '孙', '谢', '解缙', '曾国藩', '张']],
    ['digits before letters, accents and full-width letters as plain letters', ['王b', 'Zoë', '王5', 'Ｃｈｅｎ', 'José'], ['Ｃｈｅｎ', 'José', '王5', '王b', 'Zoë']],
  ])('orders %s', (_what, names, expected) => {
    expect(byKey(names)).toEqual(expected)
  })

  it('keeps two names of the same sound apart, the same way every time', () => {
    expect(nameSortKey('张三')).not.toBe(nameSortKey('章三'))
    expect(byKey(['章三', '张三'])).toEqual(['张三', '章三'])
    expect(byKey(['张三', '章三'])).toEqual(['张三', '章三'])
    expect(nameSortKey('张三')).toBe(nameSortKey('张三'))
  })

  it.each([
    ['张三', 'zhang-san 张三'],
    ['曾小贤', 'zeng-xiao-xian 曾小贤'],
    ['单田芳', 'shan-tian-fang 单田芳'],
    ['解晓东', 'xie-xiao-dong 解晓东'],
    ['欧阳娜娜', 'ou-yang-na-na 欧阳娜娜'],
    ['阿依古丽·买买提', 'a-yi-gu-li-mai-mai-ti 阿依古丽·买买提'],
    ['Mary Ann', 'mary-ann Mary Ann'],
    ['', ' '],
    ['··', ' ··'],
  ])('keys %j as %j', (name, key) => {
    expect(nameSortKey(name)).toBe(key)
  })

  it('puts a name with no letters first and a character without pinyin after the letters, both in a fixed place', () => {
    expect(byKey(['赵', '𠇔', '·', 'A'])).toEqual(['·', 'A', '赵', '𠇔'])
  })
})
