import Taro from '@tarojs/taro'
import type { LocalFile } from '@/services/cloud'
import { MATERIAL_FILE_EXTENSIONS } from '../rules/material-file.rules'

/**
 * One file for a lecture material, or null when the person backed out: from chats in WeChat
 * (`chooseMessageFile`), a file input in a browser. The type is checked after picking (checkMaterialFile).
 */
export async function pickMaterialFile(): Promise<LocalFile | null> {
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const res = await Taro.chooseMessageFile({ count: 1, type: 'all' })
      const f = res.tempFiles[0]
      return f ? { name: f.name, size: f.size, source: { kind: 'path', path: f.path } } : null
    } catch {
      // "chooseMessageFile:fail cancel" is the usual case; anything else the person can simply retry.
      return null
    }
  }
  return new Promise<LocalFile | null>((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = MATERIAL_FILE_EXTENSIONS.map((ext) => `.${ext}`).join(',')
    input.className = 'lecture-form__file-input'
    input.style.display = 'none'
    const done = (file: LocalFile | null) => {
      input.remove()
      resolve(file)
    }
    input.addEventListener('change', () => {
      const f = input.files?.[0]
      done(f ? { name: f.name, size: f.size, source: { kind: 'blob', blob: f } } : null)
    })
    input.addEventListener('cancel', () => done(null))
    // In the document so browsers (and browser tests) treat it as the page's own chooser.
    document.body.appendChild(input)
    input.click()
  })
}
