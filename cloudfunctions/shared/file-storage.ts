import cloud from 'wx-server-sdk'
import { CommonErrors } from './errors'
import { chunks, isOwnEnvFile, TEMP_URL_BATCH } from './storage.rules'

interface TempUrlItem {
  fileID: string
  tempFileURL: string
  status: number
}

async function tempUrlItems(fileIDs: readonly string[]): Promise<TempUrlItem[]> {
  const out: TempUrlItem[] = []
  for (const fileList of chunks(fileIDs, TEMP_URL_BATCH)) {
    const res = (await cloud.getTempFileURL({ fileList })) as { fileList?: TempUrlItem[] }
    out.push(...(res.fileList ?? []))
  }
  return out
}

/**
 * Temporary download URLs for these files, one call per 50. A file that is gone, or a storage hiccup,
 * leaves its URL out (the client shows the picture as missing) rather than failing the answer.
 */
export async function tempFileUrls(fileIDs: readonly string[]): Promise<ReadonlyMap<string, string>> {
  const ids = [...new Set(fileIDs)]
  const urls = new Map<string, string>()
  if (ids.length === 0) return urls
  try {
    for (const item of await tempUrlItems(ids)) if (item.status === 0 && item.tempFileURL) urls.set(item.fileID, item.tempFileURL)
  } catch (err) {
    console.error('[file-storage] getTempFileURL failed', err instanceof Error ? err.message : String(err))
  }
  return urls
}

/** A file named in the caller's input, with the form path its error goes to (`photos.0`, `materials.2.fileID`). */
export interface FileAt {
  field: string
  fileID: string
}

/**
 * Refuses (COMMON.INVALID_INPUT, nothing written) files that are not in this environment's storage or do
 * not exist: a made-up or foreign id would be stored and shown as a picture or link that never opens.
 * The contract has already fixed each id's shape and folder; existence is asked of storage itself, one
 * batched call.
 */
export async function checkOwnFilesAt(files: readonly FileAt[]): Promise<void> {
  if (files.length === 0) return
  const env = String(cloud.getWXContext().ENV ?? '')
  const fields: Record<string, string> = {}
  for (const { field, fileID } of files) {
    if (!isOwnEnvFile(fileID, env)) fields[field] = '这个文件不在本小程序的云存储里，请删除后重新上传'
  }
  if (Object.keys(fields).length > 0) throw CommonErrors.invalidInput(fields)
  const found = new Set((await tempUrlItems([...new Set(files.map((f) => f.fileID))])).filter((item) => item.status === 0).map((item) => item.fileID))
  for (const { field, fileID } of files) if (!found.has(fileID)) fields[field] = '找不到这个文件（可能上传没有完成），请删除后重新上传'
  if (Object.keys(fields).length > 0) throw CommonErrors.invalidInput(fields)
}

/** `checkOwnFilesAt` for a list of ids under one form field (`photos` → `photos.0`, `photos.1`, …). */
export function checkOwnFiles(fileIDs: readonly string[], field: string): Promise<void> {
  return checkOwnFilesAt(fileIDs.map((fileID, i) => ({ field: `${field}.${i}`, fileID })))
}

/**
 * Stores a file the function made (an exported ledger) and answers its fileID with a temporary download
 * URL ('' if storage could not make one; the fileID still names the file).
 */
export async function storeFile(cloudPath: string, content: Buffer): Promise<{ fileID: string; url: string }> {
  const uploaded = (await cloud.uploadFile({ cloudPath, fileContent: content })) as { fileID: string }
  const [item] = await tempUrlItems([uploaded.fileID])
  return { fileID: uploaded.fileID, url: item?.tempFileURL ?? '' }
}
