import { uploadFile, type LocalFile } from '@/services/cloud'
import type { WishFormPhoto } from '../rules/wish-form.rules'
import { checkWishPhoto, wishPhotoCloudPath } from '../rules/wish-photo.rules'
import { previewOf } from './pick-wish-photos'

export type UploadedWishPhoto = { ok: true; photo: WishFormPhoto } | { ok: false; message: string }

/**
 * Checks a picked picture, then uploads it under `wish-photos/` through the cloud seam (as lecture
 * materials are): only the fileID is sent to the function.
 */
export async function uploadWishPhoto(file: LocalFile): Promise<UploadedWishPhoto> {
  const checked = checkWishPhoto(file)
  if (!checked.ok) return { ok: false, message: checked.message }
  const random = Math.random().toString(36).slice(2, 10)
  const answer = await uploadFile(wishPhotoCloudPath(checked.ext, Date.now(), random), file)
  if (!answer.ok) return { ok: false, message: answer.error.message }
  return { ok: true, photo: { fileID: answer.fileID, preview: previewOf(file) } }
}
