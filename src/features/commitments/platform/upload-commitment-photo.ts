import { COMMITMENT_PHOTO_FOLDER } from '@contracts/rules'
import { uploadFile, type LocalFile } from '@/services/cloud'
import { checkWishPhoto } from '@/features/wishes/rules/wish-photo.rules'
import { previewOf } from '@/features/wishes/platform/pick-wish-photos'
import { formatBeijing } from '@/utils/beijing-time'
import type { CommitmentFormPhoto } from '../rules/commitment-form.rules'

export { pickWishPhotos as pickCommitmentPhotos } from '@/features/wishes/platform/pick-wish-photos'

export type UploadedCommitmentPhoto = { ok: true; photo: CommitmentFormPhoto } | { ok: false; message: string }

/**
 * Checks a picked picture as wish photos are checked, then uploads it under `commitment-photos/<Beijing
 * yyyyMM>/` (the one folder the function accepts), a new name each time since storage never replaces a file.
 */
export async function uploadCommitmentPhoto(file: LocalFile): Promise<UploadedCommitmentPhoto> {
  const checked = checkWishPhoto(file)
  if (!checked.ok) return { ok: false, message: checked.message }
  const now = Date.now()
  const random = Math.random().toString(36).slice(2, 10)
  const answer = await uploadFile(`${COMMITMENT_PHOTO_FOLDER}${formatBeijing(now, 'YYYYMM')}/${now.toString(36)}-${random}.${checked.ext}`, file)
  if (!answer.ok) return { ok: false, message: answer.error.message }
  return { ok: true, photo: { fileID: answer.fileID, preview: previewOf(file) } }
}
