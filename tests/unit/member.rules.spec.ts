import { countDelta, joinByCode, roleForCode, wouldRemoveLastSecretary } from '../../cloudfunctions/modules/members/member.rules'
import { canSpeak } from '../../cloudfunctions/contracts/rules/member.rules'
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

describe('joinByCode', () => {
  const none = { branchId: null, role: null }
  const resident = { branchId: 'b1', role: 'resident' as const }
  const member = { branchId: 'b1', role: 'member' as const }
  const secretary = { branchId: 'b1', role: 'secretary' as const }
  it.each([
    ['a stranger with a member code asks', null, 'b1', 'member', 'request'],
    ['no branch with a member code asks', none, 'b1', 'member', 'request'],
    ['no branch with a resident code joins', none, 'b1', 'resident', 'join'],
    ['no branch with the secretary code joins', none, 'b1', 'secretary', 'join'],
    ['a 群众 with their branch’s member code asks', resident, 'b1', 'member', 'request'],
    ['a 群众 with their branch’s resident code is refused', resident, 'b1', 'resident', 'refuse'],
    ['a 群众 with another branch’s member code is refused', resident, 'b2', 'member', 'refuse'],
    ['a 党员 with their own member code is refused', member, 'b1', 'member', 'refuse'],
    ['a secretary with their own member code is refused', secretary, 'b1', 'member', 'refuse'],
    ['a 党员 with another branch’s resident code is refused', member, 'b2', 'resident', 'refuse'],
  ] as const)('%s', (_label, person, branchId, role, want) => {
    expect(joinByCode(person, branchId, role)).toBe(want)
  })
})

describe('canSpeak', () => {
  it.each([
    ['secretary', true],
    ['member', true],
    ['resident', false],
    [null, false],
  ] as const)('%s → %s', (role, want) => {
    expect(canSpeak(role)).toBe(want)
  })
})
