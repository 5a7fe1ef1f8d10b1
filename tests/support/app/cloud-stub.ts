import { fireEvent, waitFor } from '@testing-library/react'

/**
 * Stubs `fetch`, the H5 transport's boundary: the app really builds its request and really parses the
 * answer; only the network is replaced. Each call is answered by `answer(fn, event)`, which returns an
 * envelope (or a `{ status, body }` pair, or throws to simulate a transport failure).
 */
export interface StubCall {
  url: string
  fn: string
  event: Record<string, unknown>
  init: RequestInit
}

export type Answer =
  | { status: number; body: unknown }
  | { ok: true; data: unknown }
  | { ok: false; error: { code: string; message: string; fields?: Record<string, string> } }

export function stubCloud(answer: (fn: string, event: Record<string, unknown>) => Answer | Promise<Answer>) {
  const calls: StubCall[] = []
  const fetchMock = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input)
    const fn = decodeURIComponent(url.replace(/^\/api\//, ''))
    const event = JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>
    calls.push({ url, fn, event, init: init ?? {} })
    const a = await answer(fn, event)
    const { status, body } = 'status' in a ? a : { status: a.ok ? 200 : 400, body: a }
    return { ok: status < 400, status, json: async () => body } as unknown as Response
  })
  globalThis.fetch = fetchMock as unknown as typeof fetch
  return { calls, fetchMock, actions: () => calls.map((c) => c.event.action) }
}

/** A promise you resolve by hand: lets a test look at the "loading" state before the answer arrives. */
export function deferred<T>() {
  let resolve!: (v: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

/**
 * Type into a Taro <Input> (H5: a real <input> inside the `taro-input-core` host carrying the class;
 * the web component renders it a tick after mounting, hence the wait).
 */
export async function typeInto(container: HTMLElement, hostSelector: string, value: string): Promise<void> {
  const input = await waitFor(() => {
    const el = container.querySelector<HTMLInputElement>(`${hostSelector} input`)
    if (!el) throw new Error(`no input inside ${hostSelector}`)
    return el
  })
  input.value = value
  fireEvent.input(input)
}

export function click(container: HTMLElement, selector: string): void {
  const el = container.querySelector(selector)
  if (!el) throw new Error(`nothing matches ${selector}`)
  fireEvent.click(el)
}

export function textOf(container: HTMLElement, selector: string): string | null {
  return container.querySelector(selector)?.textContent ?? null
}
