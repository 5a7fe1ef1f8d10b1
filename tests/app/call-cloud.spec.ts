import { callCloud } from '@/services/cloud'
import { stubCloud } from '../support/app/cloud-stub'

describe('callCloud (H5 transport)', () => {
  it('posts { action, ...input } to /api/<fn> as same-origin JSON', async () => {
    const stub = stubCloud(() => ({ ok: true, data: { items: [] } }))
    await callCloud('member', 'listMembers', { role: 'member', limit: 20 })
    expect(stub.calls).toHaveLength(1)
    const [call] = stub.calls
    expect(call?.url).toBe('/api/member')
    expect(call?.init.method).toBe('POST')
    expect(call?.init.credentials).toBe('same-origin')
    expect(call?.init.headers).toEqual({ 'content-type': 'application/json' })
    expect(call?.event).toEqual({ action: 'listMembers', role: 'member', limit: 20 })
  })

  it('passes a success envelope through', async () => {
    stubCloud(() => ({ ok: true, data: { member: 'AAA111', resident: 'BBB222' } }))
    const res = await callCloud('member', 'rotateInviteCode', { kind: 'member' })
    expect(res).toEqual({ ok: true, data: { member: 'AAA111', resident: 'BBB222' } })
  })

  it('passes a failure envelope through whatever the HTTP status, fields included', async () => {
    stubCloud(() => ({
      status: 401,
      body: { ok: false, error: { code: 'AUTH.REQUIRED', message: '请先登录后再操作' } },
    }))
    expect(await callCloud('member', 'whoami', {})).toEqual({
      ok: false,
      error: { code: 'AUTH.REQUIRED', message: '请先登录后再操作' },
    })

    stubCloud(() => ({
      ok: false,
      error: { code: 'COMMON.INVALID_INPUT', message: '请填写 11 位手机号（phone）', fields: { phone: '请填写 11 位手机号' } },
    }))
    const res = await callCloud('member', 'updateProfile', { phone: '123' })
    expect(res.ok).toBe(false)
    if (!res.ok) expect(res.error.fields).toEqual({ phone: '请填写 11 位手机号' })
  })

  it('turns a failed request into NETWORK.FAILED instead of throwing', async () => {
    stubCloud(() => {
      throw new TypeError('Failed to fetch')
    })
    await expect(callCloud('member', 'whoami', {})).resolves.toEqual({
      ok: false,
      error: { code: 'NETWORK.FAILED', message: '网络不太好，没有提交成功，请稍后重试' },
    })
  })

  it('turns an answer that is not an envelope (a proxy error page, bad JSON) into NETWORK.FAILED', async () => {
    globalThis.fetch = jest.fn(async () => ({
      status: 502,
      json: async () => {
        throw new SyntaxError('Unexpected token <')
      },
    })) as unknown as typeof fetch
    expect((await callCloud('member', 'whoami', {})).ok).toBe(false)

    stubCloud(() => ({ status: 200, body: { hello: 'world' } }))
    const res = await callCloud('member', 'whoami', {})
    expect(res).toEqual({ ok: false, error: expect.objectContaining({ code: 'NETWORK.FAILED' }) })
  })

  it('does not compile with a misspelt function, action or input', () => {
    stubCloud(() => ({ ok: true, data: {} }))
    // These lines are checked by `tsc` (tests/app is in tsconfig.json); each must be an error.
    const typeChecks = () => {
      // @ts-expect-error — no such function
      void callCloud('members', 'whoami', {})
      // @ts-expect-error — no such action
      void callCloud('member', 'whoAmI', {})
      // @ts-expect-error — role is not a role
      void callCloud('member', 'setRole', { openid: 'demo-x1', role: 'admin' })
    }
    expect(typeof typeChecks).toBe('function')
  })
})
