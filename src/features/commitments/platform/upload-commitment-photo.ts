import { uploadFile, type LocalFile } from '@/services/cloud'
import { checkWishPhoto } from '@/features/wishes/rules/wish-photo.rules'
import { previewOf } from '@/features/wishes/platform/pick-wish-photos'
import type { CommitmentFormPhoto } from '../rules/commitment-form.rules'
import { commitmentPhotoCloudPath } from '../rules/commitment-photo.rules'

export { pickWishPhotos as pickCommitmentPhotos } from '@/features/wishes/platform/pick-wish-photos'

export type UploadedCommitmentPhoto = { ok: true; photo: CommitmentFormPhoto } | { ok: false; message: string }

/** Checks a picked picture as wish photos are checked, then uploads it under `commitment-photos/`; only the fileID is sent on. */
export async function uploadCommitmentPhoto(file: LocalFile): Promise<UploadedCommitmentPhoto> {
  const checked = checkWishPhoto(file)
  if (!checked.ok) return { ok: false, message: checked.message }
  const random = Math.random().toString(36).slice(2, 10)
  const answer = await uploadFile(commitmentPhotoCloudPath(checked.ext, Date.now(), random), file)
  if (!answer.ok) return { ok: false, message: answer.error.message }
  return { ok: true, photo: { fileID: answer.fileID, preview: previewOf(file) } }
}
