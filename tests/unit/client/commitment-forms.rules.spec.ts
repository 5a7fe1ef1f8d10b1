import { commitmentPhotoIdSchema } from '@contracts'
import { COMMITMENT_ITEMS_MAX, COMMITMENT_TEXT_MAX } from '@contracts/rules'
import {
  EMPTY_DRAFT_ITEM,
  checkCard,
  checkDraft,
  checkOutcome,
  checkProgress,
  checkRate,
  draftErrorsFromServer,
  fieldErrorsFrom,
  OUTCOME_FIELDS,
} from '@/features/commitments/rules/commitment-form.rules'
import { lastResultDay, monthLabel } from '@/features/commitments/rules/commitment-month.rules'
import { commitmentPhotoCloudPath } from '@/features/commitments/rules/commitment-photo.rules'

const PLAN = 'C202612abcdef012345'
const filled = { text: ' 每周走访 2 户 ', category: 'service' as const, measure: '全月 8 户' }

describe('the month\'s draft', () => {
  it('sends trimmed items, naming only those already in the plan', () => {
    expect(checkDraft('2026-12', [{ ...filled, itemId: 'item01' }, filled])).toEqual({
      ok: true,
      value: {
        month: '2026-12',
        items: [
          { itemId: 'item01', text: '每周走访 2 户', category: 'service', measure: '全月 8 户' },
          { text: '每周走访 2 户', category: 'service', measure: '全月 8 户' },
        ],
      },
    })
  })

  it('says what is missing on each item, and refuses none or too many', () => {
    expect(checkDraft('2026-12', [filled, EMPTY_DRAFT_ITEM])).toEqual({
      ok: false,
      errors: { '1.text': '请写下这条承诺要做什么', '1.category': '请选择承诺类别', '1.measure': '请写下怎样算做到了，例如“走访 10 户”' },
    })
    expect(checkDraft('2026-12', [])).toEqual({ ok: false, errors: { items: '请至少写 1 条承诺' } })
    const six = Array.from({ length: COMMITMENT_ITEMS_MAX + 1 }, () => filled)
    expect(checkDraft('2026-12', six)).toEqual({ ok: false, errors: { items: `每月承诺最多 ${COMMITMENT_ITEMS_MAX} 条` } })
    expect(checkDraft('2026-12', [{ ...filled, text: '字'.repeat(COMMITMENT_TEXT_MAX + 1) }])).toEqual({ ok: false, errors: { '0.text': `承诺内容不超过 ${COMMITMENT_TEXT_MAX} 个字` } })
  })

  it('places the server\'s dotted paths on the item they name', () => {
    expect(draftErrorsFromServer({ 'items.2.measure': '太短', items: '最多 5 条', month: '月份不对' })).toEqual({ '2.measure': '太短', items: '最多 5 条' })
  })
})

describe('progress and results', () => {
  it.each([
    ['', '请填写完成了多少（0 到 100）'],
    ['101', '进度请填写 0 到 100 的整数'],
    ['5.5', '进度请填写 0 到 100 的整数'],
  ])('refuses a percentage of %j', (percent, message) => {
    expect(checkProgress(PLAN, 'item01', { percent, note: '做了', photos: [] })).toEqual({ ok: false, errors: { percent: message } })
  })

  it('sends the percentage as a number and the photos as fileIDs', () => {
    const photo = { fileID: 'cloud://env.x/commitment-photos/a.jpg', preview: 'blob:1' }
    expect(checkProgress(PLAN, 'item01', { percent: '60', note: ' 走访 5 户 ', photos: [photo] })).toEqual({
      ok: true,
      value: { planId: PLAN, itemId: 'item01', percent: 60, note: '走访 5 户', photos: [photo.fileID] },
    })
  })

  it('needs a reason unless kept in full, and sends none when kept', () => {
    expect(checkOutcome(PLAN, 'item01', { outcome: 'partial', evidence: '做了一半', reason: ' ', photos: [] })).toEqual({
      ok: false,
      errors: { reason: '请写下没有完全兑现的原因，群众会看到' },
    })
    expect(checkOutcome(PLAN, 'item01', { outcome: 'kept', evidence: '全部做到', reason: '多余的话', photos: [] })).toEqual({
      ok: true,
      value: { planId: PLAN, itemId: 'item01', outcome: 'kept', evidence: '全部做到' },
    })
    expect(checkOutcome(PLAN, 'item01', { outcome: '', evidence: '', reason: '', photos: [] })).toEqual({
      ok: false,
      errors: { outcome: '请选择兑现情况', evidence: '请写一写做成了什么，有什么可以证明' },
    })
  })

  it('places the server\'s paths on the fields they name, and leaves out the rest', () => {
    expect(fieldErrorsFrom({ reason: '请写下没有完全兑现的原因', 'photos.1': '照片标识格式不正确，请重新上传', planId: 'x' }, OUTCOME_FIELDS)).toEqual({
      reason: '请写下没有完全兑现的原因',
      photos: '照片标识格式不正确，请重新上传',
    })
  })
})

describe('rating and the card', () => {
  it('needs a choice; the comment is optional and trimmed', () => {
    expect(checkRate(PLAN, { satisfaction: '', comment: '' })).toEqual({ ok: false, errors: { satisfaction: '请选一项：满意、基本满意或不满意' } })
    expect(checkRate(PLAN, { satisfaction: 'basic', comment: '  ' })).toEqual({ ok: true, value: { planId: PLAN, satisfaction: 'basic' } })
  })

  it('refuses to show a phone that is not there, and sends an empty one when hidden', () => {
    expect(checkCard({ photo: null, post: '楼栋长', phone: '', showPhone: true })).toEqual({ ok: false, errors: { phone: '要公开电话，请先填写手机号' } })
    expect(checkCard({ photo: null, post: '楼栋长', phone: '139 0013 9000', showPhone: false })).toEqual({ ok: true, value: { post: '楼栋长', phone: '13900139000', showPhone: false } })
    expect(checkCard({ photo: null, post: '楼栋长', phone: '1390013', showPhone: false })).toEqual({ ok: false, errors: { phone: '请填写 11 位手机号' } })
  })
})

describe('a commitment photo and a month', () => {
  it('goes under the folder the function accepts, by the Beijing month (UTC 16:30 on 30 Nov is December in Beijing)', () => {
    const at = Date.parse('2026-11-30T16:30:00Z')
    const path = commitmentPhotoCloudPath('jpg', at, 'abc123')
    expect(path).toBe(`commitment-photos/202612/${at.toString(36)}-abc123.jpg`)
    expect(commitmentPhotoIdSchema.safeParse(`cloud://demo.env-1/${path}`).success).toBe(true)
  })

  it('reads as people say it', () => {
    expect(monthLabel('2027-01')).toBe('2027年1月')
  })

  it('names the last day of results: the 5th, though the deadline is the 6th at 00:00 in Beijing (16:00 UTC on the 5th)', () => {
    expect(lastResultDay('2027-01-05T16:00:00.000Z', Date.parse('2026-12-20T00:00:00Z'))).toBe('2027年1月5日（周二）')
  })
})
