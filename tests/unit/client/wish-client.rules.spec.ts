import { WISH_PHOTO_FOLDER } from '@contracts/rules'
import { wishWaitingText } from '@/features/wishes/rules/wish-next-step.rules'
import { checkWishPhoto, wishPhotoCloudPath, WISH_PHOTO_MAX_BYTES } from '@/features/wishes/rules/wish-photo.rules'
import { wishFormErrorsFromServer } from '@/features/wishes/rules/wish-form.rules'

describe('a wish photo', () => {
  it.each([
    ['灯泡.PNG', 1000, { ok: true, ext: 'png' }],
    ['photo.jpeg', 1000, { ok: true, ext: 'jpg' }],
    ['讲稿.pdf', 1000, { ok: false, message: '请选择照片（jpg、png 等图片）' }],
    ['无后缀', 1000, { ok: false, message: '请选择照片（jpg、png 等图片）' }],
    ['big.jpg', WISH_PHOTO_MAX_BYTES + 1, { ok: false, message: '照片太大了（超过 10 MB），请换一张或截图后再传' }],
  ])('%s of %i bytes → %j', (name, size, expected) => {
    expect(checkWishPhoto({ name, size })).toEqual(expected)
  })

  it('goes under the wish folder, by the Beijing month (UTC 16:30 on 31 Jan is February in Beijing)', () => {
    const at = Date.parse('2026-01-31T16:30:00Z')
    const p = wishPhotoCloudPath('png', at, 'abc123')
    expect(p).toBe(`${WISH_PHOTO_FOLDER}202602/${at.toString(36)}-abc123.png`)
    expect(p.startsWith('wish-photos/')).toBe(true)
  })
})

describe('the post form and the server', () => {
  it('places dotted paths on the form fields', () => {
    expect(wishFormErrorsFromServer({ 'onBehalfOf.name': '请填写心愿人姓名', 'photos.0': '照片标识格式不正确，请重新上传', cost: '微心愿的预计花费不超过 300 元', unknown: 'x' })).toEqual({
      beneficiaryName: '请填写心愿人姓名',
      photos: '照片标识格式不正确，请重新上传',
      cost: '微心愿的预计花费不超过 300 元',
    })
  })
})

describe('who acts next', () => {
  it.each([
    ['pending', 'poster', '已提交，等待支部书记审核。审核通过后党员就能看到。'],
    ['open', 'poster', '审核已通过，正在等党员认领。'],
    ['claimed', 'member', '已由李**认领。'],
    ['fulfilled', 'poster', '认领人已标记完成，请确认。'],
    ['withdrawn', 'poster', '心愿已撤回。'],
  ] as const)('%s, seen by the %s', (status, relation, text) => {
    expect(wishWaitingText({ status, relation, claimerName: '李**' })).toBe(text)
  })
})
