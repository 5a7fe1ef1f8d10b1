import cloud from 'wx-server-sdk'
import { CommonErrors } from '../../shared/errors'
import { chunks, fileIdsOf, isFileMaterial, isOwnEnvFile, type StoredMaterial } from './material.rules'

/** getTempFileURL takes at most 50 file ids per call (docs/local-cloud.md "Storage"). */
const TEMP_URL_BATCH = 50

interface TempUrlItem {
  fileID: string
  tempFileURL: string
  status: number
}

async function tempUrls(fileIDs: readonly string[]): Promise<TempUrlItem[]> {
  const out: TempUrlItem[] = []
  for (const batch of chunks(fileIDs, TEMP_URL_BATCH)) {
    const res = (await cloud.getTempFileURL({ fileList: batch })) as { fileList?: TempUrlItem[] }
    out.push(...(res.fileList ?? []))
  }
  return out
}

/**
 * Temporary download URLs for every file material of these lectures, in one getTempFileURL call per
 * 50 files (normally one per answer). A file that is gone, or a storage hiccup, leaves its URL out
 * (the client says the file cannot be opened) rather than failing the whole answer: the lecture itself
 * is still worth showing.
 */
export async function materialUrls(lectures: ReadonlyArray<{ materials: readonly StoredMaterial[] }>): Promise<ReadonlyMap<string, string>> {
  const ids = fileIdsOf(lectures.flatMap((l) => l.materials))
  const urls = new Map<string, string>()
  if (ids.length === 0) return urls
  try {
    for (const item of await tempUrls(ids)) if (item.status === 0 && item.tempFileURL) urls.set(item.fileID, item.tempFileURL)
  } catch (err) {
    console.error('[lecture] getTempFileURL failed', err instanceof Error ? err.message : String(err))
  }
  return urls
}

/**
 * Refuses (COMMON.INVALID_INPUT, nothing written) file materials that are not files of this
 * environment's storage or that do not exist — a made-up or foreign id would otherwise be stored and
 * shown as a link that never opens. Existence is asked of storage itself, one batched call.
 */
export async function checkMaterialFiles(materials: readonly StoredMaterial[]): Promise<void> {
  if (!materials.some(isFileMaterial)) return
  const env = String(cloud.getWXContext().ENV ?? '')
  const fields: Record<string, string> = {}
  materials.forEach((m, i) => {
    if (isFileMaterial(m) && !isOwnEnvFile(m.fileID, env)) fields[`materials.${i}.fileID`] = '这个文件不在本小程序的云存储里，请删除后重新上传'
  })
  if (Object.keys(fields).length > 0) throw CommonErrors.invalidInput(fields)

  const found = new Set((await tempUrls(fileIdsOf(materials))).filter((item) => item.status === 0).map((item) => item.fileID))
  materials.forEach((m, i) => {
    if (isFileMaterial(m) && !found.has(m.fileID)) fields[`materials.${i}.fileID`] = '找不到这个文件（可能上传没有完成），请删除后重新上传'
  })
  if (Object.keys(fields).length > 0) throw CommonErrors.invalidInput(fields)
}
