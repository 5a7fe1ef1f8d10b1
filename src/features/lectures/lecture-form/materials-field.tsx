import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { MATERIALS_MAX, MATERIAL_TITLE_MAX, URL_MAX } from '@contracts/rules'
import { FormField } from '@/components/form-field'
import { TextField } from '@/components/text-field'
import type { LocalFile } from '@/services/cloud'
import { pickMaterialFile } from '../platform/pick-material-file'
import { uploadMaterial } from '../platform/upload-material'
import type { LectureFormErrors } from '../rules/lecture-form-errors.rules'
import { isFileMaterialValues, type MaterialValues } from '../rules/lecture-form-values.rules'
import { MATERIAL_FILE_MAX_LABEL, checkMaterialFile, fileKindLabel } from '../rules/material-file.rules'

export interface MaterialsFieldProps {
  materials: MaterialValues[]
  /** The form's messages; this field reads `materials` and `materials.<i>.title|url|file`. */
  errors: LectureFormErrors
  /** Every change as an update of the latest list (an upload ends after other edits). */
  onChange: (update: (prev: MaterialValues[]) => MaterialValues[]) => void
  /** An upload started or ended: the form waits for it before saving. */
  onUploadingChange: (uploading: boolean) => void
}

type UploadState =
  | { phase: 'uploading'; name: string; progress: number }
  /** `retry`: the file, when trying again can help (not for a file that is too big or of the wrong kind). */
  | { phase: 'failed'; name: string; message: string; retry: LocalFile | null }

/**
 * 学习资料: links, or files uploaded to cloud storage (from WeChat chats, or a file input in a browser),
 * one upload at a time with its progress; at most `MATERIALS_MAX` in all.
 */
export function MaterialsField({ materials, errors, onChange, onUploadingChange }: MaterialsFieldProps) {
  const [upload, setUploadState] = useState<UploadState | null>(null)
  const uploading = upload?.phase === 'uploading'
  const setUpload = (next: UploadState | null) => {
    setUploadState(next)
    onUploadingChange(next?.phase === 'uploading')
  }

  const startUpload = async (file: LocalFile) => {
    setUpload({ phase: 'uploading', name: file.name, progress: 0 })
    const done = await uploadMaterial(file, (progress) =>
      setUploadState((prev) => (prev?.phase === 'uploading' ? { ...prev, progress } : prev)),
    )
    if (!done.ok) {
      setUpload({ phase: 'failed', name: file.name, message: done.message, retry: checkMaterialFile(file).ok ? file : null })
      return
    }
    setUpload(null)
    onChange((prev) => (prev.length >= MATERIALS_MAX ? prev : [...prev, done.material]))
  }

  const chooseAndUpload = async () => {
    if (uploading) return
    const file = await pickMaterialFile()
    if (file) await startUpload(file)
  }

  const edit = (i: number, patch: { title: string } | { url: string }) =>
    onChange((prev) => prev.map((m, j) => (j !== i ? m : 'url' in patch && isFileMaterialValues(m) ? m : { ...m, ...patch })))

  return (
    <>
      <FormField
        className='lecture-form__materials'
        hint={materials.length === 0 ? `可以附上文章链接，或上传 PDF、Word、PPT、图片等文件（最大 ${MATERIAL_FILE_MAX_LABEL}），参加的人在党课详情里打开。` : undefined}
        error={errors.materials}
      >
        {materials.map((m, i) => (
          <MaterialItem
            key={i}
            index={i}
            material={m}
            errors={errors}
            onEdit={(patch) => edit(i, patch)}
            onRemove={() => onChange((prev) => prev.filter((_, j) => j !== i))}
          />
        ))}
      </FormField>
      {upload ? <UploadStatus upload={upload} onRetry={(file) => void startUpload(file)} onDismiss={() => setUpload(null)} /> : null}
      {materials.length < MATERIALS_MAX ? (
        <View className='lecture-form__material-adders'>
          <Button
            className='app-button app-button--secondary app-button--block lecture-form__upload-material'
            disabled={uploading}
            onClick={() => void chooseAndUpload()}
          >
            {process.env.TARO_ENV === 'weapp' ? '+ 从聊天记录选择文件上传' : '+ 上传文件'}
          </Button>
          <Button
            className='app-button app-button--secondary app-button--block lecture-form__add-material'
            onClick={() => onChange((prev) => [...prev, { title: '', url: '' }])}
          >
            + 添加链接
          </Button>
        </View>
      ) : null}
    </>
  )
}

interface MaterialItemProps {
  index: number
  material: MaterialValues
  errors: LectureFormErrors
  onEdit: (patch: { title: string } | { url: string }) => void
  onRemove: () => void
}

/** One material: its title, then its link (typed) or its file (uploaded), and 删除. */
function MaterialItem({ index: i, material: m, errors, onEdit, onRemove }: MaterialItemProps) {
  const file = isFileMaterialValues(m)
  return (
    <View className={`lecture-form__material lecture-form__material--${file ? 'file' : 'link'}`}>
      <TextField
        inputClassName='lecture-form__material-title'
        label={`资料 ${i + 1} · ${file ? fileKindLabel(m.fileName || m.fileID) : '链接'}`}
        error={errors[`materials.${i}.title`]}
        value={m.title}
        maxLength={MATERIAL_TITLE_MAX}
        placeholder='资料名称'
        onInput={(title) => onEdit({ title })}
      />
      {file ? (
        <FormField className='lecture-form__material-file' error={errors[`materials.${i}.file`]}>
          <Text className='lecture-form__material-file-name'>已上传：{m.fileName}</Text>
        </FormField>
      ) : (
        <TextField
          inputClassName='lecture-form__material-url'
          error={errors[`materials.${i}.url`]}
          value={m.url}
          maxLength={URL_MAX}
          placeholder='链接，以 https:// 开头'
          onInput={(url) => onEdit({ url })}
        />
      )}
      <Button className='app-button app-button--secondary app-button--block lecture-form__material-remove' onClick={onRemove}>
        删除这项资料
      </Button>
    </View>
  )
}

function UploadStatus({ upload, onRetry, onDismiss }: { upload: UploadState; onRetry: (file: LocalFile) => void; onDismiss: () => void }) {
  if (upload.phase === 'uploading') {
    return (
      <View className='lecture-form__upload'>
        <Text className='lecture-form__upload-text'>
          正在上传「{upload.name}」… {upload.progress}%
        </Text>
        <View className='lecture-form__upload-bar'>
          <View className='lecture-form__upload-fill' style={{ width: `${upload.progress}%` }} />
        </View>
      </View>
    )
  }
  const retry = upload.retry
  return (
    <View className='lecture-form__upload lecture-form__upload--failed'>
      <Text className='lecture-form__upload-error'>
        「{upload.name}」没有上传：{upload.message}
      </Text>
      {retry ? (
        <Button className='app-button app-button--secondary app-button--block lecture-form__upload-retry' onClick={() => onRetry(retry)}>
          重新上传
        </Button>
      ) : null}
      <Button className='app-button app-button--secondary app-button--block lecture-form__upload-dismiss' onClick={onDismiss}>
        知道了
      </Button>
    </View>
  )
}
