import { MATERIAL_FILE_FOLDER, MATERIAL_TITLE_MAX } from '@contracts/rules'
import { formatBeijing } from '@/utils/beijing-time'

/* A lecture material's file: which kinds and sizes may be uploaded, how they are named, and where they go. */

/** The largest file a material may be (WeChat's chat files can be much larger; reading on a phone is not). */
export const MATERIAL_FILE_MAX_BYTES = 20 * 1024 * 1024
export const MATERIAL_FILE_MAX_LABEL = formatFileSize(MATERIAL_FILE_MAX_BYTES)

const FILE_KINDS: Record<string, string> = {
  pdf: 'PDF 文件',
  doc: 'Word 文档',
  docx: 'Word 文档',
  ppt: 'PPT 演示文稿',
  pptx: 'PPT 演示文稿',
  xls: 'Excel 表格',
  xlsx: 'Excel 表格',
  txt: '文本文件',
  jpg: '图片',
  jpeg: '图片',
  png: '图片',
}

/** What a material file may be: documents a phone can open (openDocument) and pictures. */
export const MATERIAL_FILE_EXTENSIONS = Object.keys(FILE_KINDS)

/** `讲稿.PDF` → `pdf`; '' when there is none. */
export function extensionOf(name: string): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(name.trim())
  return m?.[1] ? m[1].toLowerCase() : ''
}

/** `PDF 文件`, `Word 文档`, … from a file name or fileID; `文件` when unknown. */
export function fileKindLabel(nameOrId: string): string {
  return FILE_KINDS[extensionOf(nameOrId)] ?? '文件'
}

/** `1.5 MB`, `320 KB`: sizes as people say them. */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`
  return `${Math.max(1, Math.round(bytes / 1024))} KB`
}

export type CheckedMaterialFile = { ok: true; ext: string; title: string } | { ok: false; message: string }

/**
 * Whether a picked file may be uploaded, before a byte is sent: a kind a phone can open, not empty,
 * not over 20 MB. On success, its extension and a title from its name (the secretary can edit it).
 */
export function checkMaterialFile(file: { name: string; size: number }): CheckedMaterialFile {
  const ext = extensionOf(file.name)
  if (!FILE_KINDS[ext]) return { ok: false, message: '只能上传 PDF、Word、PPT、Excel、文本或图片（jpg、png）文件' }
  if (!(file.size > 0)) return { ok: false, message: '这个文件是空的，请重新选择' }
  if (file.size > MATERIAL_FILE_MAX_BYTES) {
    return { ok: false, message: `文件太大（${formatFileSize(file.size)}），最大 ${MATERIAL_FILE_MAX_LABEL}。请压缩或拆分后再上传，或改为添加链接` }
  }
  const base = file.name.trim().replace(/\.[A-Za-z0-9]{1,8}$/, '').trim()
  return { ok: true, ext, title: [...(base || '学习资料')].slice(0, MATERIAL_TITLE_MAX).join('') }
}

/**
 * Where an uploaded material goes in cloud storage: `lecture-materials/<yyyymm>/<time>-<random>.<ext>`.
 * The folder is the one the server accepts; the name is ours, never the person's file name (which may
 * hold characters a cloud path cannot), and fresh each time so no upload replaces another.
 */
export function materialCloudPath(ext: string, nowMs: number, random: string): string {
  const month = formatBeijing(nowMs, 'YYYYMM')
  const safeRandom = random.replace(/[^a-z0-9]/gi, '').slice(0, 16) || '0'
  const safeExt = ext.replace(/[^a-z0-9]/gi, '').toLowerCase() || 'bin'
  return `${MATERIAL_FILE_FOLDER}${month}/${nowMs.toString(36)}-${safeRandom}.${safeExt}`
}
