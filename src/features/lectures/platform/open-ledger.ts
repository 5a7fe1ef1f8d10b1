import Taro from '@tarojs/taro'
import type { ExportResult } from '@contracts'

/**
 * Hands the exported 签到台账 to the person. In the browser: a download link clicked for them (the file
 * keeps its Chinese name when the link is on the same site, as the local host's is). In WeChat: the
 * file is downloaded into the app and opened in the document viewer, whose menu can forward or save it.
 * Resolves false when it could not be opened (the caller says so and offers the link).
 */
export async function openLedger(file: ExportResult): Promise<boolean> {
  if (!file.url) return false
  if (process.env.TARO_ENV === 'h5') {
    const a = document.createElement('a')
    a.href = file.url
    a.download = file.fileName
    // Same site: the download attribute saves it under its name. Another site (cloud storage) ignores
    // the attribute; a new tab then downloads it, and the app stays where it was.
    a.target = '_blank'
    a.rel = 'noopener'
    a.className = 'lecture-ledger-download'
    document.body.appendChild(a)
    a.click()
    a.remove()
    return true
  }
  try {
    const downloaded = await Taro.downloadFile({ url: file.url })
    if (downloaded.statusCode !== 200) return false
    await Taro.openDocument({ filePath: downloaded.tempFilePath, fileType: 'xlsx', showMenu: true })
    return true
  } catch {
    return false
  }
}
