import { WISH_PHOTO_FOLDER } from '@contracts/rules'
import { formatBeijing } from '@/utils/beijing-time'

/* A wish photo (the wish itself, or the proof that it was fulfilled): which files, how big, and where. */

/** Phone pictures are a few MB; WeChat compresses what it picks, the browser does not. */
export const WISH_PHOTO_MAX_BYTES = 10 * 1024 * 1024

const IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'gif', 'heic']

export type CheckedPhoto = { ok: true; ext: string } | { ok: false; message: string }

/** A picked file is a picture of a reasonable size; copy that says what to do when it is not. */
export function checkWishPhoto(file: { name: string; size: number }): CheckedPhoto {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(file.name.trim())
  const ext = m?.[1]?.toLowerCase() ?? ''
  if (!IMAGE_EXTENSIONS.includes(ext)) return { ok: false, message: '请选择照片（jpg、png 等图片）' }
  if (file.size > WISH_PHOTO_MAX_BYTES) return { ok: false, message: '照片太大了（超过 10 MB），请换一张或截图后再传' }
  return { ok: true, ext: ext === 'jpeg' ? 'jpg' : ext }
}

/**
 * `wish-photos/<Beijing yyyyMM>/<time>-<random>.<ext>`: under the one folder the function accepts
 * (`WISH_PHOTO_FOLDER`), a new name for every upload since storage never replaces a file.
 */
export function wishPhotoCloudPath(ext: string, nowMs: number, random: string): string {
  return `${WISH_PHOTO_FOLDER}${formatBeijing(nowMs, 'YYYYMM')}/${nowMs.toString(36)}-${random}.${ext}`
}
