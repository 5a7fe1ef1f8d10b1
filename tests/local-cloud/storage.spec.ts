import { failure, openHarness, result, type Harness } from '../support/sdk/sdk-harness'

/** uploadFile / getTempFileURL / downloadFile / deleteFile against the local folder (docs/local-cloud.md "Storage"). */
let h: Harness

beforeAll(async () => {
  h = await openHarness()
})

afterAll(async () => {
  await h.local.close()
})

interface UploadResult {
  fileID: string
  statusCode: number
  errMsg: string
}
interface TempUrlResult {
  fileList: Array<{ fileID: string; tempFileURL: string; status: number; errMsg: string; maxAge?: number }>
  errMsg: string
}
interface DeleteResult {
  fileList: Array<{ fileID: string; status: number; errMsg: string }>
  errMsg: string
}

describe('cloud storage', () => {
  const bytes = Buffer.from([0, 1, 2, 250, 255, 10, 13, 0x89, 0x50])

  it('uploads, serves the bytes at the temp URL, downloads, and deletes', async () => {
    const uploaded = await result<UploadResult>(h.cloud.uploadFile({ cloudPath: 'wishes/w1/照片.bin', fileContent: bytes }))
    expect(uploaded.errMsg).toBe('uploadFile:ok')
    // wx-server-sdk 4.0.2 reads statusCode from an `onResponseReceived` hook that @cloudbase/node-sdk
    // 3.17.2 never calls, so production answers -1 here too.
    expect(uploaded.statusCode).toBe(-1)
    expect(uploaded.fileID).toMatch(/^cloud:\/\/[^/]+\/wishes\/w1\/照片\.bin$/)

    const urls = await result<TempUrlResult>(h.cloud.getTempFileURL({ fileList: [uploaded.fileID] }))
    expect(urls.errMsg).toBe('getTempFileURL:ok')
    const [item] = urls.fileList
    expect(item).toMatchObject({ fileID: uploaded.fileID, status: 0, errMsg: 'ok' })
    const fetched = await fetch(item?.tempFileURL ?? '')
    expect(fetched.status).toBe(200)
    expect(Buffer.from(await fetched.arrayBuffer()).equals(bytes)).toBe(true)

    const downloaded = await result<{ fileContent: Buffer; statusCode: number; errMsg: string }>(h.cloud.downloadFile({ fileID: uploaded.fileID }))
    expect(downloaded.errMsg).toBe('downloadFile:ok')
    expect(Buffer.from(downloaded.fileContent).equals(bytes)).toBe(true)

    const deleted = await result<DeleteResult>(h.cloud.deleteFile({ fileList: [uploaded.fileID] }))
    expect(deleted).toEqual({ fileList: [{ fileID: uploaded.fileID, status: 0, errMsg: 'ok' }], errMsg: 'deleteFile:ok' })
    expect((await fetch(item?.tempFileURL ?? '')).status).toBe(404)
  })

  it('overwrites a file uploaded again to the same path', async () => {
    await result(h.cloud.uploadFile({ cloudPath: 'boards/b1.txt', fileContent: Buffer.from('v1') }))
    const second = await result<UploadResult>(h.cloud.uploadFile({ cloudPath: 'boards/b1.txt', fileContent: Buffer.from('v2') }))
    const urls = await result<TempUrlResult>(h.cloud.getTempFileURL({ fileList: [second.fileID] }))
    expect(await (await fetch(urls.fileList[0]?.tempFileURL ?? '')).text()).toBe('v2')
  })

  it('reports a missing file per item (status -503003) without rejecting the call', async () => {
    const missing = 'cloud://local.local-bucket/nope/none.png'
    const urls = await result<TempUrlResult>(h.cloud.getTempFileURL({ fileList: [missing] }))
    expect(urls.fileList[0]).toMatchObject({ fileID: missing, status: -503003, tempFileURL: '' })
    const deleted = await result<DeleteResult>(h.cloud.deleteFile({ fileList: [missing] }))
    expect(deleted.fileList[0]).toMatchObject({ fileID: missing, status: -503003 })
  })

  it('refuses a cloud path that could escape the storage folder', async () => {
    const err = await failure(h.cloud.uploadFile({ cloudPath: 'a/../../escape.txt', fileContent: Buffer.from('x') }))
    expect(err.message).toMatch(/invalid cloudPath/)
  })

  it('refuses an upload to the storage URL without a valid upload token', async () => {
    const res = await fetch(`${h.local.url}/files/sneaky.txt`, { method: 'PUT', body: 'x' })
    expect(res.status).toBe(403)
    const urls = await result<TempUrlResult>(h.cloud.getTempFileURL({ fileList: ['cloud://local.local-bucket/sneaky.txt'] }))
    expect(urls.fileList[0]?.status).toBe(-503003)
  })
})
