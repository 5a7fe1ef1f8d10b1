import { readdir } from 'node:fs/promises'
import path from 'node:path'
import type { RunningHost } from '../../../cloudfunctions/emulator/host'
import { buildFunction, call, createHostWorld, dataOf, errorCodeOf, type HostWorld } from '../../support/host/host-test-kit'

/**
 * `POST /storage/upload`: the browser's stand-in for wx.cloud.uploadFile. The file lands where the
 * functions' SDK finds it, so a lecture saved with the answered fileID gets a temporary URL the host
 * serves — proved with the real `lecture` function bundle.
 */

describe('host: POST /storage/upload', () => {
  let world: HostWorld
  let host: RunningHost

  beforeAll(async () => {
    world = await createHostWorld()
    await buildFunction(world, 'lecture')
    host = await world.start({ instances: 1, uploadLimitBytes: 1024 * 1024 })
  })

  afterAll(async () => {
    await world.dispose()
  })

  const upload = (cloudPath: string, body: Buffer | string, openid: string | null = 'demo-secretary') =>
    fetch(`${host.url}/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
      method: 'POST',
      headers: openid ? { 'x-openid': openid, 'content-type': 'application/octet-stream' } : { 'content-type': 'application/octet-stream' },
      body,
    })

  it('stores the bytes and answers what wx.cloud.uploadFile resolves with; a lecture then serves it by a temporary URL', async () => {
    const bytes = Buffer.from('%PDF-1.4 本地上传测试')
    const res = await upload('lecture-materials/202611/host-1.pdf', bytes)
    expect(res.status).toBe(200)
    const body = (await res.json()) as { fileID: string; statusCode: number; errMsg: string }
    expect(body).toEqual({ fileID: 'cloud://local.local-bucket/lecture-materials/202611/host-1.pdf', statusCode: 200, errMsg: 'uploadFile:ok' })

    const start = new Date(Date.now() + 3600_000)
    const created = dataOf<{ id: string }>(
      await call(host.url, 'lecture', 'demo-secretary', {
        action: 'create',
        title: '上传资料的党课',
        speaker: { name: '王建国' },
        startAt: start.toISOString(),
        endAt: new Date(start.getTime() + 3600_000).toISOString(),
        location: { name: '会议室' },
        materials: [{ title: '讲稿', fileID: body.fileID }],
      }),
    )
    dataOf(await call(host.url, 'lecture', 'demo-secretary', { action: 'publish', lectureId: created.id }))
    const got = dataOf<{ materials: Array<{ url: string; fileID?: string }> }>(
      await call(host.url, 'lecture', 'demo-member-1', { action: 'get', lectureId: created.id }),
    )
    expect(got.materials[0]?.fileID).toBe(body.fileID)
    expect(got.materials[0]?.url.startsWith(`${host.url}/files/lecture-materials/202611/host-1.pdf`)).toBe(true)
    const served = await fetch(got.materials[0]?.url ?? '')
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('application/pdf')
    expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true)
  })

  it('needs a signed-in caller, like /api', async () => {
    const res = await upload('lecture-materials/202611/anon.pdf', 'x', null)
    expect(res.status).toBe(401)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('AUTH.REQUIRED')
  })

  it.each([
    ['a path that climbs out of storage', 'a/../../escape.pdf', 400, 'UPLOAD.BAD_PATH'],
    ['an absolute path', '/etc/passwd', 400, 'UPLOAD.BAD_PATH'],
    ['no path at all', '', 400, 'UPLOAD.BAD_PATH'],
  ])('refuses %s', async (_label, cloudPath, status, code) => {
    const res = await upload(cloudPath, 'x')
    expect(res.status).toBe(status)
    const body = (await res.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe(code)
    expect(body.error.message).toMatch(/[\u4e00-\u9fa5]/)
  })

  it('never replaces an existing file (cloud storage lets a user write only their own files)', async () => {
    expect((await upload('lecture-materials/202611/once.pdf', 'first')).status).toBe(200)
    const again = await upload('lecture-materials/202611/once.pdf', 'second', 'demo-member-1')
    expect(again.status).toBe(409)
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('UPLOAD.EXISTS')
  })

  it('refuses an empty file and one over the limit, keeping nothing of either', async () => {
    expect((await upload('lecture-materials/202611/empty.pdf', Buffer.alloc(0))).status).toBe(400)
    const big = await upload('lecture-materials/202611/big.pdf', Buffer.alloc(1024 * 1024 + 1))
    expect(big.status).toBe(413)
    expect(((await big.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'UPLOAD.TOO_LARGE' })
    const stored = await readdir(path.join(world.dataDir(), 'storage', 'lecture-materials', '202611'))
    expect(stored.filter((f) => f.startsWith('empty') || f.startsWith('big'))).toEqual([])
  })

  it('a fileID the host did not store is refused by the lecture function', async () => {
    const reply = await call(host.url, 'lecture', 'demo-secretary', {
      action: 'create',
      title: '伪造文件',
      speaker: { name: '王建国' },
      startAt: new Date(Date.now() + 3600_000).toISOString(),
      endAt: new Date(Date.now() + 7200_000).toISOString(),
      location: { name: '会议室' },
      materials: [{ title: '讲稿', fileID: 'cloud://local.local-bucket/lecture-materials/202611/never.pdf' }],
    })
    expect(errorCodeOf(reply)).toBe('COMMON.INVALID_INPUT')
  })
})
