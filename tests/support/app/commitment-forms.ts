import { fireEvent, waitFor } from '@testing-library/react'

/**
 * Type into a Taro <Textarea> (H5: a real <textarea> inside `taro-textarea-core`, rendered a tick after
 * mounting, hence the wait), as the commitment forms' notes, reasons and comments are.
 */
export async function typeArea(container: HTMLElement, hostSelector: string, value: string): Promise<void> {
  const area = await waitFor(() => {
    const el = container.querySelector<HTMLTextAreaElement>(`${hostSelector} textarea`)
    if (!el) throw new Error(`no textarea inside ${hostSelector}`)
    return el
  })
  area.value = value
  fireEvent.input(area)
}

/** What a Taro <Textarea> holds now. */
export function areaValue(container: HTMLElement, hostSelector: string): string | undefined {
  return container.querySelector<HTMLTextAreaElement>(`${hostSelector} textarea`)?.value
}
