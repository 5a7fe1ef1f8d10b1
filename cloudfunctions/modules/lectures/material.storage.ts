import { checkOwnFilesAt, tempFileUrls } from '../../shared/file-storage'
import { fileIdsOf, isFileMaterial, type StoredMaterial } from './material.rules'

/**
 * Temporary download URLs for every file material of these lectures, in one getTempFileURL call per
 * 50 files (normally one per answer). A file that is gone, or a storage hiccup, leaves its URL out
 * (the client says the file cannot be opened) rather than failing the whole answer: the lecture itself
 * is still worth showing.
 */
export function materialUrls(lectures: ReadonlyArray<{ materials: readonly StoredMaterial[] }>): Promise<ReadonlyMap<string, string>> {
  return tempFileUrls(fileIdsOf(lectures.flatMap((l) => l.materials)))
}

/**
 * Refuses (COMMON.INVALID_INPUT, nothing written) file materials that are not files of this
 * environment's storage or that do not exist, each named by its place in the form.
 */
export function checkMaterialFiles(materials: readonly StoredMaterial[]): Promise<void> {
  return checkOwnFilesAt(materials.flatMap((m, i) => (isFileMaterial(m) ? [{ field: `materials.${i}.fileID`, fileID: m.fileID }] : [])))
}
