import { AUTH_REQUIRED } from './errors'
import { uploadFailed } from './upload-errors'
import type { UploadAnswer, Uploader } from './upload.types'

/**
 * H5: the local host's `POST /storage/upload?cloudPath=` (the browser's stand-in for
 * `wx.cloud.uploadFile`), authenticated by the same-origin sign-in cookie as `/api`. XMLHttpRequest
 * rather than fetch because only it reports upload progress. The host answers what
 * `wx.cloud.uploadFile` resolves with (`{ fileID, statusCode, errMsg }`), or `{ error: { code, message } }`.
 */
export const UPLOAD_URL = '/storage/upload'

export const uploadFile: Uploader = (cloudPath, file, onProgress) =>
  new Promise<UploadAnswer>((resolve) => {
    if (file.source.kind !== 'blob') {
      resolve({ ok: false, error: uploadFailed() })
      return
    }
    const xhr = new XMLHttpRequest()
    xhr.open('POST', `${UPLOAD_URL}?cloudPath=${encodeURIComponent(cloudPath)}`)
    xhr.withCredentials = true
    xhr.setRequestHeader('content-type', 'application/octet-stream')
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress?.(Math.min(100, Math.round((e.loaded / e.total) * 100)))
    }
    xhr.onerror = () => resolve({ ok: false, error: uploadFailed() })
    xhr.ontimeout = () => resolve({ ok: false, error: uploadFailed() })
    xhr.onload = () => resolve(answerOf(xhr.status, xhr.responseText))
    xhr.send(file.source.blob)
  })

function answerOf(status: number, text: string): UploadAnswer {
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return { ok: false, error: uploadFailed() }
  }
  if (typeof body !== 'object' || body === null) return { ok: false, error: uploadFailed() }
  const record = body as Record<string, unknown>
  if (status === 200 && typeof record.fileID === 'string' && record.fileID.startsWith('cloud://')) return { ok: true, fileID: record.fileID }
  const error = record.error
  if (typeof error === 'object' && error !== null) {
    const { code, message } = error as Record<string, unknown>
    if (typeof code === 'string' && typeof message === 'string') return { ok: false, error: { code: status === 401 ? AUTH_REQUIRED : code, message } }
  }
  return { ok: false, error: uploadFailed() }
}
