import Taro from '@tarojs/taro'
import type { MaterialView } from '@contracts'
import { extensionOf } from '../rules/material-file.rules'

const IMAGE_EXTENSIONS = new Set(['jpg', 'jpeg', 'png'])

/** What the row's action says: files open in place; a link in WeChat is copied (no web-view without a business domain). */
export function materialActionLabel(m: MaterialView): string {
  if (m.fileID) return m.url ? '打开 ›' : '暂时打不开'
  return process.env.TARO_ENV === 'h5' ? '打开 ›' : '复制链接'
}

function copyLink(url: string, title: string): void {
  void Taro.setClipboardData({ data: url }).then(
    () => Taro.showToast({ title, icon: 'none', duration: 2500 }),
    () => Taro.showToast({ title: '没有复制成功', icon: 'none' }),
  )
}

/**
 * Opens a material. A file's `url` is the temporary download URL the server made for this answer, so
 * links and files open the same way in a browser (a new tab). In WeChat a picture is previewed and a
 * document downloaded and opened (openDocument reads PDF, Word, PPT, Excel); if that fails the link is
 * copied so it can still be opened in a browser.
 */
export function openMaterial(m: MaterialView): void {
  if (!m.url) {
    void Taro.showToast({ title: '文件暂时打不开，请下拉刷新后再试', icon: 'none', duration: 2500 })
    return
  }
  if (process.env.TARO_ENV === 'h5') {
    window.open(m.url, '_blank', 'noopener')
    return
  }
  if (!m.fileID) {
    copyLink(m.url, '链接已复制，可粘贴到浏览器打开')
    return
  }
  const ext = extensionOf(m.fileID)
  if (IMAGE_EXTENSIONS.has(ext)) {
    void Taro.previewImage({ urls: [m.url], current: m.url }).catch(() => copyLink(m.url, '没有打开图片，已复制链接'))
    return
  }
  void Taro.showLoading({ title: '正在打开…', mask: true })
  void Taro.downloadFile({ url: m.url })
    .then((res) => {
      if (res.statusCode !== 200) throw new Error(`download ${res.statusCode}`)
      return Taro.openDocument({ filePath: res.tempFilePath, fileType: documentType(ext), showMenu: true })
    })
    .then(
      () => Taro.hideLoading(),
      () => {
        void Taro.hideLoading()
        copyLink(m.url, '没有打开文件，已复制链接，可粘贴到浏览器打开')
      },
    )
}

type DocumentType = 'pdf' | 'doc' | 'docx' | 'ppt' | 'pptx' | 'xls' | 'xlsx'

function documentType(ext: string): DocumentType | undefined {
  return ext === 'pdf' || ext === 'doc' || ext === 'docx' || ext === 'ppt' || ext === 'pptx' || ext === 'xls' || ext === 'xlsx' ? ext : undefined
}
