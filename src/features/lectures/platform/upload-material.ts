import { uploadFile, type LocalFile } from '@/services/cloud'
import type { FileMaterialValues } from '../rules/lecture-form-values.rules'
import { checkMaterialFile, materialCloudPath } from '../rules/material-file.rules'

export type UploadedMaterial = { ok: true; material: FileMaterialValues } | { ok: false; message: string }

/**
 * Checks a picked file (kind, size) before sending anything, then uploads it through the cloud seam.
 * The answer is a material row ready for the form, titled after the file, or copy saying what to do.
 */
export async function uploadMaterial(file: LocalFile, onProgress: (percent: number) => void): Promise<UploadedMaterial> {
  const checked = checkMaterialFile(file)
  if (!checked.ok) return { ok: false, message: checked.message }
  const random = Math.random().toString(36).slice(2, 10)
  const answer = await uploadFile(materialCloudPath(checked.ext, Date.now(), random), file, onProgress)
  if (!answer.ok) return { ok: false, message: answer.error.message }
  return { ok: true, material: { title: checked.title, fileID: answer.fileID, fileName: file.name } }
}
