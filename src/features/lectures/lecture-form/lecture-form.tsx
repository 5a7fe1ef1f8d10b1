import { useState } from 'react'
import { Button, Text, Textarea, View } from '@tarojs/components'
import type { Audience, CheckinMode, ErrorBody } from '@contracts'
import {
  CHECKIN_SLOT_SECONDS,
  LECTURE_TITLE_MAX as TITLE_MAX,
  LECTURE_TOPIC_MAX as TOPIC_MAX,
  PLACE_NAME_MAX as PLACE_MAX,
} from '@contracts/rules'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { DateTimeField } from '@/components/date-time-field'
import { ErrorNote } from '@/components/error-note'
import { CharCounter } from '@/components/char-counter'
import { FormField, INVALID_FIELD_SELECTOR } from '@/components/form-field'
import { OptionGroup } from '@/components/option-group'
import { TextField } from '@/components/text-field'
import { CallErrorNote } from '@/features/session'
import { useScrollToError } from '@/features/shared/use-scroll-to-error'
import { checkLectureForm } from '../rules/lecture-form-check.rules'
import type { LectureFormErrors } from '../rules/lecture-form-errors.rules'
import { withSpeakerMember, withSpeakerName, withVenuePoint, withoutSpeakerLink, withoutVenuePoint } from '../rules/lecture-form-updates.rules'
import type { LectureFormValues } from '../rules/lecture-form-values.rules'
import { PAST_START_TITLE, asksPastStart, pastStartMessage } from '../rules/past-start.rules'
import { MaterialsField } from './materials-field'
import { SpeakerField } from './speaker-field'
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
 * 发布党课 / 编辑党课. The speaker is a branch member (who then sees attendance and the report) or an
 * outside lecturer typed by hand; times are picked and read as Beijing time; a past start needs 「仍要保存」.
 */
export function LectureForm({ initial, minDate, submitText, submitting, fieldErrors: errors, error, onSubmit }: LectureFormProps) {
  const [v, setV] = useState<LectureFormValues>(initial)
  const [showWindow, setShowWindow] = useState(Boolean(initial.opensBeforeMinutes || initial.closesAfterMinutes))
  const set = <K extends keyof LectureFormValues>(key: K, value: LectureFormValues[K]) => setV((prev) => ({ ...prev, [key]: value }))
  const problems = Object.keys(errors).length
  const [uploading, setUploading] = useState(false)
  useScrollToError(errors, INVALID_FIELD_SELECTOR)

  // A start already past is allowed (a lecture entered afterwards), but only once the secretary says so.
  // Its message, worked out when asked (all of it past, or check-in still to run): null while not asking.
  const [pastMessage, setPastMessage] = useState<string | null>(null)
  const submit = () => {
    const now = Date.now()
    if (checkLectureForm(v).ok && asksPastStart(v, initial, now)) setPastMessage(pastStartMessage(v, now))
    else onSubmit(v)
  }

  return (
    <View className='lecture-form'>
      <View className='app-card lecture-form__section'>
        <Text className='app-card__title'>党课内容</Text>
        <TextField
          className='lecture-form__title-field'
          inputClassName='lecture-form__title'
          label='标题'
          error={errors.title}
          value={v.title}
          maxLength={TITLE_MAX}
          placeholder='例如：学习贯彻党的二十届三中全会精神'
          onInput={(x) => set('title', x)}
        />
        <SpeakerField
          name={v.speakerName}
          openid={v.speakerOpenid}
          role={v.speakerRole}
          error={errors.speakerName}
          onType={(name) => setV((prev) => withSpeakerName(prev, name))}
          onPick={(member) => setV((prev) => withSpeakerMember(prev, member))}
          onUnlink={() => setV((prev) => withoutSpeakerLink(prev))}
        />
        <FormField className='lecture-form__topic-field' label='内容简介（可不填）' error={errors.topic}>
          <Textarea
            className={`lecture-form__textarea lecture-form__topic${errors.topic ? ' lecture-form__textarea--invalid' : ''}`}
            value={v.topic}
            maxlength={TOPIC_MAX}
            autoHeight
            placeholder='讲什么、要准备什么'
            onInput={(e) => set('topic', e.detail.value)}
          />
          <CharCounter value={v.topic} max={TOPIC_MAX} />
        </FormField>
      </View>

      <View className='app-card lecture-form__section'>
        <Text className='app-card__title'>时间地点（北京时间）</Text>
        <DateTimeField
          className='lecture-form__date'
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
            className='lecture-form__start'
            mode='time'
            label='开始时间'
            value={v.startTime}
            placeholder='请选择'
            error={errors.startTime}
            onChange={(x) => set('startTime', x)}
          />
          <DateTimeField
            className='lecture-form__end'
            mode='time'
            label='结束时间'
            value={v.endTime}
            placeholder='请选择'
            error={errors.endTime}
            onChange={(x) => set('endTime', x)}
          />
        </View>
        <TextField
          className='lecture-form__place-field'
          inputClassName='lecture-form__place'
          label='地点'
          error={errors.locationName}
          value={v.locationName}
          maxLength={PLACE_MAX}
          placeholder='例如：社区党群服务中心二楼'
          onInput={(x) => set('locationName', x)}
        />
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
            <TextField
              className='lecture-form__opens-before-field'
              inputClassName='lecture-form__opens-before'
              label='开始前多少分钟开放签到（默认 30）'
              error={errors.opensBeforeMinutes}
              type='number'
              value={v.opensBeforeMinutes}
              maxLength={4}
              placeholder='30'
              onInput={(x) => set('opensBeforeMinutes', x)}
            />
            <TextField
              className='lecture-form__closes-after-field'
              inputClassName='lecture-form__closes-after'
              label='结束后多少分钟停止签到（默认 0）'
              error={errors.closesAfterMinutes}
              type='number'
              value={v.closesAfterMinutes}
              maxLength={4}
              placeholder='0'
              onInput={(x) => set('closesAfterMinutes', x)}
            />
          </View>
        ) : (
          <Button className='app-button app-button--secondary app-button--block lecture-form__window-toggle' onClick={() => setShowWindow(true)}>
            调整签到开放时间
          </Button>
        )}
      </View>

      <View className='app-card lecture-form__section'>
        <Text className='app-card__title'>学习资料（可不填）</Text>
        <MaterialsField
          materials={v.materials}
          errors={errors}
          onChange={(update) => setV((prev) => ({ ...prev, materials: update(prev.materials) }))}
          onUploadingChange={setUploading}
        />
      </View>

      <View className='lecture-form__actions'>
        {problems > 0 && !error ? (
          <ErrorNote className='lecture-form__error lecture-form__error-summary' message={`还有 ${problems} 处需要填写或修改，已在上面用红字标出。`} />
        ) : null}
        <CallErrorNote className='lecture-form__error' error={error} />
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
