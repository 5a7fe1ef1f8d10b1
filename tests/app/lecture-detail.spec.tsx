import { render, waitFor } from '@testing-library/react'
import { Current } from '@tarojs/runtime'
import type { LectureDetail } from '@contracts'
import LectureDetailPage from '@/pages/lecture-detail/index'
import { stubCloud, textOf } from '../support/app/cloud-stub'
import { LECTURE_ID, lectureUnderWay } from '../support/app/fixtures'

const LECTURE = LECTURE_ID

/** A published lecture under way (check-in open), seen by a member who is not checked in. */
const lecture = (me: Partial<LectureDetail['me']> = {}): LectureDetail => lectureUnderWay({}, me)

function renderDetail(data: LectureDetail) {
  stubCloud(() => ({ ok: true, data }))
  Current.router = { params: { id: LECTURE }, path: '/pages/lecture-detail/index' } as unknown as typeof Current.router
  return render(<LectureDetailPage />).container
}

afterEach(() => {
  Current.router = null
})

describe('党课详情: the secretary of a published lecture', () => {
  it('leads with 签到大屏, above their own 扫码签到 (which stays, as a secondary button)', async () => {
    const container = renderDetail(lecture({ canManage: true, canSeeAttendance: true }))
    await waitFor(() => expect(container.querySelector('.lecture-detail__to-display')).not.toBeNull())
    const buttons = Array.from(container.querySelectorAll('.app-button'))
    const display = buttons.findIndex((b) => b.classList.contains('lecture-detail__to-display'))
    const scan = buttons.findIndex((b) => b.classList.contains('lecture-detail__scan'))
    expect(display).toBe(0)
    expect(scan).toBeGreaterThan(display)
    expect(buttons[scan]?.classList.contains('app-button--secondary')).toBe(true)
    expect(buttons[display]?.classList.contains('app-button--secondary')).toBe(false)
  })

  it('keeps 扫码签到 first and primary for everyone else', async () => {
    const container = renderDetail(lecture())
    await waitFor(() => expect(container.querySelector('.lecture-detail__scan')).not.toBeNull())
    const first = container.querySelector('.app-button')
    expect(first?.classList.contains('lecture-detail__scan')).toBe(true)
    expect(first?.classList.contains('app-button--secondary')).toBe(false)
  })
})

describe('党课详情: my check-in', () => {
  it('offers 扫码签到 to someone not checked in while check-in is open', async () => {
    const container = renderDetail(lecture())
    await waitFor(() => expect(textOf(container, '.lecture-detail__my-title')).toBe('你还没有签到'))
    expect(textOf(container, '.lecture-detail__scan')).toBe('扫码签到')
  })

  it('tells a person whose check-in the secretary revoked why, and offers no scan (it would be refused)', async () => {
    const container = renderDetail(lecture({ removed: true, removedReason: '代签，本人未到场' }))
    await waitFor(() => expect(textOf(container, '.lecture-detail__my-title')).toBe('签到已被撤销'))
    expect(textOf(container, '.lecture-detail__removed-text')).toBe('你的签到已被书记撤销（原因：代签，本人未到场），如有疑问请联系支部书记')
    expect(container.querySelector('.lecture-detail__my-status--removed')).not.toBeNull()
    expect(container.querySelector('.lecture-detail__scan')).toBeNull()
    expect(container.textContent).not.toContain('你还没有签到')
    expect(container.querySelector('.lecture-detail__rate')).toBeNull()
  })

  it('says the same without a reason when none was kept', async () => {
    const container = renderDetail(lecture({ removed: true, removedReason: null }))
    await waitFor(() => expect(textOf(container, '.lecture-detail__removed-text')).toBe('你的签到已被书记撤销，如有疑问请联系支部书记'))
    expect(container.querySelector('.lecture-detail__scan')).toBeNull()
  })
})
