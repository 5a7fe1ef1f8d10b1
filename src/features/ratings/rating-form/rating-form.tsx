import { useState } from 'react'
import { Button, Text, Textarea, View } from '@tarojs/components'
import type { ErrorBody } from '@contracts'
import { COMMENT_MAX, DIMENSION_LABELS, RATING_DIMENSIONS, SCORES } from '@contracts/rules'
import { ErrorNote } from '@/components/error-note'
import { RatingRow } from '@/components/rating-row'
import { CallErrorNote } from '@/features/session'
import { useScrollToError } from '@/features/shared/use-scroll-to-error'
import { SCORE_WORDS } from '../rules/rating-format.rules'
import { unscored, type RatingDraft, type RatingFormErrors } from '../rules/rating-form.rules'
import './rating-form.scss'

export interface RatingFormProps {
  initial: RatingDraft
  submitText: string
  submitting?: boolean
  fieldErrors: RatingFormErrors
  /** The server's (or the network's) refusal. A refused comment is shown beside the comment. */
  error?: ErrorBody | null
  onSubmit: (draft: RatingDraft) => void
}

const WORDS = SCORES.map((s) => SCORE_WORDS[s])
const COMMENT_REJECTED = 'RATING.COMMENT_REJECTED'

/**
 * 评议表: four rows of big stars (授课态度 / 授课内容 / 授课形式 / 授课效果) and an optional comment with a
 * counter. Submit stays disabled until all four are scored, and says how many are left. Whatever was
 * entered stays after a refusal; the server's message is shown where it applies.
 */
export function RatingForm({ initial, submitText, submitting, fieldErrors: errors, error, onSubmit }: RatingFormProps) {
  const [draft, setDraft] = useState<RatingDraft>(initial)
  const left = unscored(draft).length
  const problems = Object.keys(errors).length
  // The comment's own message: the server's full sentence for a refused comment, else the field's.
  const commentError = errors.comment ? (error?.code === COMMENT_REJECTED ? error.message : errors.comment) : undefined
  const generalError = error && !(error.code === COMMENT_REJECTED && errors.comment) ? error : null

  useScrollToError(errors, '.rating-form__has-error')

  return (
    <View className='rating-form'>
      <View className='app-card rating-form__section rating-form__scores'>
        <Text className='app-card__title'>请为这场党课打分</Text>
        <Text className='app-card__hint rating-form__scale'>1 颗星“很不满意”，5 颗星“很满意”。点星星打分，可以改。</Text>
        {RATING_DIMENSIONS.map((d) => (
          <RatingRow
            key={d}
            name={d}
            label={DIMENSION_LABELS[d]}
            value={draft.scores[d] ?? 0}
            words={WORDS}
            error={errors[d]}
            className={errors[d] ? 'rating-form__has-error' : undefined}
            onChange={(n) => setDraft((prev) => ({ ...prev, scores: { ...prev.scores, [d]: n } }))}
          />
        ))}
      </View>

      <View className={`app-card rating-form__section${commentError ? ' rating-form__has-error' : ''}`}>
        <Text className='app-card__title'>评语（可不填）</Text>
        <Textarea
          className={`rating-form__comment${commentError ? ' rating-form__comment--invalid' : ''}`}
          value={draft.comment}
          maxlength={COMMENT_MAX}
          autoHeight
          placeholder='讲得好的地方、希望改进的地方都可以写。评语不显示你的名字。'
          onInput={(e) => setDraft((prev) => ({ ...prev, comment: e.detail.value }))}
        />
        <View className='rating-form__comment-foot'>
          {commentError ? <Text className='rating-form__field-error rating-form__comment-error'>{commentError}</Text> : <View />}
          <Text className={`rating-form__counter${draft.comment.length >= COMMENT_MAX ? ' rating-form__counter--full' : ''}`}>
            {draft.comment.length}/{COMMENT_MAX}
          </Text>
        </View>
      </View>

      <View className='rating-form__actions'>
        <CallErrorNote className='rating-form__error' error={generalError} />
        {problems > 0 && !generalError ? (
          <ErrorNote className='rating-form__error rating-form__error-summary' message={`还有 ${problems} 处需要修改，已在上面用红字标出。`} />
        ) : null}
        <Button className='app-button app-button--block rating-form__submit' disabled={Boolean(submitting) || left > 0} onClick={() => onSubmit(draft)}>
          {submitting ? '正在提交…' : submitText}
        </Button>
        {left > 0 ? <Text className='rating-form__left'>还有 {left} 项没有打分，打完分才能提交。</Text> : null}
      </View>
    </View>
  )
}
