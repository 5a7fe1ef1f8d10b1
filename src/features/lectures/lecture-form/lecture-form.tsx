import { useEffect, useState, type ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import type { Audience, CheckinMode, ErrorBody } from '@contracts'
import {
  CHECKIN_SLOT_SECONDS,
  LECTURE_TITLE_MAX as TITLE_MAX,
  LECTURE_TOPIC_MAX as TOPIC_MAX,
  MATERIAL_TITLE_MAX,
  MATERIALS_MAX,
  PLACE_NAME_MAX as PLACE_MAX,
} from '@contracts/rules'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { DateTimeField } from '@/components/date-time-field'
import { OptionGroup } from '@/components/option-group'
import { SignInHint } from '@/features/session'
import type { LocalFile } from '@/services/cloud'
import { checkLectureForm } from '../rules/lecture-form-check.rules'
import type { LectureFormErrors } from '../rules/lecture-form-errors.rules'
import { withSpeakerMember, withSpeakerName, withVenuePoint, withoutSpeakerLink, withoutVenuePoint } from '../rules/lecture-form-updates.rules'
import { isFileMaterialValues, type LectureFormValues } from '../rules/lecture-form-values.rules'
import { MATERIAL_FILE_MAX_LABEL, checkMaterialFile, fileKindLabel } from '../rules/material-file.rules'
import { PAST_START_TITLE, asksPastStart, pastStartMessage } from '../rules/past-start.rules'
import { pickMaterialFile } from '../platform/pick-material-file'
import { SpeakerField } from './speaker-field'
import { uploadMaterial } from '../platform/upload-material'
import { VenuePointField } from './venue-point-field'
import './lecture-form.scss'

export interface LectureFormProps {
  initial: LectureFormValues
  /** Earliest date the picker offers (today, Beijing). */
  minDate: string
  submitText: string
  submitting?: boolean
  fieldErrors: LectureFormErrors
  /** The server's (or the network's) refusal, shown above the button. */
  error?: ErrorBody | null
  onSubmit: (values: LectureFormValues) => void
}

const AUDIENCES: { value: Audience; label: string; hint: string }[] = [
  { value: 'branch', label: '本支部', hint: '只有本支部成员能看到和签到' },
  { value: 'open', label: '开放党课', hint: '其他支部的成员也能看到并签到' },
]

const MODES: { value: CheckinMode; label: string; hint: string }[] = [
  { value: 'rotating', label: '动态二维码（推荐）', hint: `大屏上的二维码每 ${CHECKIN_SLOT_SECONDS} 秒更换，转发截图无效` },
  { value: 'static', label: '固定二维码', hint: '二维码不变，适合打印张贴；可能被转发代签' },
]

/**
 * 发布党课 / 编辑党课: labelled fields, big and high-contrast (the member forms' look). The speaker is a
 * member picked from the branch (who then sees the attendance and the report) or an outside lecturer's
 * name typed by hand. Date and times are picked, never typed, and read as Beijing time. The venue's
 * point is optional (a map pick in WeChat, the current position in a browser) and only flags far-away
 * check-ins. Materials are links or uploaded files (from WeChat chats, or a file input in a browser),
 * one upload at a time with its progress. The check-in window is folded away: most lectures keep the
 * default (open 30 minutes before, close at the end). A start already past (a lecture entered
 * afterwards) is saved only after 「仍要保存」.
 */
export function LectureForm({ initial, minDate, submitText, submitting, fieldErrors: errors, error, onSubmit }: LectureFormProps) {
  const [v, setV] = useState<LectureFormValues>(initial)
  const [showWindow, setShowWindow] = useState(Boolean(initial.opensBeforeMinutes || initial.closesAfterMinutes))
  const set = <K extends keyof LectureFormValues>(key: K, value: LectureFormValues[K]) => setV((prev) => ({ ...prev, [key]: value }))
  const problems = Object.keys(errors).length

  // A refused form: bring the first field marked red into view (the button is far below it).
  useEffect(() => {
    if (problems === 0) return
    void Promise.resolve()
      .then(() => Taro.pageScrollTo({ selector: '.lecture-form__has-error', offsetTop: -24, duration: 200 }))
      .catch(() => undefined)
  }, [errors, problems])

  const setMaterial = (i: number, patch: { title: string } | { url: string }) =>
    setV((prev) => ({
      ...prev,
      materials: prev.materials.map((m, j) => (j !== i ? m : 'url' in patch && isFileMaterialValues(m) ? m : { ...m, ...patch })),
    }))

  const [upload, setUpload] = useState<UploadState | null>(null)
  const uploading = upload?.phase === 'uploading'

  const startUpload = async (file: LocalFile) => {
    setUpload({ phase: 'uploading', name: file.name, progress: 0 })
    const done = await uploadMaterial(file, (progress) =>
      setUpload((prev) => (prev?.phase === 'uploading' ? { ...prev, progress } : prev)),
    )
    if (!done.ok) {
      setUpload({ phase: 'failed', name: file.name, message: done.message, retry: checkMaterialFile(file).ok ? file : null })
      return
    }
    setUpload(null)
    setV((prev) => (prev.materials.length >= MATERIALS_MAX ? prev : { ...prev, materials: [...prev.materials, done.material] }))
  }

  // A start already past is allowed (a lecture entered afterwards), but only once the secretary says so.
  // Its message, worked out when asked (all of it past, or check-in still to run): null while not asking.
  const [pastMessage, setPastMessage] = useState<string | null>(null)
  const submit = () => {
    const now = Date.now()
    if (checkLectureForm(v).ok && asksPastStart(v, initial, now)) setPastMessage(pastStartMessage(v, now))
    else onSubmit(v)
  }

  const chooseAndUpload = async () => {
    if (uploading) return
    const file = await pickMaterialFile()
    if (file) await startUpload(file)
  }

  return (
    <View className='lecture-form'>
      <View className='app-card lecture-form__section'>
        <Text className='app-card__title'>党课内容</Text>
        <Field label='标题' error={errors.title} name='title'>
          <Input
            className={inputClass('title', errors.title)}
            type='text'
            value={v.title}
            maxlength={TITLE_MAX}
            placeholder='例如：学习贯彻党的二十届三中全会精神'
            onInput={(e) => set('title', e.detail.value)}
          />
        </Field>
        <SpeakerField
          name={v.speakerName}
          openid={v.speakerOpenid}
          role={v.speakerRole}
          error={errors.speakerName}
          onType={(name) => setV((prev) => withSpeakerName(prev, name))}
          onPick={(member) => setV((prev) => withSpeakerMember(prev, member))}
          onUnlink={() => setV((prev) => withoutSpeakerLink(prev))}
        />
        <Field label='内容简介（可不填）' error={errors.topic} name='topic'>
          <Textarea
            className={`lecture-form__textarea lecture-form__topic${errors.topic ? ' lecture-form__input--invalid' : ''}`}
            value={v.topic}
            maxlength={TOPIC_MAX}
            autoHeight
            placeholder='讲什么、要准备什么'
            onInput={(e) => set('topic', e.detail.value)}
          />
        </Field>
      </View>

      <View className='app-card lecture-form__section'>
        <Text className='app-card__title'>时间地点（北京时间）</Text>
        <DateTimeField
          className={`lecture-form__date${errors.date ? ' lecture-form__has-error' : ''}`}
          mode='date'
          label='日期'
          value={v.date}
          start={minDate}
          placeholder='请选择日期'
          error={errors.date}
          onChange={(x) => set('date', x)}
        />
        <View className='lecture-form__times'>
          <DateTimeField
            className={`lecture-form__start${errors.startTime ? ' lecture-form__has-error' : ''}`}
            mode='time'
            label='开始时间'
            value={v.startTime}
            placeholder='请选择'
            error={errors.startTime}
            onChange={(x) => set('startTime', x)}
          />
          <DateTimeField
            className={`lecture-form__end${errors.endTime ? ' lecture-form__has-error' : ''}`}
            mode='time'
            label='结束时间'
            value={v.endTime}
            placeholder='请选择'
            error={errors.endTime}
            onChange={(x) => set('endTime', x)}
          />
        </View>
        <Field label='地点' error={errors.locationName} name='place'>
          <Input
            className={inputClass('place', errors.locationName)}
            type='text'
            value={v.locationName}
            maxlength={PLACE_MAX}
            placeholder='例如：社区党群服务中心二楼'
            onInput={(e) => set('locationName', e.detail.value)}
          />
        </Field>
      </View>

      <View className='app-card lecture-form__section'>
        <Text className='app-card__title'>场地定位（可选，用于判断签到是否在现场）</Text>
        <VenuePointField
          value={v.venuePoint}
          error={errors.venuePoint}
          onPicked={(point, placeName) => setV((prev) => withVenuePoint(prev, point, placeName))}
          onRadius={(radius) => setV((prev) => (prev.venuePoint ? { ...prev, venuePoint: { ...prev.venuePoint, radius } } : prev))}
          onClear={() => setV((prev) => withoutVenuePoint(prev))}
        />
      </View>

      <View className='app-card lecture-form__section'>
        <Text className='app-card__title'>参加对象</Text>
        <OptionGroup className='lecture-form__audience' layout='column' options={AUDIENCES} value={v.audience} onChange={(x) => set('audience', x)} />
      </View>

      <View className='app-card lecture-form__section'>
        <Text className='app-card__title'>签到方式</Text>
        <OptionGroup className='lecture-form__mode' layout='column' options={MODES} value={v.checkinMode} onChange={(x) => set('checkinMode', x)} />
        {showWindow ? (
          <View className='lecture-form__window'>
            <Field label='开始前多少分钟开放签到（默认 30）' error={errors.opensBeforeMinutes} name='opens-before'>
              <Input
                className={inputClass('opens-before', errors.opensBeforeMinutes)}
                type='number'
                value={v.opensBeforeMinutes}
                maxlength={4}
                placeholder='30'
                onInput={(e) => set('opensBeforeMinutes', e.detail.value)}
              />
            </Field>
            <Field label='结束后多少分钟停止签到（默认 0）' error={errors.closesAfterMinutes} name='closes-after'>
              <Input
                className={inputClass('closes-after', errors.closesAfterMinutes)}
                type='number'
                value={v.closesAfterMinutes}
                maxlength={4}
                placeholder='0'
                onInput={(e) => set('closesAfterMinutes', e.detail.value)}
              />
            </Field>
          </View>
        ) : (
          <Button className='app-button app-button--secondary app-button--block lecture-form__window-toggle' onClick={() => setShowWindow(true)}>
            调整签到开放时间
          </Button>
        )}
      </View>

      <View className='app-card lecture-form__section'>
        <Text className='app-card__title'>学习资料（可不填）</Text>
        {v.materials.length === 0 ? (
          <Text className='app-card__hint'>
            可以附上文章链接，或上传 PDF、Word、PPT、图片等文件（最大 {MATERIAL_FILE_MAX_LABEL}），参加的人在党课详情里打开。
          </Text>
        ) : null}
        {v.materials.map((m, i) => (
          <View
            key={i}
            className={`lecture-form__material${isFileMaterialValues(m) ? ' lecture-form__material--file' : ' lecture-form__material--link'}${
              errors[`materials.${i}.title`] || errors[`materials.${i}.url`] || errors[`materials.${i}.file`] ? ' lecture-form__has-error' : ''
            }`}
          >
            <Text className='lecture-form__material-no'>
              资料 {i + 1}
              {isFileMaterialValues(m) ? ` · ${fileKindLabel(m.fileName || m.fileID)}` : ' · 链接'}
            </Text>
            <Input
              className={`lecture-form__input lecture-form__material-title${errors[`materials.${i}.title`] ? ' lecture-form__input--invalid' : ''}`}
              type='text'
              value={m.title}
              maxlength={MATERIAL_TITLE_MAX}
              placeholder='资料名称'
              onInput={(e) => setMaterial(i, { title: e.detail.value })}
            />
            {errors[`materials.${i}.title`] ? <Text className='lecture-form__field-error'>{errors[`materials.${i}.title`]}</Text> : null}
            {isFileMaterialValues(m) ? (
              <View className='lecture-form__material-file'>
                <Text className='lecture-form__material-file-name'>已上传：{m.fileName}</Text>
                {errors[`materials.${i}.file`] ? <Text className='lecture-form__field-error'>{errors[`materials.${i}.file`]}</Text> : null}
              </View>
            ) : (
              <>
                <Input
                  className={`lecture-form__input lecture-form__material-url${errors[`materials.${i}.url`] ? ' lecture-form__input--invalid' : ''}`}
                  type='text'
                  value={m.url}
                  maxlength={500}
                  placeholder='链接，以 https:// 开头'
                  onInput={(e) => setMaterial(i, { url: e.detail.value })}
                />
                {errors[`materials.${i}.url`] ? <Text className='lecture-form__field-error'>{errors[`materials.${i}.url`]}</Text> : null}
              </>
            )}
            <Button
              className='app-button app-button--secondary app-button--block lecture-form__material-remove'
              onClick={() => setV((prev) => ({ ...prev, materials: prev.materials.filter((_, j) => j !== i) }))}
            >
              删除这项资料
            </Button>
          </View>
        ))}
        {errors.materials ? <Text className='lecture-form__field-error'>{errors.materials}</Text> : null}
        {upload ? <UploadStatus upload={upload} onRetry={(file) => void startUpload(file)} onDismiss={() => setUpload(null)} /> : null}
        {v.materials.length < MATERIALS_MAX ? (
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
              onClick={() => setV((prev) => ({ ...prev, materials: [...prev.materials, { title: '', url: '' }] }))}
            >
              + 添加链接
            </Button>
          </View>
        ) : null}
      </View>

      <View className='lecture-form__actions'>
        {problems > 0 && !error ? (
          <View className='lecture-form__error lecture-form__error-summary'>
            <Text className='lecture-form__error-text'>还有 {problems} 处需要填写或修改，已在上面用红字标出。</Text>
          </View>
        ) : null}
        {error ? (
          <View className='lecture-form__error'>
            <Text className='lecture-form__error-text'>{error.message}</Text>
            <SignInHint error={error} />
          </View>
        ) : null}
        <Button className='app-button app-button--block lecture-form__submit' disabled={submitting || uploading} onClick={submit}>
          {submitting ? '正在保存…' : uploading ? '文件上传中，请稍候…' : submitText}
        </Button>
      </View>

      <ConfirmDialog
        className='lecture-form__past-start'
        visible={pastMessage !== null}
        title={PAST_START_TITLE}
        message={pastMessage ?? undefined}
        confirmText='仍要保存'
        onConfirm={() => {
          setPastMessage(null)
          onSubmit(v)
        }}
        onCancel={() => setPastMessage(null)}
      />
    </View>
  )
}

type UploadState =
  | { phase: 'uploading'; name: string; progress: number }
  /** `retry`: the file, when trying again can help (not for a file that is too big or of the wrong kind). */
  | { phase: 'failed'; name: string; message: string; retry: LocalFile | null }

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
    <View className='lecture-form__upload lecture-form__upload--failed lecture-form__has-error'>
      <Text className='lecture-form__field-error lecture-form__upload-error'>
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

function inputClass(name: string, error: string | undefined): string {
  return `lecture-form__input lecture-form__${name}${error ? ' lecture-form__input--invalid' : ''}`
}

function Field({ label, error, name, children }: { label: string; error?: string; name: string; children: ReactNode }) {
  return (
    <View className={`lecture-form__field${error ? ' lecture-form__has-error' : ''}`}>
      <Text className='lecture-form__label'>{label}</Text>
      {children}
      {error ? <Text className={`lecture-form__field-error lecture-form__${name}-error`}>{error}</Text> : null}
    </View>
  )
}
