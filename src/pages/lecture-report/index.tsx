import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { ErrorBody, LectureDetail, RatingProgress } from '@contracts'
import { RATING_THRESHOLD } from '@contracts/rules'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { EmptyState } from '@/components/empty-state'
import { LoadingState } from '@/components/loading-state'
import { useLecture } from '@/features/lectures/hooks/use-lecture'
import { backToLecture } from '@/features/ratings/platform/back-to-lecture'
import { PendingComments } from '@/features/ratings/pending-comments'
import { reviewComment } from '@/features/ratings/rating.actions'
import { NotRatedList, RatingReport } from '@/features/ratings/rating-report'
import { lectureRatingWindow } from '@/features/ratings/rules/rating-window.rules'
import { isForbidden, isTooFew, TOO_FEW_CLOSED, useRatingProgress, useRatingSummary } from '@/features/ratings/hooks/use-rating-reports'
import { CallErrorView } from '@/features/session'
import { useAction } from '@/features/shared/use-action'
import { usePullToRefresh } from '@/features/shared/use-page-refresh'
import { ROUTES, withQuery } from '@/routes'
import { formatLectureTime, formatMoment } from '@/utils/beijing-time'
import { safeDecode } from '@/utils/safe-decode'
import './index.scss'

/**
 * 评议结果 for the branch secretary or the speaker; below 3 ratings the secretary sees who has not rated
 * (docs/architecture.md "Ratings released in batches"). Opened by `?id=` or the speaker's message (`?lectureId=`).
 */
export default function LectureReportPage() {
  const router = useRouter()
  const raw = router.params.id ?? router.params.lectureId
  const lectureId = raw ? safeDecode(raw) : null
  const summary = useRatingSummary(lectureId)
  // Title, time, who is looking and who spoke: asked alongside the summary.
  const lecture = useLecture(lectureId)
  const review = useAction(reviewComment)
  // Withheld below 3: the branch secretary (never the speaker) is also told who has not rated yet.
  const withheld = !summary.data && isTooFew(summary.error)
  const progress = useRatingProgress(lectureId, withheld && lecture.data?.me.canManage === true)
  // 不展示 is asked once more (the writer's words will never reach the speaker); 通过 is not.
  const [rejecting, setRejecting] = useState<string | null>(null)

  const decide = async (key: string, decision: 'pass' | 'reject') => {
    if (!lectureId) return
    await review.run(lectureId, key, decision)
    setRejecting(null)
    // Decided, or changed by its writer meanwhile (the refusal stays on screen): read the list again.
    void summary.reload()
  }

  usePullToRefresh(() => Promise.all([summary.reload(), lecture.reload(), progress.reload()]))

  const l = lecture.data
  const s = summary.data
  const closesAtText = l ? formatMoment(lectureRatingWindow(l).closesAt) : undefined
  // Past the close nobody can rate any more: no "when enough have rated" and no "remind them". The
  // server says so (its clock, not the phone's).
  const closed = summary.error?.code === TOO_FEW_CLOSED

  if (!lectureId) {
    return (
      <View className='lecture-report lecture-report--error'>
        <EmptyState title='没有找到这场党课' hint='链接里缺少党课编号，请从党课详情重新打开。'>
          <ToLectures />
        </EmptyState>
      </View>
    )
  }

  return (
    <View className={`lecture-report lecture-report--${s ? 'ready' : summary.status}`}>
      <View className='lecture-report__head'>
        <Text className='lecture-report__kicker'>评议结果</Text>
        <Text className='lecture-report__title'>{s?.lectureTitle ?? l?.title ?? ' '}</Text>
        {l ? (
          <Text className='lecture-report__when'>
            {formatLectureTime(l.startAt, l.endAt)} · 主讲 {l.speaker.name}
          </Text>
        ) : s ? (
          <Text className='lecture-report__when'>{formatMoment(s.startAt)}</Text>
        ) : null}
      </View>

      {summary.status === 'loading' ? <LoadingState text='正在加载评议结果…' /> : null}

      {s ? (
        <>
          {summary.error ? <Text className='lecture-report__stale'>没有刷新成功：{summary.error.message}</Text> : null}
          {s.pendingComments ? (
            <PendingComments
              comments={s.pendingComments}
              pendingKey={review.pending}
              error={review.error?.message ?? null}
              onPass={(key) => void decide(key, 'pass')}
              onReject={(key) => {
                review.clearError()
                setRejecting(key)
              }}
            />
          ) : null}
          <RatingReport summary={s} closesAtText={closesAtText} />
          <ConfirmDialog
            visible={rejecting !== null}
            title='不展示这条评语？'
            message='主讲人将看不到这条评语，写评语的人会看到“未通过审核”。这份评议的评分照样计入。'
            confirmText='不展示'
            tone='danger'
            submitting={review.pending !== null}
            error={review.error?.message ?? null}
            onConfirm={() => {
              if (rejecting) void decide(rejecting, 'reject')
            }}
            onCancel={() => setRejecting(null)}
          />
          <Text className='lecture-report__note'>
            评议不记名。这里的数字由全部评议汇总而来，谁也看不到某个人的评分。下拉可以刷新。
          </Text>
        </>
      ) : null}

      {!s && summary.status === 'error' && summary.error ? (
        <Failure error={summary.error} lectureId={lectureId} closed={closed} onRetry={() => void Promise.all([summary.reload(), progress.reload()])} />
      ) : null}

      {!s && summary.status === 'error' && withheld ? (
        progress.data ? (
          <Progress progress={progress.data} closesAtText={closed ? undefined : closesAtText} closed={closed} />
        ) : progress.error ? (
          <Text className='lecture-report__stale lecture-report__progress-error'>没有读到谁还没评议：{progress.error.message}</Text>
        ) : null
      ) : null}

      {l ? <TrendLink lecture={l} /> : null}
    </View>
  )
}

function Failure({ error, lectureId, closed, onRetry }: { error: ErrorBody; lectureId: string; closed: boolean; onRetry: () => void }) {
  if (isTooFew(error)) {
    return (
      <EmptyState
        className='lecture-report__too-few'
        title={closed ? `评议已截止，不足 ${RATING_THRESHOLD} 份评议，不显示结果` : `满 ${RATING_THRESHOLD} 人评议后显示结果，以保护评议人匿名`}
        hint={closed ? sentence(error.message) : `${sentence(error.message)}人数够了以后，下拉或点“刷新”就能看到结果。`}
      >
        <Button className='app-button app-button--secondary app-button--block lecture-report__refresh' onClick={onRetry}>
          刷新
        </Button>
      </EmptyState>
    )
  }
  if (isForbidden(error)) {
    return (
      <EmptyState className='lecture-report__denied' title='只有本支部书记和主讲人可以查看评议结果' hint='如需了解评议情况，请联系支部书记。'>
        <Button className='app-button app-button--block lecture-report__back' onClick={() => backToLecture(lectureId)}>
          返回党课详情
        </Button>
      </EmptyState>
    )
  }
  if (error.code === 'LECTURE.NOT_FOUND') {
    return (
      <EmptyState className='lecture-report__not-found' title='没有找到这场党课' hint={error.message}>
        <ToLectures />
      </EmptyState>
    )
  }
  return <CallErrorView error={error} onRetry={onRetry} />
}

/** The secretary's view while the report is withheld: how many have rated, how many more it takes, who has not. */
function Progress({ progress: p, closesAtText, closed }: { progress: RatingProgress; closesAtText?: string; closed: boolean }) {
  const missing = Math.max(0, p.threshold - p.rated)
  return (
    <View className='lecture-report__progress'>
      <View className='app-card lecture-report__progress-card'>
        <Text className='lecture-report__progress-count'>
          {closed
            ? `评议已截止，计入结果的评议不足 ${p.threshold} 份，不显示结果`
            : missing > 0
              ? `已有 ${p.rated} 人评议，还差 ${missing} 人出结果`
              : `已有 ${p.rated} 人评议，新的评议满 ${p.threshold} 份后一起出结果`}
        </Text>
        <Text className='app-card__hint lecture-report__progress-attendees'>
          {p.attendees < p.threshold && !closed
            ? `到场 ${p.attendees} 人（不含主讲人），不足 ${p.threshold} 人；补登到场的人后才可能出结果。`
            : `到场 ${p.attendees} 人（不含主讲人）。`}
        </Text>
      </View>
      <NotRatedList notRated={p.notRated} closesAtText={closesAtText} />
    </View>
  )
}

/**
 * 历次评议: a speaker sees their own lectures over time; the secretary sees this lecture's speaker's,
 * when the speaker uses the app (has an openid).
 */
function TrendLink({ lecture: l }: { lecture: LectureDetail }) {
  const asSpeaker = l.me.isSpeaker
  const speaker = !asSpeaker && l.me.canManage ? l.speaker.openid : null
  if (!asSpeaker && !speaker) return null
  return (
    <View className='lecture-report__trend'>
      <Button
        className='app-button app-button--secondary app-button--block lecture-report__to-trend'
        onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.lecturerReport, { speaker: speaker ?? undefined }) })}
      >
        {asSpeaker ? '我主讲的历次党课评议' : `${l.speaker.name}主讲的历次党课评议`}
      </Button>
    </View>
  )
}

/** The server's message as a sentence that another can follow. */
function sentence(text: string): string {
  return /[。！？.!?]$/.test(text) ? text : `${text}。`
}

function ToLectures() {
  return (
    <Button className='app-button app-button--block lecture-report__to-lectures' onClick={() => void Taro.switchTab({ url: ROUTES.lectures })}>
      看看其他党课
    </Button>
  )
}
