import { act, renderHook, waitFor } from '@testing-library/react'
import type { DisplayCode } from '@contracts'
import { AFTER_CHANGE_MS, narrowClockOffset, nextRefreshDelay, RETRY_MS, useDisplayCode } from '@/features/lectures/use-display-code'
import { stubCloud } from './support/cloud-stub'

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
    expect(stub.calls).toHaveLength(1)
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
