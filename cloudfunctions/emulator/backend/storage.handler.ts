import { randomBytes } from 'crypto'
import { createReadStream, promises as fs } from 'fs'
import type { IncomingMessage, ServerResponse } from 'http'
import path from 'path'
import { invalidParam, unsupported } from './backend-error'
import { isPlainObject } from './ejson-codec'
import { optionalArray, optionalString, requiredString, type Params } from './request-params'
import type { ResponseBody } from './database.handler'

/**
 * Cloud storage in a local folder (`<dataDir>/storage/<cloudPath>`), served over HTTP under
 * `/files/<cloudPath>`.
 *
 * The SDK's flow (node-sdk storage/index.js):
 *   uploadFile     → `storage.getUploadMetadata {path}` answers `{url, token, authorization, fileId,
 *                    cosFileId}`; the SDK then PUTs the bytes to `url` and expects an empty body
 *                    (COS answers XML only on error). Our `url` carries a one-time upload token.
 *   getTempFileURL → `storage.batchGetDownloadUrl {file_list:[{fileid,max_age}]}` → `download_list:
 *                    [{fileID, tempFileURL, code:'SUCCESS'|<error code>, maxAge}]`
 *   deleteFile     → `storage.batchDeleteFile {fileid_list}` → `delete_list: [{fileID, code}]`
 *   downloadFile   → getTempFileURL, then GET of `encodeURI(tempFileURL)`.
 *
 * Temp URLs keep the cloud path unencoded (as COS URLs do) because downloadFile applies encodeURI
 * itself; so `%`, `#` and `?` are refused in cloud paths — they could not survive that round trip.
 */
export const FILES_PREFIX = '/files/'
const BUCKET = 'local-bucket'
const MAX_FILES_PER_CALL = 50
const UPLOAD_TOKEN_TTL_MS = 10 * 60 * 1000
const MAX_UPLOAD_BYTES = 50 * 1024 * 1024

const CONTENT_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.pdf': 'application/pdf',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.csv': 'text/csv; charset=utf-8',
}

export function validCloudPath(cloudPath: string): boolean {
  if (!cloudPath || cloudPath.startsWith('/') || /[%#?\\\0]/.test(cloudPath)) return false
  return cloudPath.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..')
}

/** `cloud://<env>.<bucket>/<cloudPath>` → cloudPath, or undefined when the id is not one of ours. */
export function cloudPathOf(fileID: unknown): string | undefined {
  if (typeof fileID !== 'string') return undefined
  const match = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileID)
  const cloudPath = match?.[1]
  return cloudPath !== undefined && validCloudPath(cloudPath) ? cloudPath : undefined
}

export class StorageHandler {
  private readonly uploadTokens = new Map<string, { cloudPath: string; expires: number }>()

  constructor(
    private readonly root: string,
    private readonly publicUrl: () => string,
  ) {}

  handles(action: string): boolean {
    return action.startsWith('storage.')
  }

  async handle(action: string, params: Params): Promise<ResponseBody> {
    switch (action) {
      case 'storage.getUploadMetadata':
        return this.uploadMetadata(params)
      case 'storage.batchGetDownloadUrl':
        return this.downloadUrls(params)
      case 'storage.batchDeleteFile':
        return this.deleteFiles(params)
      default:
        throw unsupported(`action ${action}`, 'INVALID_PARAM')
    }
  }

  /** Serves GET/HEAD/PUT under `/files/`. */
  async serve(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const cloudPath = decodeCloudPath(url.pathname.slice(FILES_PREFIX.length))
    if (cloudPath === undefined) return plain(res, 400, 'invalid file path')
    if (req.method === 'PUT') return this.receiveUpload(req, res, cloudPath, url.searchParams.get('upload_token'))
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'method not allowed')
    const file = this.filePath(cloudPath)
    const stat = await fs.stat(file).catch(() => undefined)
    if (!stat?.isFile()) return plain(res, 404, 'file not found')
    res.statusCode = 200
    res.setHeader('content-type', CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream')
    res.setHeader('content-length', stat.size)
    if (req.method === 'HEAD') {
      res.end()
      return
    }
    await new Promise<void>((resolve) => {
      const stream = createReadStream(file)
      stream.on('error', () => {
        res.destroy()
        resolve()
      })
      stream.on('end', resolve)
      stream.pipe(res)
    })
  }

  private filePath(cloudPath: string): string {
    const file = path.resolve(this.root, ...cloudPath.split('/'))
    // validCloudPath already refuses "..": this is the belt to those braces.
    if (!file.startsWith(path.resolve(this.root) + path.sep)) throw invalidParam(`invalid cloud path ${cloudPath}`)
    return file
  }

  private fileIdOf(cloudPath: string, envName: string | undefined): string {
    return `cloud://${envName || 'local'}.${BUCKET}/${cloudPath}`
  }

  private uploadMetadata(params: Params): ResponseBody {
    const cloudPath = requiredString(params, 'path')
    if (!validCloudPath(cloudPath)) {
      throw invalidParam(`invalid cloudPath ${JSON.stringify(cloudPath)}: use "dir/name.ext" without %, #, ? or ".." segments`)
    }
    const now = Date.now()
    for (const [token, entry] of this.uploadTokens) if (entry.expires < now) this.uploadTokens.delete(token)
    const token = randomBytes(16).toString('hex')
    this.uploadTokens.set(token, { cloudPath, expires: now + UPLOAD_TOKEN_TTL_MS })
    const encoded = cloudPath.split('/').map(encodeURIComponent).join('/')
    return {
      data: {
        url: `${this.publicUrl()}${FILES_PREFIX}${encoded}?upload_token=${token}`,
        token,
        authorization: 'local',
        fileId: this.fileIdOf(cloudPath, optionalString(params, 'envName')),
        cosFileId: token,
      },
    }
  }

  private async receiveUpload(req: IncomingMessage, res: ServerResponse, cloudPath: string, token: string | null): Promise<void> {
    const entry = token ? this.uploadTokens.get(token) : undefined
    if (!token || !entry || entry.cloudPath !== cloudPath || entry.expires < Date.now()) {
      return cosError(res, 403, 'AccessDenied', 'upload token missing, expired or for another path')
    }
    this.uploadTokens.delete(token)
    const chunks: Buffer[] = []
    let size = 0
    for await (const chunk of req) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk))
      size += buffer.length
      if (size > MAX_UPLOAD_BYTES) return cosError(res, 400, 'EntityTooLarge', `file larger than ${MAX_UPLOAD_BYTES} bytes`)
      chunks.push(buffer)
    }
    await this.writeFile(cloudPath, Buffer.concat(chunks))
    res.statusCode = 200
    res.end()
  }

  private async writeFile(cloudPath: string, content: Buffer): Promise<void> {
    const file = this.filePath(cloudPath)
    await fs.mkdir(path.dirname(file), { recursive: true })
    // Write then rename: a reader (or a crash) never sees half a file.
    const temp = `${file}.${randomBytes(6).toString('hex')}.uploading`
    await fs.writeFile(temp, content)
    await fs.rename(temp, file)
  }

  /**
   * A client upload (the host's stand-in for `wx.cloud.uploadFile` in the H5 build): the same folder
   * and the same fileID shape as an SDK upload. Unlike the SDK's server-side upload it never replaces
   * a file — cloud storage's default rule lets a user write only files they created, and the client
   * picks fresh random names, so an existing path here means someone else's file.
   */
  async putClientFile(cloudPath: string, content: Buffer, envName: string): Promise<{ kind: 'stored'; fileID: string } | { kind: 'invalidPath' } | { kind: 'exists' }> {
    if (!validCloudPath(cloudPath)) return { kind: 'invalidPath' }
    if (await this.exists(cloudPath)) return { kind: 'exists' }
    await this.writeFile(cloudPath, content)
    return { kind: 'stored', fileID: this.fileIdOf(cloudPath, envName) }
  }

  private async downloadUrls(params: Params): Promise<ResponseBody> {
    const list = optionalArray(params, 'file_list') ?? []
    if (list.length > MAX_FILES_PER_CALL) throw invalidParam(`at most ${MAX_FILES_PER_CALL} files per call`)
    const downloadList = await Promise.all(
      list.map(async (item) => {
        const fileID = isPlainObject(item) ? item.fileid : undefined
        const maxAge = isPlainObject(item) && typeof item.max_age === 'number' ? item.max_age : 86400
        const cloudPath = cloudPathOf(fileID)
        const exists = cloudPath !== undefined && (await this.exists(cloudPath))
        if (!cloudPath || !exists) return { fileID, code: 'STORAGE_FILE_NONEXIST', tempFileURL: '', maxAge }
        const expires = Math.floor(Date.now() / 1000) + maxAge
        return { fileID, code: 'SUCCESS', maxAge, tempFileURL: `${this.publicUrl()}${FILES_PREFIX}${cloudPath}?sign=local&t=${expires}` }
      }),
    )
    return { data: { download_list: downloadList } }
  }

  private async deleteFiles(params: Params): Promise<ResponseBody> {
    const list = optionalArray(params, 'fileid_list') ?? []
    if (list.length > MAX_FILES_PER_CALL) throw invalidParam(`at most ${MAX_FILES_PER_CALL} files per call`)
    const deleteList = await Promise.all(
      list.map(async (fileID) => {
        const cloudPath = cloudPathOf(fileID)
        if (!cloudPath) return { fileID, code: 'STORAGE_FILE_NONEXIST' }
        const removed = await fs.unlink(this.filePath(cloudPath)).then(
          () => true,
          () => false,
        )
        return { fileID, code: removed ? 'SUCCESS' : 'STORAGE_FILE_NONEXIST' }
      }),
    )
    return { data: { delete_list: deleteList } }
  }

  private async exists(cloudPath: string): Promise<boolean> {
    const stat = await fs.stat(this.filePath(cloudPath)).catch(() => undefined)
    return stat?.isFile() ?? false
  }
}

function decodeCloudPath(encoded: string): string | undefined {
  try {
    const cloudPath = encoded.split('/').map(decodeURIComponent).join('/')
    return validCloudPath(cloudPath) ? cloudPath : undefined
  } catch {
    return undefined
  }
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.statusCode = status
  res.setHeader('content-type', 'text/plain; charset=utf-8')
  res.end(text)
}

/** COS answers upload failures as XML; the SDK parses it and reports `[Code]: Message`. */
function cosError(res: ServerResponse, status: number, code: string, message: string): void {
  res.statusCode = status
  res.setHeader('content-type', 'application/xml')
  res.end(`<?xml version='1.0' encoding='utf-8' ?><Error><Code>${code}</Code><Message>${message}</Message><RequestId>local</RequestId><TraceId>local</TraceId></Error>`)
}

