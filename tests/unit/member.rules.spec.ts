import { countDelta, roleForCode, wouldRemoveLastSecretary } from '../../cloudfunctions/modules/members/member.rules'
import { decodeCursor, encodeCursor } from '../../cloudfunctions/shared/cursor'

const branch = { inviteCodes: { member: 'MEMBR2', resident: 'RESID3' }, secretaryCode: 'SECRET88' }

describe('roleForCode', () => {
  it.each([
    ['MEMBR2', 'member'],
    ['RESID3', 'resident'],
    ['SECRET88', 'secretary'],
    ['OTHER1', null],
    ['', null],
  ])('code %s grants %s', (code, role) => {
    expect(roleForCode(branch, code)).toBe(role)
  })

  it('grants nothing for a used (cleared) secretary code', () => {
    expect(roleForCode({ ...branch, secretaryCode: null }, 'SECRET88')).toBeNull()
  })
})

describe('countDelta', () => {
  it.each([
    [null, 'resident', { resident: 1 }],
    ['member', 'secretary', { member: -1, secretary: 1 }],
    ['resident', null, { resident: -1 }],
    ['member', 'member', {}],
  ] as const)('%s -> %s moves counts by %o', (from, to, delta) => {
    expect(countDelta(from, to)).toEqual(delta)
  })
})

describe('wouldRemoveLastSecretary', () => {
  it.each([
    ['secretary', 'member', 1, true],
    ['secretary', 'resident', 0, true],
    ['secretary', 'member', 2, false],
    ['member', 'resident', 1, false],
    ['secretary', 'secretary', 1, false],
  ] as const)('%s -> %s with %d secretaries: %s', (from, to, n, refused) => {
    expect(wouldRemoveLastSecretary(from, to, n)).toBe(refused)
  })
})

describe('list cursor', () => {
  it('round-trips the last row', () => {
    const c = { t: Date.UTC(2026, 10, 22, 1, 2, 3), id: 'demo-member-1' }
    expect(decodeCursor(encodeCursor(c))).toEqual(c)
  })

  it.each(['', 'not-base64!', Buffer.from('{"$ne":null}').toString('base64url'), Buffer.from('[1,"a b"]').toString('base64url')])(
    'rejects a forged cursor %j',
    (raw) => {
      expect(decodeCursor(raw)).toBeNull()
    },
  )
})
