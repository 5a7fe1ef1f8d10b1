import { useCallback, useEffect, useReducer, useRef } from 'react'
import type { CheckInResult, Envelope, ErrorBody } from '@contracts'
import type { CheckInScene } from '@contracts/rules'
import { callCloud } from '@/services/cloud'
import { markLecturesChanged } from '@/features/shared/lecture-changes'
import { locateWithoutBlocking, type GeoPoint } from '../platform/locate'

/**
 * Check-in as a small state machine (docs/architecture.md "Check-in"): idle → submitting → done | failed(code), and
 * failed → submitting again on 重试. `done` is reached ONLY from an ok envelope the server sent; a
 * transport failure is `failed` with NETWORK.FAILED, never a success.
 */
export type CheckInState =
  | { status: 'idle' }
  | { status: 'submitting' }
  | { status: 'done'; result: CheckInResult }
  | { status: 'failed'; error: ErrorBody }

export type CheckInEvent = { type: 'submit' } | { type: 'answer'; answer: Envelope<CheckInResult> }

export const initialCheckIn: CheckInState = { status: 'idle' }

export function checkInReducer(state: CheckInState, event: CheckInEvent): CheckInState {
  switch (event.type) {
    case 'submit':
      return state.status === 'submitting' ? state : { status: 'submitting' }
    case 'answer': {
      // An answer nobody is waiting for (a second tap's late reply) changes nothing.
      if (state.status !== 'submitting') return state
      const a = event.answer
      if (a.ok === true && isCheckInResult(a.data)) return { status: 'done', result: a.data }
      if (a.ok === false) return { status: 'failed', error: a.error }
      return { status: 'failed', error: { code: 'NETWORK.FAILED', message: '没有签到成功（网络问题），请重试' } }
    }
  }
}

function isCheckInResult(v: unknown): v is CheckInResult {
  if (typeof v !== 'object' || v === null) return false
  const r = v as Record<string, unknown>
  return typeof r.checkedInAt === 'string' && typeof r.already === 'boolean' && typeof r.lectureTitle === 'string'
}

export interface UseCheckIn {
  state: CheckInState
  /** Sends the check-in (again, after a failure). Ignored while one is in flight or after success. */
  submit: () => Promise<void>
}

export interface CheckInOptions {
  /** Send at once when a scene is given (the page opened from a scanned code). Default true. */
  auto?: boolean
  /** Where the phone is; the default asks only in the mini-program and never blocks. */
  locate?: () => Promise<GeoPoint | undefined>
}

export function useCheckIn(scene: CheckInScene | null, { auto = true, locate = locateWithoutBlocking }: CheckInOptions = {}): UseCheckIn {
  const [state, dispatch] = useReducer(checkInReducer, initialCheckIn)
  const busy = useRef(false)
  const done = useRef(false)
  const locateRef = useRef(locate)
  locateRef.current = locate
  const sceneRef = useRef(scene)
  sceneRef.current = scene
  const sceneKey = scene ? `${scene.lectureId}.${scene.token}` : ''

  const submit = useCallback(async () => {
    const current = sceneRef.current
    if (!current || busy.current || done.current) return
    busy.current = true
    dispatch({ type: 'submit' })
    const location = await locateRef.current().catch(() => undefined)
    const input = { lectureId: current.lectureId, token: current.token }
    const answer = await callCloud('lecture', 'checkIn', location ? { ...input, location } : input)
    busy.current = false
    if (answer.ok) {
      done.current = true
      markLecturesChanged()
    }
    dispatch({ type: 'answer', answer })
  }, [])

  useEffect(() => {
    done.current = false
    if (auto && sceneKey) void submit()
  }, [auto, sceneKey, submit])

  return { state, submit }
}
