import type { ErrorBody } from '@contracts'

export const UPLOAD_FAILED = 'UPLOAD.FAILED'

/** A failed upload the user can simply try again; the form offers 重新上传. */
export function uploadFailed(): ErrorBody {
  return { code: UPLOAD_FAILED, message: '文件没有上传成功，请检查网络后重新上传' }
}
