import { fireEvent, render, waitFor } from '@testing-library/react'
import { Current } from '@tarojs/runtime'
import { lectureInputSchema } from '../../cloudfunctions/contracts'
import LectureEditPage from '@/packages/secretary/pages/lecture-edit/index'
import { checkLectureForm } from '@/features/lectures/rules/lecture-form-check.rules'
import { formErrorsFromServer } from '@/features/lectures/rules/lecture-form-errors.rules'
import { withSpeakerMember, withSpeakerName, withoutSpeakerLink } from '@/features/lectures/rules/lecture-form-updates.rules'
import { emptyLectureForm, type LectureFormValues } from '@/features/lectures/rules/lecture-form-values.rules'
import { PAST_ALL_MESSAGE, PAST_START_TITLE, asksPastStart, pastStartMessage } from '@/features/lectures/rules/past-start.rules'
import { resetWhoamiStore } from '@/features/members/whoami.store'
import { beijingToday } from '@/utils/beijing-time'
import type { Answer } from '../support/app/cloud-stub'
import { click, stubCloud, textOf, typeInto } from '../support/app/cloud-stub'
import { memberRows, whoamiAs } from '../support/app/fixtures'

const Taro = jest.requireActual<{
  __navigations: () => Array<{ kind: string; url: string }>
  __resetNavigations: () => void
  __titles: () => string[]
  __resetTitles: () => void
}>('@tarojs/taro')

const DAY_MS = 24 * 60 * 60 * 1000
/** A date a week ahead (Beijing): a lecture saved on it starts in the future, whenever the tests run. */
const NEXT_WEEK = beijingToday(Date.now() + 7 * DAY_MS)

function form(over: Partial<LectureFormValues> = {}): LectureFormValues {
  return {
    ...emptyLectureForm('2026-11-22'),
    title: '学习贯彻党的二十届三中全会精神',
    speakerName: '王建国',
    startTime: '19:30',
    endTime: '21:00',
    locationName: '社区党群服务中心二楼',
    ...over,
  }
}

describe('lecture form rules', () => {
  it('refuses an end before (or at) the start', () => {
    const before = checkLectureForm(form({ startTime: '19:30', endTime: '19:00' }))
    expect(before).toEqual({ ok: false, errors: { endTime: '结束时间必须晚于开始时间' } })
    const same = checkLectureForm(form({ startTime: '19:30', endTime: '19:30' }))
    expect(same.ok).toBe(false)
  })

  it('asks for every required field in words', () => {
    const checked = checkLectureForm({ ...emptyLectureForm(''), materials: [{ title: '', url: 'ftp://x' }] })
    expect(checked).toEqual({
      ok: false,
      errors: {
        title: '请填写标题',
        speakerName: '请填写主讲人',
        locationName: '请填写地点',
        date: '请选择日期',
        startTime: '请选择开始时间',
        endTime: '请选择结束时间',
        'materials.0.title': '请填写资料名称',
        'materials.0.url': '链接格式不正确，请填写以 http:// 或 https:// 开头的完整链接',
      },
    })
    expect(checkLectureForm(form({ opensBeforeMinutes: '-5' })).ok).toBe(false)
    expect(checkLectureForm(form({ title: '长'.repeat(61) }))).toEqual({ ok: false, errors: { title: '标题不能超过 60 个字' } })
  })

  it('builds the create input the contract accepts: Beijing times as +08:00 ISO, trimmed text', () => {
    const checked = checkLectureForm(
      form({
        title: '  学习党章  ',
        date: '2026-11-23',
        startTime: '00:10',
        endTime: '01:40',
        audience: 'open',
        checkinMode: 'static',
        materials: [{ title: '党章全文', url: ' https://example.org/dangzhang.pdf ' }],
        opensBeforeMinutes: '45',
      }),
    )
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors))
    expect(checked.value).toEqual({
      title: '学习党章',
      topic: '',
      speaker: { name: '王建国' },
      startAt: '2026-11-23T00:10:00+08:00',
      endAt: '2026-11-23T01:40:00+08:00',
      location: { name: '社区党群服务中心二楼' },
      audience: 'open',
      checkinMode: 'static',
      materials: [{ title: '党章全文', url: 'https://example.org/dangzhang.pdf' }],
      checkinWindow: { opensBeforeMinutes: 45, closesAfterMinutes: 0 },
    })
    expect(lectureInputSchema.safeParse(checked.value).success).toBe(true)
  })

  it('links a picked member as the speaker; a name typed by hand, or 取消关联, makes an outside lecturer', () => {
    const picked = withSpeakerMember(form({ speakerName: '' }), { openid: 'demo-li', name: '李秀英', role: 'member' })
    expect(picked).toMatchObject({ speakerName: '李秀英', speakerOpenid: 'demo-li', speakerRole: 'member' })
    const sent = checkLectureForm(picked)
    if (!sent.ok) throw new Error(JSON.stringify(sent.errors))
    expect(sent.value.speaker).toEqual({ name: '李秀英', openid: 'demo-li' })
    expect(lectureInputSchema.safeParse(sent.value).success).toBe(true)

    // The same name again (an input event without a change) keeps the link; another name drops it.
    expect(withSpeakerName(picked, '李秀英')).toBe(picked)
    const typed = withSpeakerName(picked, '张教授')
    expect(typed.speakerName).toBe('张教授')
    expect('speakerOpenid' in typed || 'speakerRole' in typed).toBe(false)
    const outside = checkLectureForm(typed)
    expect(outside.ok && outside.value.speaker).toEqual({ name: '张教授' })

    const unlinked = withoutSpeakerLink(picked)
    expect(unlinked.speakerName).toBe('李秀英')
    expect('speakerOpenid' in unlinked).toBe(false)
  })

  it('refuses a malformed speaker link in words', () => {
    expect(checkLectureForm(form({ speakerOpenid: '{"$ne":null}' }))).toEqual({
      ok: false,
      errors: { speakerName: '关联的主讲人信息有误，请点“取消关联”后重新选择' },
    })
    expect(checkLectureForm(form({ speakerName: ' ', speakerOpenid: 'demo-li' }))).toEqual({ ok: false, errors: { speakerName: '请填写主讲人' } })
  })

  it('asks before saving a start already past, chosen on this form; not for a lecture edited without moving it', () => {
    const now = Date.parse('2026-11-22T11:30:00Z') // 19:30 in Beijing
    const fresh = emptyLectureForm('2026-11-22')
    expect(asksPastStart(form({ date: '2026-11-22', startTime: '19:00' }), fresh, now)).toBe(true)
    expect(asksPastStart(form({ date: '2026-11-22', startTime: '19:30' }), fresh, now)).toBe(true)
    expect(asksPastStart(form({ date: '2026-11-22', startTime: '19:31' }), fresh, now)).toBe(false)
    // Just after Beijing midnight the previous Beijing day is past, though still "today" in UTC.
    expect(asksPastStart(form({ date: '2026-11-22', startTime: '23:50' }), fresh, Date.parse('2026-11-22T16:05:00Z'))).toBe(true)
    expect(asksPastStart(form({ date: '', startTime: '19:00' }), fresh, now)).toBe(false)

    const begun = form({ date: '2026-11-22', startTime: '19:00' })
    expect(asksPastStart({ ...begun, topic: '补充简介' }, begun, now)).toBe(false)
    expect(asksPastStart({ ...begun, startTime: '18:30' }, begun, now)).toBe(true)
    expect(asksPastStart({ ...begun, date: '2026-11-21' }, begun, now)).toBe(true)
  })

  it('says what saving a past start means: check-in runs until the end (plus 签到截止), after that only 补录', () => {
    const now = Date.parse('2026-11-22T11:30:00Z') // 19:30 in Beijing
    const started = '党课已经开始，保存后签到照常进行到结束。仍要保存吗？'
    expect(pastStartMessage(form({ date: '2026-11-22', startTime: '19:00', endTime: '21:00' }), now)).toBe(started)
    expect(pastStartMessage(form({ date: '2026-11-22', startTime: '18:00', endTime: '19:30' }), now)).toBe(PAST_ALL_MESSAGE)
    expect(PAST_ALL_MESSAGE).toBe('这场党课的时间已经全部过去，保存后无法扫码签到，只能由书记补录。仍要保存吗？')
    // Ended, but check-in stays open 15 minutes after the end: scanning still works until then.
    const closesLater = form({ date: '2026-11-22', startTime: '18:00', endTime: '19:20', closesAfterMinutes: '15' })
    expect(pastStartMessage(closesLater, now)).toBe('党课已经开始，保存后签到照常进行到结束后 15 分钟。仍要保存吗？')
    expect(pastStartMessage({ ...closesLater, closesAfterMinutes: '10' }, now)).toBe(PAST_ALL_MESSAGE)
    expect(pastStartMessage(form({ date: '2026-11-21', startTime: '19:00', endTime: '21:00' }), now)).toBe(PAST_ALL_MESSAGE)
  })

  it("places the server's field messages on the form", () => {
    expect(formErrorsFromServer({ endAt: '结束时间必须晚于开始时间', 'speaker.name': '请填写主讲人', 'materials.1.url': '链接格式不正确' })).toEqual({
      endTime: '结束时间必须晚于开始时间',
      speakerName: '请填写主讲人',
      'materials.1.url': '链接格式不正确',
    })
    expect(formErrorsFromServer({ 'speaker.openid': '用户标识格式不正确' })).toEqual({ speakerName: '用户标识格式不正确' })
  })
})

describe('发布党课 page', () => {
  beforeEach(() => {
    resetWhoamiStore()
    Taro.__resetNavigations()
    Taro.__resetTitles()
    Current.router = { params: {}, path: '/packages/secretary/pages/lecture-edit/index' } as unknown as typeof Current.router
  })
  afterEach(() => {
    Current.router = null
  })

  async function pick(container: HTMLElement, selector: string, value: string) {
    const input = await waitFor(() => {
      const el = container.querySelector<HTMLInputElement>(`${selector} input`)
      if (!el) throw new Error(`no input in ${selector}`)
      return el
    })
    fireEvent.change(input, { target: { value } })
  }

  it('refuses an end before the start without sending, then saves a draft with +08:00 times', async () => {
    const stub = stubCloud((_fn, event) => {
      if (event.action === 'whoami') return { ok: true, data: whoamiAs('secretary') }
      return {
        ok: true,
        data: {
          id: 'Labc1234567',
          branchId: 'branch-1',
          branchName: '幸福里社区第一党支部',
          title: event.title,
          topic: '',
          speaker: { name: '王建国', openid: null },
          startAt: '2026-11-22T11:30:00.000Z',
          endAt: '2026-11-22T13:00:00.000Z',
          location: { name: '社区党群服务中心二楼', latitude: null, longitude: null, radius: null },
          audience: 'branch',
          checkinMode: 'rotating',
          materials: [],
          checkinWindow: { opensBeforeMinutes: 30, closesAfterMinutes: 0 },
          checkinOpensAt: '2026-11-22T11:00:00.000Z',
          checkinClosesAt: '2026-11-22T13:00:00.000Z',
          status: 'draft',
          cancelReason: null,
          checkinCount: 0,
          fromOtherBranch: false,
          me: { checkedIn: false, checkedInAt: null, removed: false, removedReason: null, rated: false, canManage: true, canSeeAttendance: true, isSpeaker: false },
        },
      }
    })
    const { container } = render(<LectureEditPage />)
    await waitFor(() => expect(container.querySelector('.lecture-form')).not.toBeNull())
    expect(container.querySelector<HTMLInputElement>('.lecture-form__date input')?.value).toBe(beijingToday())

    await typeInto(container, '.lecture-form__title', '学习贯彻党的二十届三中全会精神')
    await typeInto(container, '.lecture-form__speaker', '王建国')
    await typeInto(container, '.lecture-form__place', '社区党群服务中心二楼')
    await pick(container, '.lecture-form__date', NEXT_WEEK)
    await pick(container, '.lecture-form__start', '19:30')
    await pick(container, '.lecture-form__end', '19:00')
    click(container, '.lecture-form__submit')
    await waitFor(() => expect(textOf(container, '.lecture-form__end .form-field__error')).toBe('结束时间必须晚于开始时间'))
    expect(stub.actions()).toEqual(['whoami'])

    await pick(container, '.lecture-form__end', '21:00')
    click(container, '.lecture-form__submit')
    await waitFor(() => expect(textOf(container, '.lecture-edit__saved-title')).toBe('已保存为草稿'))
    const create = stub.calls.find((c) => c.event.action === 'create')?.event
    expect(create).toMatchObject({ startAt: `${NEXT_WEEK}T19:30:00+08:00`, endAt: `${NEXT_WEEK}T21:00:00+08:00`, audience: 'branch', checkinMode: 'rotating' })
    expect(textOf(container, '.lecture-edit__publish')).toBe('发布')
  })

  it('is titled 发布党课 for a new lecture, 编辑党课 once 继续修改 edits the saved draft', async () => {
    stubCloud((_fn, event) => (event.action === 'whoami' ? { ok: true, data: whoamiAs('secretary') } : draftAnswer(event)))
    const { container } = render(<LectureEditPage />)
    await waitFor(() => expect(container.querySelector('.lecture-form')).not.toBeNull())
    expect(Taro.__titles()).toEqual(['发布党课'])
    await fillRequired(container)
    click(container, '.lecture-form__submit')
    await waitFor(() => expect(textOf(container, '.lecture-edit__saved-title')).toBe('已保存为草稿'))
    click(container, '.lecture-edit__continue')
    await waitFor(() => expect(Taro.__titles()).toEqual(['发布党课', '编辑党课']))
  })

  it('is titled 编辑党课 when editing an existing lecture', async () => {
    Current.router = { params: { id: 'Labc1234567' }, path: '/packages/secretary/pages/lecture-edit/index' } as unknown as typeof Current.router
    const published = { ...draftAnswer({ title: '学习党章' }).data, status: 'published' }
    stubCloud((_fn, event) => (event.action === 'whoami' ? { ok: true, data: whoamiAs('secretary') } : { ok: true, data: published }))
    const { container } = render(<LectureEditPage />)
    await waitFor(() => expect(container.querySelector('.lecture-form')).not.toBeNull())
    expect(Taro.__titles()).toEqual(['编辑党课'])
  })
  /** The browser's position API as jsdom lacks it: answers `answer` (a position, or a refusal message). */
  function stubGeolocation(answer: { latitude: number; longitude: number } | { message: string }) {
    const getCurrentPosition = jest.fn((ok: PositionCallback, fail?: PositionErrorCallback | null) => {
      if ('message' in answer) fail?.({ code: 1, message: answer.message } as GeolocationPositionError)
      else ok({ coords: { latitude: answer.latitude, longitude: answer.longitude, accuracy: 20 } } as GeolocationPosition)
    })
    Object.defineProperty(navigator, 'geolocation', { configurable: true, value: { getCurrentPosition } })
    return getCurrentPosition
  }

  function draftAnswer(event: Record<string, unknown>) {
    return {
      ok: true as const,
      data: {
        id: 'Labc1234567',
        branchId: 'branch-1',
        branchName: '幸福里社区第一党支部',
        title: event.title,
        topic: '',
        speaker: { name: '王建国', openid: null },
        startAt: '2026-11-22T11:30:00.000Z',
        endAt: '2026-11-22T13:00:00.000Z',
        location: { name: '社区党群服务中心二楼', latitude: null, longitude: null, radius: null },
        audience: 'branch',
        checkinMode: 'rotating',
        materials: [],
        checkinWindow: { opensBeforeMinutes: 30, closesAfterMinutes: 0 },
        checkinOpensAt: '2026-11-22T11:00:00.000Z',
        checkinClosesAt: '2026-11-22T13:00:00.000Z',
        status: 'draft',
        cancelReason: null,
        checkinCount: 0,
        fromOtherBranch: false,
        me: { checkedIn: false, checkedInAt: null, removed: false, removedReason: null, rated: false, canManage: true, canSeeAttendance: true, isSpeaker: false },
      },
    }
  }

  async function fillRequired(container: HTMLElement) {
    await typeInto(container, '.lecture-form__title', '学习贯彻党的二十届三中全会精神')
    await typeInto(container, '.lecture-form__speaker', '王建国')
    await typeInto(container, '.lecture-form__place', '社区党群服务中心二楼')
    await pick(container, '.lecture-form__date', NEXT_WEEK)
    await pick(container, '.lecture-form__start', '19:30')
    await pick(container, '.lecture-form__end', '21:00')
  }

  it('sets the venue from where the browser is (使用我当前的位置), with a chosen radius, and sends it', async () => {
    const geo = stubGeolocation({ latitude: 31.230412, longitude: 121.473701 })
    const stub = stubCloud((_fn, event) => (event.action === 'whoami' ? { ok: true, data: whoamiAs('secretary') } : draftAnswer(event)))
    const { container } = render(<LectureEditPage />)
    await waitFor(() => expect(container.querySelector('.lecture-form__venue')).not.toBeNull())
    await fillRequired(container)

    expect(textOf(container, '.lecture-form__venue-locate')).toBe('使用我当前的位置')
    click(container, '.lecture-form__venue-radius .option-group__option--500')
    click(container, '.lecture-form__venue-locate')
    await waitFor(() => expect(textOf(container, '.lecture-form__venue-chosen')).toBe('已定位：北纬 31.23041°，东经 121.47370°'))
    expect(geo).toHaveBeenCalledTimes(1)
    expect(container.querySelector('.lecture-form__venue-radius .option-group__option--500.option-group__option--selected')).not.toBeNull()
    click(container, '.lecture-form__venue-radius .option-group__option--1000')

    click(container, '.lecture-form__submit')
    await waitFor(() => expect(textOf(container, '.lecture-edit__saved-title')).toBe('已保存为草稿'))
    const create = stub.calls.find((c) => c.event.action === 'create')?.event
    expect(create?.location).toEqual({ name: '社区党群服务中心二楼', latitude: 31.230412, longitude: 121.473701, radius: 1000 })
  })

  it('says what to do when the browser refuses, and 清除定位 drops the point', async () => {
    stubGeolocation({ message: 'User denied Geolocation' })
    const stub = stubCloud((_fn, event) => (event.action === 'whoami' ? { ok: true, data: whoamiAs('secretary') } : draftAnswer(event)))
    const { container } = render(<LectureEditPage />)
    await waitFor(() => expect(container.querySelector('.lecture-form__venue')).not.toBeNull())
    await fillRequired(container)
    click(container, '.lecture-form__venue-locate')
    await waitFor(() => expect(textOf(container, '.lecture-form__venue-error')).toContain('浏览器拒绝了定位'))
    expect(container.querySelector('.lecture-form__venue-chosen')).toBeNull()

    stubGeolocation({ latitude: 39.9087, longitude: 116.3975 })
    click(container, '.lecture-form__venue-locate')
    await waitFor(() => expect(container.querySelector('.lecture-form__venue-chosen')).not.toBeNull())
    expect(container.querySelector('.lecture-form__venue-error')).toBeNull()
    click(container, '.lecture-form__venue-clear')
    await waitFor(() => expect(container.querySelector('.lecture-form__venue-chosen')).toBeNull())

    click(container, '.lecture-form__submit')
    await waitFor(() => expect(textOf(container, '.lecture-edit__saved-title')).toBe('已保存为草稿'))
    expect(stub.calls.find((c) => c.event.action === 'create')?.event.location).toEqual({ name: '社区党群服务中心二楼' })
  })
  /** The secretary's branch: `total` members, 20 a page, by a numeric cursor. */
  function branchServer(total: number, over: (event: Record<string, unknown>) => Answer | null = () => null) {
    const rows = memberRows(total)
    return stubCloud((_fn, event) => {
      const answer = over(event)
      if (answer) return answer
      if (event.action === 'whoami') return { ok: true, data: whoamiAs('secretary') }
      if (event.action === 'listMembers') {
        const start = Number(event.cursor ?? 0)
        const end = start + Number(event.limit)
        return { ok: true, data: { items: rows.slice(start, end), ...(end < total ? { nextCursor: String(end) } : {}) } }
      }
      return draftAnswer(event)
    })
  }

  async function fillAllButSpeaker(container: HTMLElement) {
    await typeInto(container, '.lecture-form__title', '学习贯彻党的二十届三中全会精神')
    await typeInto(container, '.lecture-form__place', '社区党群服务中心二楼')
    await pick(container, '.lecture-form__date', NEXT_WEEK)
    await pick(container, '.lecture-form__start', '19:30')
    await pick(container, '.lecture-form__end', '21:00')
  }

  const speakerInput = (container: HTMLElement) => container.querySelector<HTMLInputElement>('.lecture-form__speaker input')?.value

  async function pickMember(container: HTMLElement, name: string) {
    const person = await waitFor(() => {
      const el = Array.from(container.querySelectorAll('.speaker-picker .member-picker__person')).find((p) => p.querySelector('.member-picker__name')?.textContent === name)
      if (!el) throw new Error(`${name} is not offered`)
      return el
    })
    fireEvent.click(person)
  }

  it('picks the speaker from the branch members, a page at a time, and sends their name and openid', async () => {
    const stub = branchServer(25)
    const { container } = render(<LectureEditPage />)
    await waitFor(() => expect(container.querySelector('.lecture-form')).not.toBeNull())
    await fillAllButSpeaker(container)
    expect(textOf(container, '.lecture-form__speaker-hint')).toBe('本支部党员或书记主讲，请从中选择；群众或外请讲师直接填写姓名。')
    expect(stub.actions()).toEqual(['whoami'])

    click(container, '.lecture-form__speaker-choose')
    await waitFor(() => expect(container.querySelectorAll('.speaker-picker .member-picker__person')).toHaveLength(20))
    expect(textOf(container, '.speaker-picker .member-picker__meta')).toBe('党员')
    click(container, '.speaker-picker .paged-list-footer__more')
    await pickMember(container, '成员21')

    await waitFor(() => expect(textOf(container, '.lecture-form__speaker-status')).toBe('已关联：成员21（本支部党员）'))
    expect(speakerInput(container)).toBe('成员21')
    expect(container.querySelector('.speaker-picker')).toBeNull()
    expect(stub.calls.filter((c) => c.event.action === 'listMembers').map((c) => c.event.cursor)).toEqual([undefined, '20'])
    // Only 党员 and secretaries are offered: a 群众 may not be linked as the speaker.
    expect(stub.calls.filter((c) => c.event.action === 'listMembers').every((c) => c.event.speakers === true)).toBe(true)

    click(container, '.lecture-form__submit')
    await waitFor(() => expect(textOf(container, '.lecture-edit__saved-title')).toBe('已保存为草稿'))
    expect(stub.calls.find((c) => c.event.action === 'create')?.event.speaker).toEqual({ name: '成员21', openid: 'demo-u21' })
  })

  it('makes the speaker an outside lecturer when a name is typed after picking: the openid is not sent', async () => {
    const stub = branchServer(3)
    const { container } = render(<LectureEditPage />)
    await waitFor(() => expect(container.querySelector('.lecture-form')).not.toBeNull())
    await fillAllButSpeaker(container)
    click(container, '.lecture-form__speaker-choose')
    await pickMember(container, '成员1')
    await waitFor(() => expect(textOf(container, '.lecture-form__speaker-status')).toBe('已关联：成员1（本支部党员）'))

    await typeInto(container, '.lecture-form__speaker', '张教授')
    await waitFor(() => expect(textOf(container, '.lecture-form__speaker-status')).toBe('外请讲师'))
    expect(container.querySelector('.lecture-form__speaker-unlink')).toBeNull()

    click(container, '.lecture-form__submit')
    await waitFor(() => expect(textOf(container, '.lecture-edit__saved-title')).toBe('已保存为草稿'))
    expect(stub.calls.find((c) => c.event.action === 'create')?.event.speaker).toEqual({ name: '张教授' })
  })

  it('取消关联 keeps the name as an outside lecturer; an empty speaker is refused in words', async () => {
    const stub = branchServer(3)
    const { container } = render(<LectureEditPage />)
    await waitFor(() => expect(container.querySelector('.lecture-form')).not.toBeNull())
    await fillAllButSpeaker(container)
    click(container, '.lecture-form__submit')
    await waitFor(() => expect(textOf(container, '.lecture-form__speaker-field .form-field__error')).toBe('请填写主讲人'))

    click(container, '.lecture-form__speaker-choose')
    await pickMember(container, '成员2')
    await waitFor(() => expect(container.querySelector('.lecture-form__speaker-unlink')).not.toBeNull())
    click(container, '.lecture-form__speaker-unlink')
    await waitFor(() => expect(textOf(container, '.lecture-form__speaker-status')).toBe('外请讲师'))
    expect(speakerInput(container)).toBe('成员2')

    click(container, '.lecture-form__submit')
    await waitFor(() => expect(textOf(container, '.lecture-edit__saved-title')).toBe('已保存为草稿'))
    expect(stub.calls.find((c) => c.event.action === 'create')?.event.speaker).toEqual({ name: '成员2' })
  })

  it('says when the member list does not load, and 重试 loads it', async () => {
    let fail = true
    branchServer(2, (event) =>
      event.action === 'listMembers' && fail ? { ok: false, error: { code: 'COMMON.NETWORK', message: '网络不太稳定，请稍后重试' } } : null,
    )
    const { container } = render(<LectureEditPage />)
    await waitFor(() => expect(container.querySelector('.lecture-form')).not.toBeNull())
    click(container, '.lecture-form__speaker-choose')
    await waitFor(() => expect(textOf(container, '.speaker-picker .member-picker__status--error')).toBe('网络不太稳定，请稍后重试'))
    fail = false
    click(container, '.speaker-picker .member-picker__retry')
    await waitFor(() => expect(container.querySelectorAll('.speaker-picker .member-picker__person')).toHaveLength(2))
  })

  it('asks before saving a lecture whose start is already past, and saves only once confirmed', async () => {
    const stub = stubCloud((_fn, event) => (event.action === 'whoami' ? { ok: true, data: whoamiAs('secretary') } : draftAnswer(event)))
    const { container } = render(<LectureEditPage />)
    await waitFor(() => expect(container.querySelector('.lecture-form')).not.toBeNull())
    const yesterday = beijingToday(Date.now() - DAY_MS)
    await fillAllButSpeaker(container)
    await typeInto(container, '.lecture-form__speaker', '王建国')
    await pick(container, '.lecture-form__date', yesterday)

    const dialog = '.lecture-form__past-start'
    click(container, '.lecture-form__submit')
    // Yesterday's lecture: its check-in window has closed too.
    await waitFor(() => expect(textOf(document.body, `${dialog} .confirm-dialog__message`)).toBe(PAST_ALL_MESSAGE))
    expect(document.body.querySelector(dialog)?.textContent).toContain(PAST_START_TITLE)
    expect(PAST_START_TITLE).toBe('开始时间已过')
    expect(textOf(document.body, `${dialog} .confirm-dialog__confirm`)).toBe('仍要保存')
    expect(stub.actions()).toEqual(['whoami'])

    // 取消: nothing is sent, the form stays as filled.
    click(document.body, `${dialog} .confirm-dialog__cancel`)
    await waitFor(() => expect(document.body.querySelector(`${dialog} .confirm-dialog__message`)).toBeNull())
    expect(stub.actions()).toEqual(['whoami'])

    click(container, '.lecture-form__submit')
    await waitFor(() => expect(document.body.querySelector(`${dialog} .confirm-dialog__confirm`)).not.toBeNull())
    click(document.body, `${dialog} .confirm-dialog__confirm`)
    await waitFor(() => expect(textOf(container, '.lecture-edit__saved-title')).toBe('已保存为草稿'))
    expect(stub.calls.find((c) => c.event.action === 'create')?.event).toMatchObject({ startAt: `${yesterday}T19:30:00+08:00` })
  })

  it('does not ask when the form is not valid yet: the missing fields are shown instead', async () => {
    const stub = stubCloud((_fn, event) => (event.action === 'whoami' ? { ok: true, data: whoamiAs('secretary') } : draftAnswer(event)))
    const { container } = render(<LectureEditPage />)
    await waitFor(() => expect(container.querySelector('.lecture-form')).not.toBeNull())
    await pick(container, '.lecture-form__date', beijingToday(Date.now() - DAY_MS))
    await pick(container, '.lecture-form__start', '19:30')
    await pick(container, '.lecture-form__end', '21:00')
    click(container, '.lecture-form__submit')
    await waitFor(() => expect(textOf(container, '.lecture-form__title-field .form-field__error')).toBe('请填写标题'))
    expect(document.body.querySelector('.lecture-form__past-start .confirm-dialog__message')).toBeNull()
    expect(stub.actions()).toEqual(['whoami'])
  })

  it('offers 不取消，返回 beside 确认取消党课, never a bare 取消 that reads as the action', async () => {
    Current.router = { params: { id: 'Labc1234567' }, path: '/packages/secretary/pages/lecture-edit/index' } as unknown as typeof Current.router
    const published = { ...draftAnswer({ title: '学习党章' }).data, status: 'published' }
    const stub = stubCloud((_fn, event) => (event.action === 'whoami' ? { ok: true, data: whoamiAs('secretary') } : { ok: true, data: published }))
    const { container } = render(<LectureEditPage />)
    await waitFor(() => expect(container.querySelector('.lecture-edit__cancel-lecture')).not.toBeNull())
    click(container, '.lecture-edit__cancel-lecture')
    await waitFor(() => expect(textOf(document.body, '.confirm-dialog__confirm')).toBe('确认取消党课'))
    expect(textOf(document.body, '.confirm-dialog__cancel')).toBe('不取消，返回')
    click(document.body, '.confirm-dialog__cancel')
    await waitFor(() => expect(document.body.querySelector('.confirm-dialog__confirm')).toBeNull())
    expect(stub.actions()).not.toContain('cancel')
  })

  it('shows the linked speaker of a lecture being edited, and saving keeps the link', async () => {
    Current.router = { params: { id: 'Labc1234567' }, path: '/packages/secretary/pages/lecture-edit/index' } as unknown as typeof Current.router
    const saved = draftAnswer({ title: '学习党章' }).data
    const stub = branchServer(3, (event) =>
      event.action === 'get'
        ? { ok: true, data: { ...saved, speaker: { name: '王建国', openid: 'demo-wang' } } }
        : event.action === 'update'
          ? { ok: true, data: { ...saved, speaker: { name: '王建国', openid: 'demo-wang' } } }
          : null,
    )
    const { container } = render(<LectureEditPage />)
    await waitFor(() => expect(textOf(container, '.lecture-form__speaker-status')).toBe('已关联：王建国（本支部成员）'))
    await waitFor(() => expect(speakerInput(container)).toBe('王建国'))
    expect(textOf(container, '.lecture-form__speaker-choose')).toBe('改选其他成员')
    expect(container.querySelector('.lecture-form__speaker-unlink')).not.toBeNull()

    click(container, '.lecture-form__submit')
    await waitFor(() => expect(Taro.__navigations()).toEqual([{ kind: 'redirectTo', url: '/pages/lecture-detail/index?id=Labc1234567' }]))
    expect(stub.calls.find((c) => c.event.action === 'update')?.event).toMatchObject({ lectureId: 'Labc1234567', speaker: { name: '王建国', openid: 'demo-wang' } })
  })
})
