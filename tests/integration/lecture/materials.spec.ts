import {
  useLectureFunction,
  call,
  ok,
  errorCode,
  store,
  SEC,
  MEMBER,
  lectureInput,
  publishedLecture,
  allPages,
  type Json,
} from '../../support/integration/lecture-function'

/** Lecture materials: links and files uploaded to cloud storage. */
useLectureFunction()

describe('lecture materials: links and uploaded files', () => {
  const pdf = Buffer.from('%PDF-1.4 学习材料 test bytes')

  /** As the mini-program does with wx.cloud.uploadFile: straight into the environment's storage. */
  async function uploaded(cloudPath: string, bytes: Buffer = pdf): Promise<string> {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const sdk = require('wx-server-sdk') as typeof import('wx-server-sdk')
    // Same SDK instance the lecture function's entry already initialised (DYNAMIC_CURRENT_ENV).
    const res = (await sdk.uploadFile({ cloudPath, fileContent: bytes })) as { fileID: string }
    return res.fileID
  }

  it('stores a file material by its fileID and answers a temporary URL that serves the file, in get, list and update', async () => {
    const fileID = await uploaded('lecture-materials/202611/lx1-abc.pdf')
    expect(fileID).toMatch(/^cloud:\/\/local\.[^/]+\/lecture-materials\/202611\/lx1-abc\.pdf$/)
    const created = await ok<{ id: string; materials: Json[] }>(
      SEC,
      lectureInput({ materials: [{ title: '讲稿', fileID }, { title: '原文链接', url: 'https://example.org/a' }] }),
    )
    expect(created.materials[0]).toMatchObject({ title: '讲稿', fileID })
    expect(created.materials[1]).toEqual({ title: '原文链接', url: 'https://example.org/a' })
    await ok(SEC, { action: 'publish', lectureId: created.id })

    // Stored as given: the fileID, never a URL that would expire.
    const [doc] = (await store().find('lectures', { _id: created.id })) as Array<{ materials: Json[] }>
    expect(doc?.materials).toEqual([{ title: '讲稿', fileID }, { title: '原文链接', url: 'https://example.org/a' }])

    const got = await ok<{ materials: Array<{ title: string; url: string; fileID?: string }> }>(MEMBER, { action: 'get', lectureId: created.id })
    const file = got.materials[0]
    expect(file?.fileID).toBe(fileID)
    expect(file?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\/lecture-materials\//)
    const res = await fetch(file?.url ?? '')
    expect(res.status).toBe(200)
    expect(Buffer.from(await res.arrayBuffer()).equals(pdf)).toBe(true)

    const listed = await allPages<{ id: string; materials: Array<{ url: string; fileID?: string }> }>(MEMBER, { action: 'list', scope: 'upcoming' })
    const inList = listed.find((l) => l.id === created.id)
    expect(inList?.materials[0]?.url).toMatch(/\/files\/lecture-materials\//)

    const second = await uploaded('lecture-materials/202611/lx2-def.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]))
    const updated = await ok<{ materials: Array<{ url: string; fileID?: string }> }>(SEC, {
      action: 'update',
      lectureId: created.id,
      materials: [{ title: '讲稿', fileID }, { title: '现场照片', fileID: second }],
    })
    expect(updated.materials.map((m) => m.fileID)).toEqual([fileID, second])
    expect((await fetch(updated.materials[1]?.url ?? '')).status).toBe(200)
  })

  it('answers an empty URL (not a failure) for a file that has since been deleted', async () => {
    const fileID = await uploaded('lecture-materials/202611/gone.pdf')
    const id = await publishedLecture({ materials: [{ title: '将被删除', fileID }] })
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const sdk = require('wx-server-sdk') as typeof import('wx-server-sdk')
    await sdk.deleteFile({ fileList: [fileID] })
    const got = await ok<{ materials: Json[] }>(MEMBER, { action: 'get', lectureId: id })
    expect(got.materials).toEqual([{ title: '将被删除', fileID, url: '' }])
  })

  it.each<[string, () => Promise<unknown>]>([
    ['a file of another environment', async () => 'cloud://other-env.other-bucket/lecture-materials/202611/x.pdf'],
    ['a file outside the materials folder (an attendance export)', async () => uploaded('exports/attendance/Labc/20261122.xlsx')],
    ['a file that was never uploaded', async () => 'cloud://local.local-bucket/lecture-materials/202611/never.pdf'],
    ['a path that climbs out of the folder', async () => 'cloud://local.local-bucket/lecture-materials/../exports/x.xlsx'],
    ['an http URL as a fileID', async () => 'https://example.org/a.pdf'],
    ['an operator as a fileID', async () => ({ $ne: null })],
  ])('refuses %s with COMMON.INVALID_INPUT and writes nothing', async (_label, makeId) => {
    const fileID = await makeId()
    const before = await store().count('lectures')
    expect(await errorCode(SEC, lectureInput({ materials: [{ title: '资料', fileID }] }))).toBe('COMMON.INVALID_INPUT')
    expect(await store().count('lectures')).toBe(before)

    const id = await publishedLecture({ materials: [{ title: '原有链接', url: 'https://example.org/keep' }] })
    const res = await call(SEC, { action: 'update', lectureId: id, title: '不该改', materials: [{ title: '资料', fileID }] })
    expect(res.ok).toBe(false)
    if (!res.ok) {
      expect(res.error.code).toBe('COMMON.INVALID_INPUT')
      // The field when it is a string of the wrong kind; the whole item when it is not even a string.
      expect(Object.keys(res.error.fields ?? {})).toEqual([typeof fileID === 'string' ? 'materials.0.fileID' : 'materials.0'])
    }
    const [doc] = (await store().find('lectures', { _id: id })) as Array<{ title: string; materials: Json[] }>
    expect(doc?.title).toBe('学习贯彻党的二十届三中全会精神')
    expect(doc?.materials).toEqual([{ title: '原有链接', url: 'https://example.org/keep' }])
  })

  it.each<[string, Json]>([
    ['both a link and a file', { title: '资料', url: 'https://example.org/a', fileID: 'cloud://local.local-bucket/lecture-materials/a.pdf' }],
    ['neither a link nor a file', { title: '资料' }],
    ['a cloud:// id given as a link', { title: '资料', url: 'cloud://local.local-bucket/lecture-materials/a.pdf' }],
  ])('refuses a material with %s', async (_label, material) => {
    const before = await store().count('lectures')
    expect(await errorCode(SEC, lectureInput({ materials: [material] }))).toBe('COMMON.INVALID_INPUT')
    expect(await store().count('lectures')).toBe(before)
  })
})
