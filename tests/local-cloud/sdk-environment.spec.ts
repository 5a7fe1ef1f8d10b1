import cloud from 'wx-server-sdk'
import { startLocalCloud, useCaller, type LocalCloud } from '../support/local-cloud'
import { result } from '../support/sdk/sdk-harness'

/**
 * How the unmodified production line `cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })` is pointed at the
 * local backend (cloudfunctions/emulator/backend/sdk-environment.ts): the SDK reads the environment per
 * call, so the module can be required and initialised before any variable is set, and the caller and
 * even the backend can change between calls.
 */
// Initialised before any local cloud exists or any variable is set, as a function module does at load.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })

let first: LocalCloud
let second: LocalCloud

beforeAll(async () => {
  first = await startLocalCloud({ environmentFile: null })
  second = await startLocalCloud({ environmentFile: null })
})

afterAll(async () => {
  await first.close()
  await second.close()
})

describe('pointing the real SDK at the local backend', () => {
  it('answers getWXContext with the caller useCaller set, switching between calls', () => {
    useCaller(first, 'member-a')
    expect(cloud.getWXContext()).toMatchObject({ OPENID: 'member-a', APPID: 'wx-local-appid', ENV: 'local' })
    useCaller(first, 'member-b')
    expect(cloud.getWXContext().OPENID).toBe('member-b')
  })

  it('answers no OPENID for a call without a user', () => {
    useCaller(first, null)
    const context = cloud.getWXContext()
    expect(context.OPENID).toBeUndefined()
    expect(context.ENV).toBe('local')
  })

  it('reads the backend address on every request: the next call goes where the environment points', async () => {
    const db = cloud.database()
    useCaller(first, 'writer')
    await result(db.collection('where_am_i').add({ data: { _id: 'one' } }))
    useCaller(second, 'writer')
    await result(db.collection('where_am_i').add({ data: { _id: 'two' } }))
    expect(await first.backend.store.find('where_am_i')).toEqual([{ _id: 'one' }])
    expect(await second.backend.store.find('where_am_i')).toEqual([{ _id: 'two' }])
  })
})
