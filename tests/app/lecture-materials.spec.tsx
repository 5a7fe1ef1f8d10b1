import { act, fireEvent, render, waitFor } from '@testing-library/react'
import { Current } from '@tarojs/runtime'
import { lectureInputSchema, materialFileIdSchema } from '../../cloudfunctions/contracts'
import LectureEditPage from '@/packages/secretary/pages/lecture-edit/index'
import { checkLectureForm } from '@/features/lectures/rules/lecture-form-check.rules'
import { formErrorsFromServer } from '@/features/lectures/rules/lecture-form-errors.rules'
import { emptyLectureForm, lectureToForm, type LectureFormValues } from '@/features/lectures/rules/lecture-form-values.rules'
import { checkMaterialFile, fileKindLabel, materialCloudPath } from '@/features/lectures/rules/material-file.rules'
import { resetWhoamiStore } from '@/features/members/whoami.store'
import { beijingToday } from '@/utils/beijing-time'
import { click, stubCloud, textOf, typeInto } from '../support/app/cloud-stub'
import { whoamiAs } from '../support/app/fixtures'

const MB = 1024 * 1024
const FILE_ID = 'cloud://local.local-bucket/lecture-materials/202611/mabc-x1y2.pdf'

function form(over: Partial<LectureFormValues> = {}): LectureFormValues {
  return {
    ...emptyLectureForm('2026-11-22'),
    title: '学习党章',
    speakerName: '王建国',
    startTime: '19:30',
    endTime: '21:00',
    locationName: '社区党群服务中心二楼',
    ...over,
  }
}

describe('material file rules', () => {
  it.each<[string, { name: string; size: number }, string | { ext: string; title: string }]>([
    ['a PDF', { name: '二十届三中全会讲稿.PDF', size: 2 * MB }, { ext: 'pdf', title: '二十届三中全会讲稿' }],
    ['slides', { name: 'slides.pptx', size: 5 * MB }, { ext: 'pptx', title: 'slides' }],
    ['a photo at exactly 20 MB', { name: '合影.jpg', size: 20 * MB }, { ext: 'jpg', title: '合影' }],
    ['a file with only an extension', { name: '.docx', size: 10 }, { ext: 'docx', title: '学习资料' }],
    ['a file just over 20 MB', { name: 'big.pdf', size: 20 * MB + 1 }, '文件太大（20 MB），最大 20 MB。请压缩或拆分后再上传，或改为添加链接'],
    ['a 23.5 MB video', { name: 'a.pdf', size: 23.5 * MB }, '文件太大（23.5 MB），最大 20 MB。请压缩或拆分后再上传，或改为添加链接'],
    ['an empty file', { name: 'a.pdf', size: 0 }, '这个文件是空的，请重新选择'],
    ['a program', { name: 'setup.exe', size: 100 }, '只能上传 PDF、Word、PPT、Excel、文本或图片（jpg、png）文件'],
    ['a file without extension', { name: 'README', size: 100 }, '只能上传 PDF、Word、PPT、Excel、文本或图片（jpg、png）文件'],
  ])('%s', (_label, file, expected) => {
    const checked = checkMaterialFile(file)
    if (typeof expected === 'string') expect(checked).toEqual({ ok: false, message: expected })
    else expect(checked).toEqual({ ok: true, ...expected })
  })

  it('names the upload in the folder the server accepts, in Beijing month, never after the person’s file name', () => {
    // 2026-11-30T16:30Z is already December in Beijing.
    const p = materialCloudPath('pdf', Date.parse('2026-11-30T16:30:00Z'), 'a/b..c')
    expect(p).toMatch(/^lecture-materials\/202612\/[0-9a-z]+-abc\.pdf$/)
    expect(materialFileIdSchema.safeParse(`cloud://env-1.bucket-1/${p}`).success).toBe(true)
    expect(materialCloudPath('', 0, '')).toMatch(/^lecture-materials\/197001\/0-0\.bin$/)
  })

  it('sends a file material as { title, fileID } and asks for a file still missing', () => {
    const checked = checkLectureForm(form({ materials: [{ title: ' 讲稿 ', fileID: FILE_ID, fileName: '讲稿.pdf' }, { title: '原文', url: 'https://example.org/a' }] }))
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors))
    expect(checked.value.materials).toEqual([{ title: '讲稿', fileID: FILE_ID }, { title: '原文', url: 'https://example.org/a' }])
    expect(lectureInputSchema.safeParse(checked.value).success).toBe(true)
    expect(checkLectureForm(form({ materials: [{ title: '讲稿', fileID: '', fileName: 'x.pdf' }] }))).toEqual({
      ok: false,
      errors: { 'materials.0.file': '文件还没有上传完成，请重新上传或删除这项' },
    })
    // A cloud:// id typed as a link is refused on the form, as the server would.
    expect(checkLectureForm(form({ materials: [{ title: '资料', url: FILE_ID }] })).ok).toBe(false)
  })

  it("maps the server's file messages onto the row, and fills the form from a saved lecture's file", () => {
    expect(formErrorsFromServer({ 'materials.2.fileID': '找不到这个文件', 'materials.1': '每项资料需要一个链接或一个上传的文件' })).toEqual({
      'materials.2.file': '找不到这个文件',
      'materials.1.url': '每项资料需要一个链接或一个上传的文件',
    })
    expect(fileKindLabel(FILE_ID)).toBe('PDF 文件')
    const values = lectureToForm({
      id: 'Labc1234567',
      branchId: 'b',
      branchName: '支部',
      title: 't',
      topic: '',
      speaker: { name: '王建国', openid: null },
      startAt: '2026-11-22T11:30:00.000Z',
      endAt: '2026-11-22T13:00:00.000Z',
      location: { name: '会议室', latitude: null, longitude: null, radius: null },
      audience: 'branch',
      checkinMode: 'rotating',
      materials: [{ title: '讲稿', fileID: FILE_ID, url: 'http://127.0.0.1/files/x.pdf?sign=local' }, { title: '链接', url: 'https://example.org' }],
      checkinWindow: { opensBeforeMinutes: 30, closesAfterMinutes: 0 },
      checkinOpensAt: '2026-11-22T11:00:00.000Z',
      checkinClosesAt: '2026-11-22T13:00:00.000Z',
      status: 'draft',
      cancelReason: null,
      checkinCount: 0,
      fromOtherBranch: false,
      me: { checkedIn: false, checkedInAt: null, removed: false, removedReason: null, rated: false, canManage: true, canSeeAttendance: true, isSpeaker: false },
    })
    expect(values.materials).toEqual([
      { title: '讲稿', fileID: FILE_ID, fileName: 'PDF 文件', url: 'http://127.0.0.1/files/x.pdf?sign=local' },
      { title: '链接', url: 'https://example.org' },
    ])
    const checked = checkLectureForm(values)
    expect(checked.ok && checked.value.materials).toEqual([{ title: '讲稿', fileID: FILE_ID }, { title: '链接', url: 'https://example.org' }])
  })
})

/** XMLHttpRequest as the H5 uploader uses it; each request waits for the test to answer it. */
class FakeXhr {
  static requests: FakeXhr[] = []
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null }
  onload: (() => void) | null = null
  onerror: (() => void) | null = null
  ontimeout: (() => void) | null = null
  withCredentials = false
  status = 0
  responseText = ''
  method = ''
  url = ''
  body: unknown = null
  open(method: string, url: string) {
    this.method = method
    this.url = url
  }
  setRequestHeader() {}
  send(body: unknown) {
    this.body = body
    FakeXhr.requests.push(this)
  }
  progress(loaded: number, total: number) {
    act(() => this.upload.onprogress?.({ lengthComputable: true, loaded, total }))
  }
  respond(status: number, body: unknown) {
    this.status = status
    this.responseText = JSON.stringify(body)
    act(() => this.onload?.())
  }
  fail() {
    act(() => this.onerror?.())
  }
}

describe('发布党课: file materials (H5)', () => {
  const realXhr = globalThis.XMLHttpRequest
  beforeEach(() => {
    resetWhoamiStore()
    FakeXhr.requests = []
    globalThis.XMLHttpRequest = FakeXhr as unknown as typeof XMLHttpRequest
    Current.router = { params: {}, path: '/packages/secretary/pages/lecture-edit/index' } as unknown as typeof Current.router
  })
  afterEach(() => {
    globalThis.XMLHttpRequest = realXhr
    Current.router = null
  })

  /** Clicks 上传文件 and answers the file input the picker put in the page with `file`. */
  async function chooseFile(container: HTMLElement, file: File) {
    click(container, '.lecture-form__upload-material')
    const input = await waitFor(() => {
      const el = document.querySelector<HTMLInputElement>('input.lecture-form__file-input')
      if (!el) throw new Error('no file input')
      return el
    })
    expect(input.accept).toContain('.pdf')
    Object.defineProperty(input, 'files', { configurable: true, value: [file] })
    fireEvent.change(input)
  }

  async function fill(container: HTMLElement) {
    await typeInto(container, '.lecture-form__title', '学习贯彻党的二十届三中全会精神')
    await typeInto(container, '.lecture-form__speaker', '王建国')
    await typeInto(container, '.lecture-form__place', '社区党群服务中心二楼')
    for (const [selector, value] of [
      // A week ahead: a start already past would first ask to confirm.
      ['.lecture-form__date', beijingToday(Date.now() + 7 * 24 * 60 * 60 * 1000)],
      ['.lecture-form__start', '19:30'],
      ['.lecture-form__end', '21:00'],
    ]) {
      const input = await waitFor(() => {
        const el = container.querySelector<HTMLInputElement>(`${selector} input`)
        if (!el) throw new Error(`no input in ${selector}`)
        return el
      })
      fireEvent.change(input, { target: { value } })
    }
  }

  function setup() {
    const stub = stubCloud((_fn, event) =>
      event.action === 'whoami' ? { ok: true, data: whoamiAs('secretary') } : { ok: false, error: { code: 'COMMON.INTERNAL', message: '服务暂时出了点问题，请稍后重试' } },
    )
    return { stub, ...render(<LectureEditPage />) }
  }

  it('uploads a picked PDF with progress, adds it as a material titled after the file, and sends its fileID', async () => {
    const { stub, container } = setup()
    await waitFor(() => expect(container.querySelector('.lecture-form__upload-material')).not.toBeNull())
    await fill(container)
    await chooseFile(container, new File(['%PDF-1.4 test'], '讲稿.pdf', { type: 'application/pdf' }))

    await waitFor(() => expect(FakeXhr.requests).toHaveLength(1))
    const req = FakeXhr.requests[0]
    if (!req) throw new Error('no upload')
    expect(req.method).toBe('POST')
    expect(decodeURIComponent(req.url)).toMatch(/^\/storage\/upload\?cloudPath=lecture-materials\/\d{6}\/[0-9a-z]+-[0-9a-z]+\.pdf$/)
    expect(req.body).toBeInstanceOf(File)
    req.progress(45, 100)
    await waitFor(() => expect(textOf(container, '.lecture-form__upload-text')).toBe('正在上传「讲稿.pdf」… 45%'))
    expect(container.querySelector('.lecture-form__submit')?.textContent).toBe('文件上传中，请稍候…')

    req.respond(200, { fileID: FILE_ID, statusCode: 200, errMsg: 'uploadFile:ok' })
    await waitFor(() => expect(container.querySelector('.lecture-form__upload')).toBeNull())
    expect(textOf(container, '.lecture-form__material--file .form-field__label')).toBe('资料 1 · PDF 文件')
    expect(textOf(container, '.lecture-form__material-file-name')).toBe('已上传：讲稿.pdf')
    await waitFor(() => expect(container.querySelector<HTMLInputElement>('.lecture-form__material-title input')?.value).toBe('讲稿'))

    click(container, '.lecture-form__submit')
    await waitFor(() => expect(stub.calls.some((c) => c.event.action === 'create')).toBe(true))
    expect(stub.calls.find((c) => c.event.action === 'create')?.event.materials).toEqual([{ title: '讲稿', fileID: FILE_ID }])
  })

  it('refuses a file over 20 MB before sending a byte, saying how big it is', async () => {
    const { container } = setup()
    await waitFor(() => expect(container.querySelector('.lecture-form__upload-material')).not.toBeNull())
    const big = new File(['x'], '全程录像.pdf')
    Object.defineProperty(big, 'size', { value: 25 * MB })
    await chooseFile(container, big)
    await waitFor(() =>
      expect(textOf(container, '.lecture-form__upload-error')).toBe('「全程录像.pdf」没有上传：文件太大（25 MB），最大 20 MB。请压缩或拆分后再上传，或改为添加链接'),
    )
    expect(FakeXhr.requests).toHaveLength(0)
    expect(container.querySelector('.lecture-form__upload-retry')).toBeNull()
    click(container, '.lecture-form__upload-dismiss')
    await waitFor(() => expect(container.querySelector('.lecture-form__upload')).toBeNull())
  })

  it('says a failed upload was not saved and uploads again on 重新上传', async () => {
    const { container } = setup()
    await waitFor(() => expect(container.querySelector('.lecture-form__upload-material')).not.toBeNull())
    await chooseFile(container, new File(['img'], '合影.png', { type: 'image/png' }))
    await waitFor(() => expect(FakeXhr.requests).toHaveLength(1))
    FakeXhr.requests[0]?.fail()
    await waitFor(() => expect(textOf(container, '.lecture-form__upload-error')).toBe('「合影.png」没有上传：文件没有上传成功，请检查网络后重新上传'))
    expect(container.querySelector('.lecture-form__material')).toBeNull()

    click(container, '.lecture-form__upload-retry')
    await waitFor(() => expect(FakeXhr.requests).toHaveLength(2))
    FakeXhr.requests[1]?.respond(401, { ok: false, error: { code: 'AUTH.REQUIRED', message: '请先登录后再上传' } })
    await waitFor(() => expect(textOf(container, '.lecture-form__upload-error')).toBe('「合影.png」没有上传：请先登录后再上传'))

    click(container, '.lecture-form__upload-retry')
    await waitFor(() => expect(FakeXhr.requests).toHaveLength(3))
    FakeXhr.requests[2]?.respond(200, { fileID: 'cloud://local.local-bucket/lecture-materials/202611/p.png', statusCode: 200, errMsg: 'uploadFile:ok' })
    await waitFor(() => expect(textOf(container, '.lecture-form__material .form-field__label')).toBe('资料 1 · 图片'))
  })
})
