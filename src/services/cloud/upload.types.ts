import type { ErrorBody } from '@contracts'

/**
 * A file picked on the device: a temporary path in the mini-program (chooseMessageFile), the File
 * itself in a browser. Each platform's uploader accepts its own kind.
 */
export interface LocalFile {
  name: string
  size: number
  source: { kind: 'path'; path: string } | { kind: 'blob'; blob: Blob }
}

/** The upload's outcome: the storage fileID (`cloud://…`), or an error with Chinese copy. */
export type UploadAnswer = { ok: true; fileID: string } | { ok: false; error: ErrorBody }

/** Upload `file` to cloud storage at `cloudPath`; `onProgress` gets 0–100. Never rejects. */
export type Uploader = (cloudPath: string, file: LocalFile, onProgress?: (percent: number) => void) => Promise<UploadAnswer>
