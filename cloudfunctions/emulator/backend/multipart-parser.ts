/**
 * Just enough multipart/form-data to read what the SDK's `form-data` writer sends for `wx.openApi`
 * (a few text fields and one binary protobuf field). Not a general-purpose parser: no streaming, no
 * nested multiparts — the whole body is already in memory.
 */
export type FormFields = Record<string, string | Buffer>

export function boundaryOf(contentType: string): string | undefined {
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType)
  return match ? (match[1] ?? match[2])?.trim() : undefined
}

export function parseMultipart(body: Buffer, boundary: string): FormFields {
  const fields: FormFields = {}
  const delimiter = Buffer.from(`--${boundary}`)
  let cursor = body.indexOf(delimiter)
  while (cursor !== -1) {
    const partStart = cursor + delimiter.length
    // "--" right after a delimiter closes the body.
    if (body.subarray(partStart, partStart + 2).toString() === '--') break
    const next = body.indexOf(delimiter, partStart)
    if (next === -1) break
    // A part is CRLF, headers, CRLF CRLF, content, CRLF, then the next delimiter.
    const part = body.subarray(partStart + 2, next - 2)
    const headerEnd = part.indexOf('\r\n\r\n')
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString('utf8')
      const content = part.subarray(headerEnd + 4)
      const name = /name="([^"]*)"/i.exec(headers)?.[1]
      if (name !== undefined) {
        const isBinary = /content-type:\s*application\/octet-stream/i.test(headers) || /filename=/i.test(headers)
        fields[name] = isBinary ? Buffer.from(content) : content.toString('utf8')
      }
    }
    cursor = next
  }
  return fields
}
