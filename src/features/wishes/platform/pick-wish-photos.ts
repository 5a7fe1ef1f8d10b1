import Taro from '@tarojs/taro'
import type { LocalFile } from '@/services/cloud'

/**
 * Up to `count` pictures from the album or the camera, or [] when the person backed out. In WeChat
 * `chooseMedia` (compressed, the phone's own picker); in a browser an ordinary file input made on the
 * fly, as `features/lectures/platform/pick-material-file.ts` does for materials.
 */
export async function pickWishPhotos(count: number): Promise<LocalFile[]> {
  if (count <= 0) return []
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const res = await Taro.chooseMedia({ count, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] })
      return res.tempFiles.map((f, i) => {
        const ext = /\.([A-Za-z0-9]+)$/.exec(f.tempFilePath)?.[1] ?? 'jpg'
        return { name: `photo-${i}.${ext}`, size: f.size, source: { kind: 'path', path: f.tempFilePath } }
      })
    } catch {
      // "chooseMedia:fail cancel" is the usual case; anything else the person can simply retry.
      return []
    }
  }
  return new Promise<LocalFile[]>((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = 'image/*'
    input.multiple = count > 1
    input.style.display = 'none'
    const done = (files: LocalFile[]) => {
      input.remove()
      resolve(files)
    }
    input.addEventListener('change', () => {
      const files = Array.from(input.files ?? []).slice(0, count)
      done(files.map((f) => ({ name: f.name, size: f.size, source: { kind: 'blob', blob: f } })))
    })
    input.addEventListener('cancel', () => done([]))
    // In the document so browsers (and browser tests) treat it as the page's own chooser.
    document.body.appendChild(input)
    input.click()
  })
}

/** A picture to show for a picked file before (and after) it is uploaded. */
export function previewOf(file: LocalFile): string {
  if (file.source.kind === 'path') return file.source.path
  return typeof URL.createObjectURL === 'function' ? URL.createObjectURL(file.source.blob) : ''
}
