import Taro from '@tarojs/taro'
import { ensureCloudInit } from './transport.weapp'
import { uploadFailed } from './upload-errors'
import type { UploadAnswer, Uploader } from './upload.types'

/**
 * WeChat: `wx.cloud.uploadFile` straight to the environment's storage (WeChat adds who uploaded).
 * Called with callbacks, not as a promise, because only then does it hand back the task whose
 * `onProgressUpdate` reports progress.
 */
export const uploadFile: Uploader = (cloudPath, file, onProgress) =>
  new Promise<UploadAnswer>((resolve) => {
    if (file.source.kind !== 'path') {
      resolve({ ok: false, error: uploadFailed() })
      return
    }
    try {
      ensureCloudInit()
      const task = Taro.cloud.uploadFile({
        cloudPath,
        filePath: file.source.path,
        success: (res) => resolve(res.fileID ? { ok: true, fileID: res.fileID } : { ok: false, error: uploadFailed() }),
        fail: () => resolve({ ok: false, error: uploadFailed() }),
      })
      task.onProgressUpdate((p) => onProgress?.(p.progress))
    } catch {
      resolve({ ok: false, error: uploadFailed() })
    }
  })
