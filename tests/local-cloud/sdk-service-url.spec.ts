import cloud from 'wx-server-sdk'
import { startLocalCloud, type LocalCloud } from '../support/local-cloud'
import { result, type AddResult, type GetOneResult } from '../support/sdk/sdk-harness'

/**
 * The other way to reach the local backend (docs/local-cloud.md "Pointing the SDK here"): `serviceUrl` and keys
 * passed to `cloud.init` instead of `TCB_CONTEXT_CNFG` and the secret variables. Its own file because
 * the SDK ignores a second `cloud.init` in one module registry, and Jest gives each file its own
 * registry and its own copy of `process.env`.
 */
let local: LocalCloud

beforeAll(async () => {
  local = await startLocalCloud({ environmentFile: null })
  // Nothing but `TENCENTCLOUD=true` (which spares the metadata probe) may point the SDK anywhere.
  for (const key of ['TCB_CONTEXT_CNFG', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY', 'TENCENTCLOUD_SESSIONTOKEN', 'TCB_ENV', 'SCF_NAMESPACE']) {
    delete process.env[key]
  }
  process.env.TENCENTCLOUD = 'true'
  // wx-server-sdk's typings omit these options; it hands them to @cloudbase/node-sdk, which reads them.
  const options: Parameters<typeof cloud.init>[0] & { serviceUrl: string; secretId: string; secretKey: string } = {
    env: 'local',
    serviceUrl: `${local.url}/admin`,
    secretId: 'local-secret-id',
    secretKey: 'local-secret-key',
  }
  cloud.init(options)
})

afterAll(async () => {
  await local.close()
})

describe('cloud.init with serviceUrl', () => {
  it('reaches the local backend without TCB_CONTEXT_CNFG: an add, then a get', async () => {
    expect(process.env.TCB_CONTEXT_CNFG).toBeUndefined()
    const db = cloud.database()
    const at = new Date('2026-05-01T08:00:00.000Z')
    const added = await result<AddResult>(db.collection('via_service_url').add({ data: { _id: 'note-1', text: '你好', at } }))
    expect(added._id).toBe('note-1')
    // The write landed in this backend's store, not anywhere else the SDK might have gone.
    expect(await local.backend.store.find('via_service_url')).toEqual([{ _id: 'note-1', text: '你好', at }])
    const got = await result<GetOneResult>(db.collection('via_service_url').doc('note-1').get())
    expect(got.data).toEqual({ _id: 'note-1', text: '你好', at })
  })
})
