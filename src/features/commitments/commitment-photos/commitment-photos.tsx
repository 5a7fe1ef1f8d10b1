import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Image, Text, View } from '@tarojs/components'
import type { CommitmentPhoto } from '@contracts'
import { FormField } from '@/components/form-field'
import { pickCommitmentPhotos, uploadCommitmentPhoto } from '../platform/upload-commitment-photo'
import type { CommitmentFormPhoto } from '../rules/commitment-form.rules'
import './commitment-photos.scss'

/** Photos as answered by the function (temporary URLs); a tap shows them large. */
export function CommitmentPhotos({ photos, className }: { photos: CommitmentPhoto[]; className?: string }) {
  const shown = photos.filter((p) => p.url)
  if (shown.length === 0) return null
  const urls = shown.map((p) => p.url)
  return (
    <View className={['commitment-photos', className].filter(Boolean).join(' ')}>
      {shown.map((p) => (
        <Image
          key={p.fileID}
          className='commitment-photos__photo'
          src={p.url}
          mode='aspectFill'
          onClick={() => void Taro.previewImage({ urls, current: p.url }).catch(() => undefined)}
        />
      ))}
    </View>
  )
}

export interface CommitmentPhotoFieldProps {
  label: string
  hint?: string
  error?: string
  photos: CommitmentFormPhoto[]
  max: number
  onChange: (photos: CommitmentFormPhoto[]) => void
  className?: string
}

/** Pick and upload photos (under `commitment-photos/`), shown as they are added; each can be taken out. */
export function CommitmentPhotoField({ label, hint, error, photos, max, onChange, className }: CommitmentPhotoFieldProps) {
  const [uploading, setUploading] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  const add = async () => {
    setProblem(null)
    const files = await pickCommitmentPhotos(max - photos.length)
    if (files.length === 0) return
    setUploading(true)
    const added: CommitmentFormPhoto[] = []
    for (const file of files) {
      const res = await uploadCommitmentPhoto(file)
      if (res.ok) added.push(res.photo)
      else setProblem(res.message)
    }
    setUploading(false)
    if (added.length > 0) onChange([...photos, ...added].slice(0, max))
  }

  return (
    <FormField className={['commitment-photo-field', className].filter(Boolean).join(' ')} label={label} hint={hint} error={error ?? problem ?? undefined}>
      <View className='commitment-photos'>
        {photos.map((p, i) => (
          <View key={p.fileID} className='commitment-photo-field__item'>
            {p.preview ? <Image className='commitment-photos__photo' src={p.preview} mode='aspectFill' /> : <View className='commitment-photos__photo' />}
            <Text className='commitment-photo-field__remove' onClick={() => onChange(photos.filter((_, j) => j !== i))}>
              移除
            </Text>
          </View>
        ))}
      </View>
      {photos.length < max ? (
        <Button className='app-button app-button--secondary app-button--block commitment-photo-field__add' disabled={uploading} onClick={() => void add()}>
          {uploading ? '正在上传照片…' : photos.length === 0 ? '+ 添加照片' : `+ 再加一张（最多 ${max} 张）`}
        </Button>
      ) : null}
    </FormField>
  )
}
