import { checkJoinForm, checkProfileForm, normaliseInviteCode } from '@/features/members/member-forms.rules'

describe('checkJoinForm', () => {
  it('accepts a name and a 6–8 character code, trimmed and upper-cased', () => {
    expect(checkJoinForm({ name: '  李秀英 ', code: ' demor1 ' })).toEqual({
      ok: true,
      value: { name: '李秀英', code: 'DEMOR1' },
    })
    expect(checkJoinForm({ name: '李秀英', code: 'abcd1234' }).ok).toBe(true)
  })

  it('requires a name of at most 20 characters', () => {
    expect(checkJoinForm({ name: '   ', code: 'DEMOR1' })).toEqual({ ok: false, errors: { name: '请填写姓名' } })
    const long = checkJoinForm({ name: '王'.repeat(21), code: 'DEMOR1' })
    expect(long.ok).toBe(false)
    expect(checkJoinForm({ name: '王'.repeat(20), code: 'DEMOR1' }).ok).toBe(true)
  })

  it.each(['', 'ABC12', 'ABCDE1234', 'DEMO-1', '邀请码一二三'])('refuses the code %p', (code) => {
    const res = checkJoinForm({ name: '李秀英', code })
    expect(res.ok).toBe(false)
    if (!res.ok) expect(res.errors.code).toBeTruthy()
  })

  it('normalises what a person types or scans', () => {
    expect(normaliseInviteCode(' de mo r1 ')).toBe('DEMOR1')
  })
})

describe('checkProfileForm', () => {
  it('accepts an empty phone, or 11 digits starting with 1', () => {
    expect(checkProfileForm({ name: '王建国', phone: '', post: '' }).ok).toBe(true)
    expect(checkProfileForm({ name: '王建国', phone: '138 0013 8000', post: '' })).toEqual({
      ok: true,
      value: { name: '王建国', phone: '13800138000', post: '' },
    })
  })

  it('says what is wrong with each field', () => {
    expect(checkProfileForm({ name: '', phone: '12345', post: '职'.repeat(31) })).toEqual({
      ok: false,
      errors: { name: '请填写姓名', phone: '请填写 11 位手机号', post: '职务不能超过 30 个字' },
    })
  })
})
