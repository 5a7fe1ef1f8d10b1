import { decodeQrPng, isPng } from '../support/qr-decode'
import { failure, openHarness, result, type Harness } from '../support/sdk/sdk-harness'

/**
 * docs/local-cloud.md "Cloud calls": cloud calls through `cloud.openapi.*` reach the local stand-ins over the real
 * `wx.openApi` wire (multipart + protobuf) and come back in the SDK's result shapes.
 */
let h: Harness

beforeAll(async () => {
  h = await openHarness('openapi-caller')
})

afterAll(async () => {
  await h.local.close()
})

interface BufferResult {
  buffer: Buffer
  contentType: string
  errCode: number
  errMsg: string
}

interface SecCheckResult {
  result: { suggest: string; label: number }
  detail: Array<{ strategy: string; errcode: number; suggest: string; label: number; keyword?: string }>
  traceId: string
  errCode: number
  errMsg: string
}

describe('openapi.wxacode.getUnlimited', () => {
  it('answers a PNG buffer whose QR code decodes to "<page>?scene=<scene>"', async () => {
    const res = await result<BufferResult>(h.cloud.openapi.wxacode.getUnlimited({ scene: 'L42-Ab3x9', page: 'pages/checkin/index', width: 300 }))
    expect(res.errCode).toBe(0)
    expect(res.errMsg).toBe('openapi.wxacode.getUnlimited:ok')
    expect(res.contentType).toBe('image/png')
    expect(Buffer.isBuffer(res.buffer)).toBe(true)
    expect(isPng(res.buffer)).toBe(true)
    const decoded = decodeQrPng(res.buffer)
    expect(decoded.text).toBe('pages/checkin/index?scene=L42-Ab3x9')
    expect(decoded.width).toBe(300)
  })

  it('URL-encodes the scene in the code, as the scanned page receives it', async () => {
    const res = await result<BufferResult>(h.cloud.openapi.wxacode.getUnlimited({ scene: 'id=7&t=a/b', page: 'pages/checkin/index' }))
    const { text } = decodeQrPng(res.buffer)
    expect(text).toBe(`pages/checkin/index?scene=${encodeURIComponent('id=7&t=a/b')}`)
    expect(decodeURIComponent(text.split('scene=')[1] ?? '')).toBe('id=7&t=a/b')
  })

  it('rejects a scene longer than 32 characters with errCode 40169', async () => {
    const err = await failure(h.cloud.openapi.wxacode.getUnlimited({ scene: 'x'.repeat(33), page: 'pages/checkin/index' }))
    expect(err.errCode).toBe(40169)
    expect(err.message).toMatch(/openapi\.wxacode\.getUnlimited:fail/)
  })

  it('rejects a page with a leading slash with errCode 41030', async () => {
    const err = await failure(h.cloud.openapi.wxacode.getUnlimited({ scene: 'a', page: '/pages/checkin/index' }))
    expect(err.errCode).toBe(41030)
  })
})

describe('openapi.security.msgSecCheck (v2)', () => {
  const check = (content: string) =>
    result<SecCheckResult>(h.cloud.openapi.security.msgSecCheck({ content, version: 2, scene: 2, openid: 'openapi-caller' }))

  it('passes ordinary text with label 100', async () => {
    const res = await check('感谢志愿者帮忙修好了楼道的灯')
    expect(res.errCode).toBe(0)
    expect(res.errMsg).toBe('openapi.security.msgSecCheck:ok')
    expect(res.result).toEqual({ suggest: 'pass', label: 100 })
    expect(res.detail[0]).toMatchObject({ strategy: 'content_model', errcode: 0, suggest: 'pass', label: 100 })
    expect(typeof res.traceId).toBe('string')
  })

  it('marks listed words risky with their label, still errCode 0', async () => {
    const res = await check('周末一起去赌博吧')
    expect(res.errCode).toBe(0)
    expect(res.result).toEqual({ suggest: 'risky', label: 20006 })
    expect(res.detail[0]?.keyword).toBe('赌博')
  })

  it('holds ad-like text for review', async () => {
    const res = await check('有需要的加微信详聊')
    expect(res.result).toEqual({ suggest: 'review', label: 10001 })
  })

  it('rejects a call without openid with errCode 40003', async () => {
    const err = await failure(h.cloud.openapi.security.msgSecCheck({ content: 'hi', version: 2, scene: 2 }))
    expect(err.errCode).toBe(40003)
  })

  it('answers v1 (no version) risky content with errCode 87014', async () => {
    const err = await failure(h.cloud.openapi.security.msgSecCheck({ content: 'local-risky' }))
    expect(err.errCode).toBe(87014)
  })
})

describe('openapi.subscribeMessage.send', () => {
  it('records the message in the outbox, newest last', async () => {
    const send = (title: string) =>
      result<{ errCode: number; errMsg: string; msgid: unknown }>(
        h.cloud.openapi.subscribeMessage.send({
          touser: 'member-openid',
          templateId: 'TPL_LECTURE_REMINDER',
          page: 'pages/lecture/detail?id=L1',
          data: { thing1: { value: title }, time2: { value: '2026-03-01 19:30' } },
          miniprogramState: 'developer',
        }),
      )
    const first = await send('党课提醒一')
    await send('党课提醒二')
    expect(first.errCode).toBe(0)
    expect(first.errMsg).toBe('openapi.subscribeMessage.send:ok')
    const outbox = await h.local.backend.outbox()
    expect(outbox).toHaveLength(2)
    expect(outbox[0]).toMatchObject({
      touser: 'member-openid',
      templateId: 'TPL_LECTURE_REMINDER',
      page: 'pages/lecture/detail?id=L1',
      data: { thing1: { value: '党课提醒一' }, time2: { value: '2026-03-01 19:30' } },
    })
    expect(outbox[0]?.sentAt).toBeInstanceOf(Date)
    expect((outbox[1]?.data as { thing1: { value: string } }).thing1.value).toBe('党课提醒二')
  })

  it('rejects a message without touser (40003) or templateId (40037) and records nothing', async () => {
    const before = (await h.local.backend.outbox()).length
    const noUser = await failure(h.cloud.openapi.subscribeMessage.send({ templateId: 'TPL', data: { thing1: { value: 'x' } } }))
    expect(noUser.errCode).toBe(40003)
    const noTemplate = await failure(h.cloud.openapi.subscribeMessage.send({ touser: 'u', data: { thing1: { value: 'x' } } }))
    expect(noTemplate.errCode).toBe(40037)
    expect(await h.local.backend.outbox()).toHaveLength(before)
  })
})

describe('cloud calls the backend does not implement', () => {
  it('are refused with an error naming the API', async () => {
    const err = await failure(h.cloud.openapi.wxacode.createQRCode({ path: 'pages/index/index' }))
    expect(err.errCode).toBe(-501007)
    expect(err.message).toMatch(/unsupported openapi wxacode\.createQRCode/)
  })
})
