import { COMMITMENT_PHOTO_FOLDER } from '@contracts/rules'
import { formatBeijing } from '@/utils/beijing-time'

/**
 * `commitment-photos/<Beijing yyyyMM>/<time>-<random>.<ext>`: under the one folder the function accepts
 * (`COMMITMENT_PHOTO_FOLDER`), a new name for every upload since storage never replaces a file.
 */
export function commitmentPhotoCloudPath(ext: string, nowMs: number, random: string): string {
  return `${COMMITMENT_PHOTO_FOLDER}${formatBeijing(nowMs, 'YYYYMM')}/${nowMs.toString(36)}-${random}.${ext}`
}
