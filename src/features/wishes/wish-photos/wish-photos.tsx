import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Image, Text, View } from '@tarojs/components'
import type { WishPhoto } from '@contracts'
import { FormField } from '@/components/form-field'
import { pickWishPhotos } from '../platform/pick-wish-photos'
import { uploadWishPhoto } from '../platform/upload-wish-photo'
import type { WishFormPhoto } from '../rules/wish-form.rules'
import './wish-photos.scss'

/** Photos as answered by the function (temporary URLs); a tap shows them large. */
export function WishPhotos({ photos, className }: { photos: WishPhoto[]; className?: string }) {
  const shown = photos.filter((p) => p.url)
  if (shown.length === 0) return null
  const urls = shown.map((p) => p.url)
  return (
    <View className={['wish-photos', className].filter(Boolean).join(' ')}>
      {shown.map((p) => (
        <Image
          key={p.fileID}
          className='wish-photos__photo'
          src={p.url}
          mode='aspectFill'
          onClick={() => void Taro.previewImage({ urls, current: p.url }).catch(() => undefined)}
        />
      ))}
    </View>
  )
}

export interface WishPhotoFieldProps {
  label: string
  hint?: string
  error?: string
  photos: WishFormPhoto[]
  max: number
  onChange: (photos: WishFormPhoto[]) => void
  className?: string
}

/** Pick and upload photos (under `wish-photos/`), shown as they are added; each can be taken out again. */
export function WishPhotoField({ label, hint, error, photos, max, onChange, className }: WishPhotoFieldProps) {
  const [uploading, setUploading] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  const add = async () => {
    setProblem(null)
    const files = await pickWishPhotos(max - photos.length)
    if (files.length === 0) return
    setUploading(true)
    const added: WishFormPhoto[] = []
    for (const file of files) {
      const res = await uploadWishPhoto(file)
      if (res.ok) added.push(res.photo)
      else setProblem(res.message)
    }
    setUploading(false)
    if (added.length > 0) onChange([...photos, ...added].slice(0, max))
  }

  return (
    <FormField className={['wish-photo-field', className].filter(Boolean).join(' ')} label={label} hint={hint} error={error ?? problem ?? undefined}>
      <View className='wish-photos'>
        {photos.map((p, i) => (
          <View key={p.fileID} className='wish-photo-field__item'>
            {p.preview ? <Image className='wish-photos__photo' src={p.preview} mode='aspectFill' /> : <View className='wish-photos__photo' />}
            <Text className='wish-photo-field__remove' onClick={() => onChange(photos.filter((_, j) => j !== i))}>
              移除
            </Text>
          </View>
        ))}
      </View>
      {photos.length < max ? (
        <Button className='app-button app-button--secondary app-button--block wish-photo-field__add' disabled={uploading} onClick={() => void add()}>
          {uploading ? '正在上传照片…' : photos.length === 0 ? '+ 添加照片' : `+ 再加一张（最多 ${max} 张）`}
        </Button>
      ) : null}
    </FormField>
  )
}
