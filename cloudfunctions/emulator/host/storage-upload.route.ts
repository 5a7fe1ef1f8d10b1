import type { IncomingMessage, ServerResponse } from 'node:http'
import { callerTag, type HostLog } from './host-log'
import { readBytes, sendJson } from './http-util'
import { identify } from './identity'

/**
 * `POST /storage/upload?cloudPath=<path>`: the H5 stand-in for `wx.cloud.uploadFile` (the mini-program
 * uploads straight to cloud storage; a browser has no such SDK here). The body is the file's bytes.
 * The file lands in the local backend's storage folder, the one the functions' SDK reads, and the
 * answer has the shape `wx.cloud.uploadFile` resolves with — `{ fileID, statusCode, errMsg }` — so the
 * client treats both platforms alike. Like `/api`, it needs a signed-in caller.
 */
export const UPLOAD_PATH = '/storage/upload'

export interface StorageUploadOptions {
  put(cloudPath: string, content: Buffer): Promise<{ kind: 'stored'; fileID: string } | { kind: 'invalidPath' } | { kind: 'exists' }>
  limitBytes: number
  log: HostLog
}

function refuse(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, { ok: false, errMsg: `uploadFile:fail ${code}`, error: { code, message } }, headers)
}

export async function handleStorageUpload(req: IncomingMessage, res: ServerResponse, url: URL, options: StorageUploadOptions): Promise<void> {
  if (req.method !== 'POST') {
    req.resume()
    refuse(res, 405, 'COMMON.METHOD_NOT_ALLOWED', '上传只接受 POST 请求', { allow: 'POST' })
    return
  }
  const identity = identify(req)
  if (identity.kind !== 'signed-in') {
    req.resume()
    refuse(res, 401, 'AUTH.REQUIRED', '请先登录后再上传（本地开发：打开 /dev/sign-in 选择一位演示用户）')
    return
  }
  const cloudPath = url.searchParams.get('cloudPath') ?? ''
  const body = await readBytes(req, options.limitBytes)
  if (body.kind === 'aborted') return
  if (body.kind === 'too-large') {
    refuse(res, 413, 'UPLOAD.TOO_LARGE', `文件太大（超过 ${Math.round(options.limitBytes / 1024 / 1024)} MB），请压缩后再上传`, { connection: 'close' })
    return
  }
  if (body.bytes.length === 0) {
    refuse(res, 400, 'UPLOAD.EMPTY', '文件是空的，请重新选择')
    return
  }
  const stored = await options.put(cloudPath, body.bytes)
  if (stored.kind === 'invalidPath') {
    refuse(res, 400, 'UPLOAD.BAD_PATH', '上传位置不正确，请刷新页面后重试')
    return
  }
  if (stored.kind === 'exists') {
    refuse(res, 409, 'UPLOAD.EXISTS', '同名文件已存在，请重新上传')
    return
  }
  options.log.debug(`上传 ${cloudPath} ${body.bytes.length} 字节 caller=${callerTag(identity.openid)}`)
  sendJson(res, 200, { fileID: stored.fileID, statusCode: 200, errMsg: 'uploadFile:ok' })
}
