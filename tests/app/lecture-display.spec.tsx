import { act, render, renderHook, waitFor } from '@testing-library/react'
import { Current } from '@tarojs/runtime'
import type { DisplayCode, LectureDetail, LectureView } from '@contracts'
import LectureDisplayPage from '@/packages/secretary/pages/lecture-display/index'
import { checkinPhase, formatCountdown } from '@/features/lectures/rules/lecture-timing.rules'
import { AFTER_CHANGE_MS, COUNT_POLL_MS, narrowClockOffset, nextRefreshDelay, RETRY_MS, useDisplayCode } from '@/features/lectures/hooks/use-display-code'
import { stubCloud, textOf } from '../support/app/cloud-stub'
import { lectureUnderWay } from '../support/app/fixtures'

const SLOT = 15

/** A display server like the real one: the token of the current 15 s slot, expiring at the slot's end. */
function codeAt(nowMs: number, count = 0): DisplayCode {
  const slot = Math.floor(nowMs / (SLOT * 1000))
  return {
    token: `T${slot}`,
    qrContent: `http://127.0.0.1/#/pages/check-in/index?scene=Labc1234567.T${slot}`,
    scene: `Labc1234567.T${slot}`,
    slotSeconds: SLOT,
    expiresAt: new Date((slot + 1) * SLOT * 1000).toISOString(),
    checkinCount: count,
    recent: [],
  }
}

describe('display refresh schedule', () => {
  it('asks just after the slot changes, within [1 s, one slot]', () => {
    const expires = 1_000_000_005_000
    expect(nextRefreshDelay(expires, expires - 4000, SLOT)).toBe(4000 + AFTER_CHANGE_MS)
    expect(nextRefreshDelay(expires, expires + 500, SLOT)).toBe(1000)
    expect(nextRefreshDelay(expires + 3_600_000, expires, SLOT)).toBe(SLOT * 1000 + AFTER_CHANGE_MS)
  })

  it("narrows a wrong display clock into the server's slot", () => {
    const expires = 1_000_000_005_000
    // The server's now is in (expires − 15 s, expires]; a clock 40 s behind is pulled up to that range.
    expect(narrowClockOffset(0, expires - 55_000, expires, SLOT)).toBe(40_000)
    // A clock inside the range is left alone.
    expect(narrowClockOffset(0, expires - 3000, expires, SLOT)).toBe(0)
  })
})

describe('useDisplayCode', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: Date.parse('2026-11-22T11:00:03.000Z') })
  })
  afterEach(() => {
    jest.useRealTimers()
  })

  it('shows the next code once the slot changes, and keeps the last one with a warning when a refresh fails', async () => {
    let offline = false
    const stub = stubCloud(() => {
      if (offline) throw new TypeError('Failed to fetch')
      return { ok: true, data: codeAt(Date.now(), stub?.calls.length ?? 0) }
    })
    const { result } = renderHook(() => useDisplayCode('Labc1234567'))
    await waitFor(() => expect(result.current.status).toBe('ready'))
    const first = result.current.code?.token
    expect(result.current.secondsLeft).toBe(12)

    // Just before the change nothing is asked; just after it, the new code arrives.
    await act(async () => {
      jest.advanceTimersByTime(11_900)
    })
    expect(stub.calls.filter((c) => c.event.action === 'displayCode')).toHaveLength(1)
    await act(async () => {
      jest.advanceTimersByTime(AFTER_CHANGE_MS + 200)
    })
    await waitFor(() => expect(result.current.code?.token).not.toBe(first))
    const second = result.current.code?.token
    expect(result.current.secondsLeft).toBe(15)

    offline = true
    await act(async () => {
      jest.advanceTimersByTime(15_000)
    })
    await waitFor(() => expect(result.current.stale?.code).toBe('NETWORK.FAILED'))
    expect(result.current.code?.token).toBe(second)
    expect(result.current.outdated).toBe(false)

    offline = false
    await act(async () => {
      jest.advanceTimersByTime(RETRY_MS)
    })
    await waitFor(() => expect(result.current.stale).toBeNull())
    expect(result.current.code?.token).not.toBe(second)
  })

  it('shows a new check-in within 5 s, between codes, by asking for the count alone', async () => {
    let count = 0
    const stub = stubCloud((_fn, event) => {
      if (event.action === 'displayCount') return { ok: true, data: { checkinCount: count, recent: count ? [{ name: '李**', at: new Date().toISOString() }] : [] } }
      return { ok: true, data: codeAt(Date.now(), count) }
    })
    const { result } = renderHook(() => useDisplayCode('Labc1234567'))
    await waitFor(() => expect(result.current.status).toBe('ready'))
    const token = result.current.code?.token
    count = 1
    await act(async () => {
      jest.advanceTimersByTime(COUNT_POLL_MS)
    })
    await waitFor(() => expect(result.current.code?.checkinCount).toBe(1))
    expect(COUNT_POLL_MS + 1000).toBeLessThanOrEqual(5000)
    expect(result.current.code?.recent).toEqual([{ name: '李**', at: expect.any(String) }])
    // The code on screen is the same one: only the count moved, and no code was asked for.
    expect(result.current.code?.token).toBe(token)
    expect(stub.calls.filter((c) => c.event.action === 'displayCode')).toHaveLength(1)
  })

  it('flags the code as no longer valid when refreshes keep failing past its grace', async () => {
    let offline = false
    stubCloud(() => {
      if (offline) throw new TypeError('Failed to fetch')
      return { ok: true, data: codeAt(Date.now()) }
    })
    const { result } = renderHook(() => useDisplayCode('Labc1234567'))
    await waitFor(() => expect(result.current.status).toBe('ready'))
    offline = true
    await act(async () => {
      jest.advanceTimersByTime(28_000)
    })
    await waitFor(() => expect(result.current.outdated).toBe(true))
    expect(result.current.code).not.toBeNull()
  })

  it('stops and says why when the lecture can no longer be checked in to', async () => {
    const stub = stubCloud(() => ({ ok: false, error: { code: 'CHECKIN.CANCELLED', message: '这场党课已取消，无需签到' } }))
    const { result } = renderHook(() => useDisplayCode('Labc1234567'))
    await waitFor(() => expect(result.current.status).toBe('error'))
    expect(result.current.error?.message).toBe('这场党课已取消，无需签到')
    await act(async () => {
      jest.advanceTimersByTime(60_000)
    })
    expect(stub.calls).toHaveLength(1)
  })
})

describe('check-in window as the display reads it', () => {
  const times = { checkinOpensAt: '2026-11-22T11:00:00.000Z', checkinClosesAt: '2026-11-22T13:00:00.000Z' }
  it('is open from the opening instant to just before the closing one (the server rule)', () => {
    expect(checkinPhase(times, Date.parse(times.checkinOpensAt) - 1)).toBe('notOpen')
    expect(checkinPhase(times, Date.parse(times.checkinOpensAt))).toBe('open')
    expect(checkinPhase(times, Date.parse(times.checkinClosesAt) - 1)).toBe('open')
    expect(checkinPhase(times, Date.parse(times.checkinClosesAt))).toBe('closed')
  })

  it('counts down in words, rounded up to the second', () => {
    expect(formatCountdown(2 * 86_400_000 + 3 * 3_600_000 + 5_000)).toBe('2 天 3 小时')
    expect(formatCountdown(3_600_000 + 5 * 60_000)).toBe('1 小时 5 分')
    expect(formatCountdown(12 * 60_000 + 4_200)).toBe('12 分 05 秒')
    expect(formatCountdown(44_001)).toBe('45 秒')
    expect(formatCountdown(-5)).toBe('0 秒')
  })
})

describe('签到大屏 page', () => {
  const NOW = Date.parse('2026-11-22T11:00:03.000Z') // 19:00:03 in Beijing
  const MIN = 60_000

  /** The secretary's own published lecture; `opensIn` / `closesIn` are ms from NOW. */
  function lecture(opensIn: number, closesIn: number, over: Partial<LectureView> = {}): LectureDetail {
    return lectureUnderWay(
      {
        title: '明天的党课：基层治理',
        speaker: { name: '刘老师', openid: null },
        startAt: new Date(NOW + opensIn + 30 * MIN).toISOString(),
        endAt: new Date(NOW + closesIn).toISOString(),
        location: { name: '街道党校', latitude: null, longitude: null, radius: null },
        checkinOpensAt: new Date(NOW + opensIn).toISOString(),
        checkinClosesAt: new Date(NOW + closesIn).toISOString(),
        ...over,
      },
      { canManage: true, canSeeAttendance: true },
    )
  }

  beforeEach(() => {
    jest.useFakeTimers({ now: NOW })
    Current.router = { params: { id: 'Labc1234567' }, path: '/packages/secretary/pages/lecture-display/index' } as unknown as typeof Current.router
  })
  afterEach(() => {
    jest.useRealTimers()
    Current.router = null
  })

  const codeCalls = (stub: ReturnType<typeof stubCloud>) => stub.calls.filter((c) => c.event.action === 'displayCode').length

  it('before check-in opens: says when, counts down, shows no code (asking once, for the clock), then shows the code by itself', async () => {
    // Opens at 19:02 Beijing, 117 s from now.
    const stub = stubCloud((_fn, event) => (event.action === 'get' ? { ok: true, data: lecture(117_000, 120 * MIN) } : { ok: true, data: codeAt(Date.now(), 3) }))
    const { container } = render(<LectureDisplayPage />)
    await waitFor(() => expect(textOf(container, '.lecture-display__notice-title')).toBe('签到将于 11月22日 19:02 开放'))
    expect(textOf(container, '.lecture-display__countdown-value')).toMatch(/^1 分 5\d 秒$/)
    expect(container.querySelector('.check-in-board')).toBeNull()
    expect(container.textContent).not.toContain('扫码签到')

    await act(async () => {
      jest.advanceTimersByTime(60_000)
    })
    expect(textOf(container, '.lecture-display__countdown-value')).toMatch(/^5\d 秒$/)
    // Asked once, only for the server's clock: no mini-program code is made for it.
    expect(codeCalls(stub)).toBe(1)
    expect(stub.calls.find((c) => c.event.action === 'displayCode')?.event).toMatchObject({ withMiniCode: false })

    await act(async () => {
      jest.advanceTimersByTime(60_000)
    })
    await waitFor(() => expect(container.querySelector('.check-in-board__qr')).not.toBeNull())
    expect(codeCalls(stub)).toBeGreaterThanOrEqual(2)
    expect(container.querySelector('.lecture-display__not-open')).toBeNull()
  })

  it('offers 全屏显示 and hides it while the board is full screen, so the room does not see it', async () => {
    stubCloud((_fn, event) => (event.action === 'get' ? { ok: true, data: lecture(-5 * MIN, 120 * MIN) } : { ok: true, data: codeAt(Date.now(), 3) }))
    const { container } = render(<LectureDisplayPage />)
    await waitFor(() => expect(container.querySelector('.lecture-display__fullscreen')).not.toBeNull())
    const setFullscreen = (el: Element | null) => {
      Object.defineProperty(document, 'fullscreenElement', { configurable: true, get: () => el })
      act(() => {
        document.dispatchEvent(new Event('fullscreenchange'))
      })
    }
    setFullscreen(document.documentElement)
    expect(container.querySelector('.lecture-display__fullscreen')).toBeNull()
    expect(container.querySelector('.check-in-board__qr')).not.toBeNull()
    setFullscreen(null)
    expect(container.querySelector('.lecture-display__fullscreen')).not.toBeNull()
  })

  it('after check-in closed: says 签到已结束 with the final count, and asks for no code but the clock', async () => {
    const stub = stubCloud((_fn, event) => (event.action === 'get' ? { ok: true, data: lecture(-150 * MIN, -5 * MIN) } : { ok: true, data: codeAt(Date.now()) }))
    const { container } = render(<LectureDisplayPage />)
    await waitFor(() => expect(textOf(container, '.lecture-display__notice-title')).toBe('签到已结束'))
    expect(textOf(container, '.lecture-display__final')).toBe('共 12 人签到')
    expect(container.querySelector('.check-in-board')).toBeNull()
    expect(codeCalls(stub)).toBe(1)
    await act(async () => {
      jest.advanceTimersByTime(60_000)
    })
    expect(codeCalls(stub)).toBe(1)
  })

  describe("with the device's clock off", () => {
    /** Time passes a second at a time, each answer arriving before the next second (as it would). */
    async function passSeconds(n: number) {
      for (let i = 0; i < n; i += 1) {
        await act(async () => {
          jest.advanceTimersByTime(1000)
        })
      }
    }

    /** The server answers from its own clock, `skew` ms from the device's. */
    function stubServer(skew: number, l: LectureDetail) {
      return stubCloud((_fn, event) => (event.action === 'get' ? { ok: true, data: l } : { ok: true, data: codeAt(Date.now() + skew, 4) }))
    }

    it('shows the code when the server says check-in is open, though the device, 5 minutes behind, says not yet', async () => {
      jest.setSystemTime(NOW - 5 * MIN)
      // Opened 2 minutes ago by the server's clock; in 3 minutes by the device's.
      stubServer(5 * MIN, lecture(-2 * MIN, 60 * MIN))
      const { container } = render(<LectureDisplayPage />)
      await waitFor(() => expect(container.querySelector('.check-in-board__qr')).not.toBeNull())
      expect(container.querySelector('.lecture-display__not-open')).toBeNull()
      expect(container.textContent).not.toContain('签到将于')
    })

    it('counts down to the opening by the server\'s clock, and opens on time', async () => {
      jest.setSystemTime(NOW - 5 * MIN)
      // Opens 117 s from now by the server's clock (19:02 Beijing).
      stubServer(5 * MIN, lecture(117_000, 60 * MIN))
      const { container } = render(<LectureDisplayPage />)
      await waitFor(() => expect(textOf(container, '.lecture-display__notice-title')).toBe('签到将于 11月22日 19:02 开放'))
      // One answer puts the estimate within one 15 s slot of the server's time (not 5 minutes off).
      expect(textOf(container, '.lecture-display__countdown-value')).toMatch(/^(1 分 5\d|2 分 00) 秒$/)
      await act(async () => {
        jest.advanceTimersByTime(117_000 + SLOT * 1000)
      })
      await waitFor(() => expect(container.querySelector('.check-in-board__qr')).not.toBeNull())
    })

    it('does not say 签到已结束 early when the device is 5 minutes ahead, and does once the server closes it', async () => {
      jest.setSystemTime(NOW + 5 * MIN)
      // Closes 2 minutes from now by the server's clock; closed 3 minutes ago by the device's.
      stubServer(-5 * MIN, lecture(-60 * MIN, 2 * MIN))
      const { container } = render(<LectureDisplayPage />)
      await waitFor(() => expect(container.querySelector('.check-in-board__qr')).not.toBeNull())
      expect(container.textContent).not.toContain('签到已结束')
      // The codes narrow the estimate: 5 s before the server closes, the code is still up.
      await passSeconds(115)
      expect(container.querySelector('.check-in-board__qr')).not.toBeNull()
      expect(container.textContent).not.toContain('签到已结束')
      await passSeconds(10)
      await waitFor(() => expect(textOf(container, '.lecture-display__notice-title')).toBe('签到已结束'))
    })
  })

  it('closing while on screen: stops asking for codes and shows the final count read again', async () => {
    let closed = false
    const stub = stubCloud((_fn, event) =>
      event.action === 'get'
        ? { ok: true, data: lecture(-30 * MIN, 20_000, { checkinCount: closed ? 7 : 5 }) }
        : { ok: true, data: codeAt(Date.now(), 5) },
    )
    const { container } = render(<LectureDisplayPage />)
    await waitFor(() => expect(container.querySelector('.check-in-board__qr')).not.toBeNull())
    closed = true
    await act(async () => {
      jest.advanceTimersByTime(21_000)
    })
    await waitFor(() => expect(textOf(container, '.lecture-display__notice-title')).toBe('签到已结束'))
    await waitFor(() => expect(textOf(container, '.lecture-display__final')).toBe('共 7 人签到'))
    const asked = codeCalls(stub)
    await act(async () => {
      jest.advanceTimersByTime(60_000)
    })
    expect(codeCalls(stub)).toBe(asked)
    expect(stub.actions().filter((a) => a === 'get')).toHaveLength(2)
  })

  it('says a cancelled lecture is cancelled, with its reason, whatever the time', async () => {
    const stub = stubCloud(() => ({ ok: true, data: lecture(-30 * MIN, -5 * MIN, { status: 'cancelled', cancelReason: '场地临时维修' }) }))
    const { container } = render(<LectureDisplayPage />)
    await waitFor(() => expect(textOf(container, '.lecture-display__cancelled .empty-state__title')).toBe('这场党课已取消'))
    expect(textOf(container, '.lecture-display__cancelled .empty-state__hint')).toBe('取消原因：场地临时维修')
    expect(container.textContent).not.toContain('签到已结束')
    expect(codeCalls(stub)).toBe(0)
  })

  it('says so when the lecture is cancelled while its code is on screen', async () => {
    let cancelled = false
    stubCloud((_fn, event) => {
      if (event.action === 'get') return { ok: true, data: lecture(-30 * MIN, 60 * MIN, cancelled ? { status: 'cancelled', cancelReason: '改期另行通知' } : {}) }
      return cancelled ? { ok: false, error: { code: 'CHECKIN.CANCELLED', message: '这场党课已取消，无需签到' } } : { ok: true, data: codeAt(Date.now()) }
    })
    const { container } = render(<LectureDisplayPage />)
    await waitFor(() => expect(container.querySelector('.check-in-board__qr')).not.toBeNull())
    cancelled = true
    await act(async () => {
      jest.advanceTimersByTime(16_000)
    })
    await waitFor(() => expect(textOf(container, '.lecture-display__cancelled .empty-state__title')).toBe('这场党课已取消'))
    await waitFor(() => expect(textOf(container, '.lecture-display__cancelled .empty-state__hint')).toBe('取消原因：改期另行通知'))
  })
})
