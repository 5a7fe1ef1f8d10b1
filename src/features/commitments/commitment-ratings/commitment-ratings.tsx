import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import type { CommitmentPlanDetail, CommitmentRatingView } from '@contracts'
import { COMMITMENT_COMMENT_MAX, COMMITMENT_REPLY_MAX, COMMITMENT_SATISFACTIONS, COMMITMENT_SATISFACTION_LABELS, type CommitmentSatisfaction } from '@contracts/rules'
import { FormField } from '@/components/form-field'
import { OptionGroup } from '@/components/option-group'
import { PagedListFooter } from '@/components/paged-list-footer'
import { roleLabel } from '@/components/role-badge'
import { CallErrorNote, CallErrorView } from '@/features/session'
import { formatMoment } from '@/utils/beijing-time'
import { CommitmentNoteField } from '../commitment-note-field'
import { useRateCommitment, useReplyToRating } from '../hooks/use-commitment-forms'
import type { useCommitmentRatings } from '../hooks/use-commitment-plan'
import type { RateValues } from '../rules/commitment-form.rules'
import './commitment-ratings.scss'

const SATISFACTION_OPTIONS = COMMITMENT_SATISFACTIONS.map((s) => ({ value: s, label: COMMITMENT_SATISFACTION_LABELS[s] }))

export interface CommitmentRatingsProps {
  list: ReturnType<typeof useCommitmentRatings>
  planId: string
  /** The member rated (on 我的承诺) or the branch secretary: a 回复 under each comment. */
  canReply: boolean
  className?: string
}

/** 群众评议: each rating (masked name, role, 满意 / 基本满意 / 不满意), its comment and the replies to it. */
export function CommitmentRatings({ list, planId, canReply, className }: CommitmentRatingsProps) {
  return (
    <View className={['app-card', 'commitment-ratings', className].filter(Boolean).join(' ')}>
      <Text className='app-card__title'>群众评议</Text>
      {list.status === 'loading' ? <Text className='app-card__hint'>正在加载评议…</Text> : null}
      {list.status === 'error' && list.error ? <CallErrorView error={list.error} onRetry={() => void list.refresh()} /> : null}
      {list.status === 'ready' && list.items.length === 0 ? <Text className='app-card__hint commitment-ratings__empty'>还没有人评议。</Text> : null}
      {list.items.map((r) => (
        <RatingRow
          key={r.ratingId}
          rating={r}
          planId={planId}
          canReply={canReply}
          onReplied={(next) => list.setItems((prev) => prev.map((x) => (x.ratingId === next.ratingId ? next : x)))}
        />
      ))}
      {list.status === 'ready' && list.items.length > 0 ? (
        <PagedListFooter inline hasMore={list.hasMore} loading={list.loadingMore} errorMessage={list.moreError?.message} onLoadMore={() => void list.loadMore()} endText='评议就这些' />
      ) : null}
    </View>
  )
}

function RatingRow({ rating: r, planId, canReply, onReplied }: { rating: CommitmentRatingView; planId: string; canReply: boolean; onReplied: (r: CommitmentRatingView) => void }) {
  const [replying, setReplying] = useState(false)
  const [text, setText] = useState('')
  const form = useReplyToRating(planId, r.ratingId)
  const send = async () => {
    const next = await form.submit(text)
    if (!next) return
    setText('')
    setReplying(false)
    onReplied(next)
  }
  return (
    <View className={`commitment-ratings__row commitment-ratings__row--${r.satisfaction}`}>
      <View className='commitment-ratings__head'>
        <Text className='commitment-ratings__satisfaction'>{COMMITMENT_SATISFACTION_LABELS[r.satisfaction]}</Text>
        <Text className='commitment-ratings__who'>
          {r.mine ? '我的评议' : `${r.raterName}（${roleLabel(r.raterRole)}）`} · {formatMoment(r.at)}
        </Text>
      </View>
      {r.comment ? <Text className='commitment-ratings__comment'>{r.comment}</Text> : null}
      {r.commentHeld ? <Text className='commitment-ratings__held'>意见正在等待书记审核，审核后公开。</Text> : null}
      {r.replies.map((reply, i) => (
        <Text key={i} className='commitment-ratings__reply'>
          {reply.by === 'secretary' ? '书记回复' : '党员回复'}：{reply.text}
        </Text>
      ))}
      {canReply && r.comment && !replying ? (
        <Text className='commitment-ratings__to-reply' onClick={() => setReplying(true)}>
          回复这条意见
        </Text>
      ) : null}
      {replying ? (
        <View className='commitment-ratings__reply-form'>
          <CommitmentNoteField label='回复' error={form.fieldErrors.text} value={text} maxLength={COMMITMENT_REPLY_MAX} inputClassName='commitment-ratings__reply-text' onInput={setText} />
          <CallErrorNote error={form.error} className='commitment-ratings__error' />
          <View className='commitment-ratings__actions'>
            <Button className='app-button commitment-ratings__send' disabled={form.submitting} onClick={() => void send()}>
              {form.submitting ? '正在发送…' : '发送回复'}
            </Button>
            <Button className='app-button app-button--secondary commitment-ratings__cancel' onClick={() => setReplying(false)}>
              取消
            </Button>
          </View>
        </View>
      ) : null}
    </View>
  )
}

export interface CommitmentRateFormProps {
  plan: CommitmentPlanDetail
  onRated: (plan: CommitmentPlanDetail) => void
}

/** 评议 this member's month: one rating per person, a second one replaces the first; the comment is optional. */
export function CommitmentRateForm({ plan, onRated }: CommitmentRateFormProps) {
  const mine = plan.myRating
  const [v, setV] = useState<RateValues>({ satisfaction: mine?.satisfaction ?? '', comment: mine?.comment ?? '' })
  const [sent, setSent] = useState(false)
  const form = useRateCommitment(plan.planId)
  const send = async () => {
    const next = await form.submit(v)
    if (!next) return
    setSent(true)
    onRated(next)
  }
  return (
    <View className='app-card commitment-rate-form'>
      <Text className='app-card__title'>{mine ? '修改我的评议' : `评议 ${plan.card.name} 本月的承诺`}</Text>
      <Text className='app-card__hint'>{mine ? '再评一次会替换您上次的评议。' : '每人每月评一次，之后还可以改。'}</Text>
      {sent ? <Text className='commitment-rate-form__sent'>评议已提交，谢谢您！</Text> : null}
      <FormField className='commitment-rate-form__satisfaction-field' label='您满意吗？' error={form.fieldErrors.satisfaction}>
        <OptionGroup<CommitmentSatisfaction | ''>
          className='commitment-rate-form__satisfaction'
          options={SATISFACTION_OPTIONS}
          value={v.satisfaction}
          onChange={(s) => setV((p) => ({ ...p, satisfaction: s }))}
        />
      </FormField>
      <CommitmentNoteField
        className='commitment-rate-form__comment-field'
        inputClassName='commitment-rate-form__comment'
        label='意见或建议（可不写）'
        error={form.fieldErrors.comment}
        value={v.comment}
        maxLength={COMMITMENT_COMMENT_MAX}
        onInput={(comment) => setV((p) => ({ ...p, comment }))}
      />
      <CallErrorNote className='commitment-rate-form__error' error={form.error} />
      <Button className='app-button app-button--block commitment-rate-form__submit' disabled={form.submitting} onClick={() => void send()}>
        {form.submitting ? '正在提交…' : mine ? '提交新的评议' : '提交评议'}
      </Button>
    </View>
  )
}
