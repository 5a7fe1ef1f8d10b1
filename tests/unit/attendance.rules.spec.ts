import { LEDGER_TITLE_MAX, ledgerFileName, ledgerIdentity, ledgerTitle, ledgerTotals } from '../../cloudfunctions/modules/lectures/attendance.rules'

describe('ledger file name', () => {
  it('names the file after the lecture and its Beijing date', () => {
    expect(ledgerFileName('学习党章', '20261201')).toBe('签到台账-学习党章-20261201.xlsx')
  })

  it('never ends the cut title on an opening bracket', () => {
    // 19 characters, then （ as the 20th: a plain slice(0, 20) left 「…专题党课（」.
    const title = '学习贯彻党的二十届三中全会精神专题党课（第二讲）'
    expect(ledgerFileName(title, '20261201')).toBe('签到台账-学习贯彻党的二十届三中全会精神专题党课-20261201.xlsx')
  })

  it('ends the cut before a bracket whose close fell beyond it', () => {
    expect(ledgerTitle('基层治理专题（社区议事协商机制的实践与思考）')).toBe('基层治理专题')
    expect(ledgerTitle('主题党日《关于新时代基层党组织建设若干问题的思考》')).toBe('主题党日')
  })

  it('drops only the opening bracket of a title that is one long bracket', () => {
    const title = ledgerTitle('《关于新时代加强和改进党的建设若干重大问题的学习体会》专题党课')
    expect(title.startsWith('关于新时代加强')).toBe(true)
    expect(title).not.toMatch(/[《》]/)
    expect(Array.from(title).length).toBeLessThanOrEqual(LEDGER_TITLE_MAX)
  })

  it('keeps a bracket pair that is whole inside the cut', () => {
    expect(ledgerTitle('社区治理专题党课（一）：基层党组织建设与创新实践')).toBe('社区治理专题党课（一）：基层党组织建设与')
    // The cut falls just after the closing bracket: it stays.
    expect(ledgerTitle('学习贯彻党的二十届三中全会精神（第一讲）专题党课')).toBe('学习贯彻党的二十届三中全会精神（第一讲）')
  })

  it('drops a dash or separator the cut ends on', () => {
    expect(ledgerTitle('学习贯彻党的二十届三中全会精神专题党课——第二讲')).toBe('学习贯彻党的二十届三中全会精神专题党课')
    expect(ledgerTitle('学习贯彻党的二十届三中全会精神专题党课，第二讲')).toBe('学习贯彻党的二十届三中全会精神专题党课')
  })

  it('cuts by characters, never inside one', () => {
    const rare = '𠮷'.repeat(30)
    const cut = ledgerTitle(rare)
    expect(Array.from(cut)).toHaveLength(LEDGER_TITLE_MAX)
    expect(cut).toBe('𠮷'.repeat(LEDGER_TITLE_MAX))
  })

  it('keeps a short title whole, and replaces what a file name may not hold', () => {
    expect(ledgerTitle('学习党章！')).toBe('学习党章！')
    expect(ledgerTitle('党章/党规 学习:第一讲')).toBe('党章 党规 学习 第一讲')
    expect(ledgerTitle('   ')).toBe('党课')
  })
})

describe('ledgerIdentity and ledgerTotals: 身份 and the totals line of the 签到台账', () => {
  it.each([
    ['secretary', '党员'],
    ['member', '党员'],
    ['resident', '群众'],
    [null, '访客'],
  ] as const)('a %s is %s', (role, identity) => {
    expect(ledgerIdentity(role)).toBe(identity)
  })

  it('counts the present by 身份, the visitors from other branches, and the removed', () => {
    expect(ledgerTotals([])).toBe('合计签到 0 人')
    expect(
      ledgerTotals([
        { present: true, identity: '党员', visitor: false },
        { present: true, identity: '党员', visitor: true },
        { present: true, identity: '访客', visitor: true },
        { present: false, identity: '群众', visitor: false },
      ]),
    ).toBe('合计签到 3 人（党员 2 人，访客 1 人）；其中外支部 2 人；撤销 1 人')
  })

  it('counts outside guests (来宾) apart from other branches’ visitors, present ones only', () => {
    expect(
      ledgerTotals([
        { present: true, identity: '党员', visitor: false },
        { present: true, identity: '访客', visitor: false, guest: true },
        { present: false, identity: '访客', visitor: false, guest: true },
      ]),
    ).toBe('合计签到 2 人（党员 1 人，访客 1 人）；来宾 1 人；撤销 1 人')
  })
})
