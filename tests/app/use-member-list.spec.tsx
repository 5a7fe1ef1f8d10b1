import { act, renderHook, waitFor } from '@testing-library/react'
import { useMemberList } from '@/features/members/use-member-list'
import type { Answer } from '../support/app/cloud-stub'
import { deferred, stubCloud } from '../support/app/cloud-stub'
import { memberRows } from '../support/app/fixtures'

/** A fake server with `total` members, paged by a numeric cursor. */
function pagedServer(total: number) {
  const rows = memberRows(total)
  return stubCloud((_fn, event) => {
    const start = Number(event.cursor ?? 0)
    const end = start + Number(event.limit ?? 20)
    return { ok: true, data: { items: rows.slice(start, end), nextCursor: end < total ? String(end) : undefined } }
  })
}

describe('useMemberList', () => {
  it('loads the first page, then the next by cursor until there is no more', async () => {
    const stub = pagedServer(25)
    const { result } = renderHook(() => useMemberList({ pageSize: 10 }))
    expect(result.current.status).toBe('loading')
    await waitFor(() => expect(result.current.status).toBe('ready'))
    expect(result.current.items).toHaveLength(10)
    expect(result.current.hasMore).toBe(true)

    await act(() => result.current.loadMore())
    await act(() => result.current.loadMore())
    expect(result.current.items.map((r) => r.openid)).toEqual(memberRows(25).map((r) => r.openid))
    expect(result.current.hasMore).toBe(false)
    expect(stub.calls.map((c) => c.event.cursor)).toEqual([undefined, '10', '20'])

    await act(() => result.current.loadMore()) // nothing left: no request
    expect(stub.calls).toHaveLength(3)
  })

  it('sends the role filter and starts over when it changes, dropping a stale answer', async () => {
    const first = deferred<Answer>()
    const stub = stubCloud((_fn, event) =>
      event.role === undefined ? first.promise : { ok: true, data: { items: memberRows(2, 100) } },
    )
    const { result, rerender } = renderHook(({ role }) => useMemberList({ role }), {
      initialProps: { role: undefined as 'resident' | undefined },
    })
    rerender({ role: 'resident' })
    await waitFor(() => expect(result.current.status).toBe('ready'))
    first.resolve({ ok: true, data: { items: memberRows(5), nextCursor: '5' } })
    await act(async () => {})
    expect(result.current.items.map((r) => r.openid)).toEqual(['demo-u100', 'demo-u101'])
    expect(stub.calls.map((c) => c.event.role)).toEqual([undefined, 'resident'])
  })

  it('keeps loaded rows when "load more" fails, and can try again', async () => {
    let failNext = false
    stubCloud((_fn, event) => {
      if (failNext) throw new TypeError('offline')
      const start = Number(event.cursor ?? 0)
      return { ok: true, data: { items: memberRows(20, start), nextCursor: String(start + 20) } }
    })
    const { result } = renderHook(() => useMemberList({}))
    await waitFor(() => expect(result.current.status).toBe('ready'))
    failNext = true
    await act(() => result.current.loadMore())
    expect(result.current.items).toHaveLength(20)
    expect(result.current.moreError?.code).toBe('NETWORK.FAILED')
    failNext = false
    await act(() => result.current.loadMore())
    expect(result.current.items).toHaveLength(40)
    expect(result.current.moreError).toBeNull()
  })

  it('requests nothing until enabled', async () => {
    const stub = pagedServer(3)
    const { result, rerender } = renderHook(({ enabled }) => useMemberList({ enabled }), { initialProps: { enabled: false } })
    await act(async () => {})
    expect(stub.calls).toHaveLength(0)
    rerender({ enabled: true })
    await waitFor(() => expect(result.current.items).toHaveLength(3))
  })
})
