import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { LectureDetail, MyRating } from '@contracts'
import { RATING_THRESHOLD, ratingWindowState } from '@contracts/rules'
import { CheckInPanel } from '@/components/check-in-panel'
import { EmptyState } from '@/components/empty-state'
import { LoadingState } from '@/components/loading-state'
import { useLecture } from '@/features/lectures/hooks/use-lecture'
import { backToLecture } from '@/features/ratings/platform/back-to-lecture'
import { RatingForm } from '@/features/ratings/rating-form'
import { draftFromRating, emptyRatingDraft } from '@/features/ratings/rules/rating-form.rules'
import { lectureRatingWindow } from '@/features/ratings/rules/rating-window.rules'
import { useMyRating } from '@/features/ratings/hooks/use-rating-reports'
import { useSubmitRating } from '@/features/ratings/hooks/use-submit-rating'
import { CallErrorView } from '@/features/session'
import { ROUTES } from '@/routes'
import { formatLectureTime, formatMoment } from '@/utils/beijing-time'
import { safeDecode } from '@/utils/safe-decode'
import './index.scss'

/**
 * 党课评议 (a member who was there, from the lecture's start until 7 days after its end): four star rows
 * and a comment. Revising loads one's earlier rating. 评议已提交 only after the server saved it; a refusal
 * keeps everything entered and shows the server's words.
 */
export default function LectureRatePage() {
  const router = useRouter()
  const raw = router.params.id ?? router.params.lectureId
  const lectureId = raw ? safeDecode(raw) : null
  const lecture = useLecture(lectureId)
  // Asked alongside the lecture (not after it): null when this person has not rated yet.
  const mine = useMyRating(lectureId)
  const save = useSubmitRating()
  /** The rating just saved: shows 评议已提交 while `done`, and is what 修改评议 starts from. */
  const [saved, setSaved] = useState<MyRating | null>(null)
  const [done, setDone] = useState(false)
  /** Bumped to start the form again from the saved rating (修改评议 after success). */
  const [round, setRound] = useState(0)

  if (lecture.status === 'loading' || (lecture.data && mine.status === 'loading')) {
    return (
      <View className='lecture-rate lecture-rate--loading'>
        <LoadingState text='正在打开评议表…' />
      </View>
    )
  }
  const l = lecture.data
  if (!l) {
    return (
      <View className='lecture-rate lecture-rate--error'>
        {lecture.error?.code === 'LECTURE.NOT_FOUND' || !lecture.error ? (
          <EmptyState title='没有找到这场党课' hint={lecture.error?.message ?? '可能已被删除，或不对你开放。'}>
            <ToLectures />
          </EmptyState>
        ) : (
          <CallErrorView error={lecture.error} onRetry={() => void lecture.reload()} />
        )}
      </View>
    )
  }
  if (mine.status === 'error' && mine.error) {
    return (
      <View className='lecture-rate lecture-rate--error'>
        <CallErrorView error={mine.error} onRetry={() => void mine.reload()} />
      </View>
    )
  }

  const blocked = whyNot(l, saved ?? mine.data ?? null)
  if (blocked) {
    return (
      <View className={`lecture-rate lecture-rate--blocked lecture-rate--${blocked.kind}`}>
        <Head lecture={l} />
        <EmptyState className='lecture-rate__blocked' title={blocked.title} hint={blocked.hint}>
          <Button className='app-button app-button--block lecture-rate__back' onClick={() => backToLecture(l.id)}>
            返回党课详情
          </Button>
        </EmptyState>
      </View>
    )
  }

  if (saved && done) {
    return (
      <View className='lecture-rate lecture-rate--done'>
        <CheckInPanel
          tone='done'
          title='评议已提交'
          message={
            saved.commentStatus === 'review'
              ? '谢谢你的评议。评语需要书记看过后才会显示给主讲人。'
              : '谢谢你的评议。评议不记名，主讲人和书记只看到汇总结果。'
          }
          details={[
            { label: '党课', value: l.title, className: 'lecture-rate__done-lecture' },
            { label: '可修改至', value: formatMoment(saved.editableUntil), className: 'lecture-rate__done-until' },
          ]}
          className='lecture-rate__result'
        >
          <Button className='app-button app-button--block lecture-rate__back' onClick={() => backToLecture(l.id)}>
            返回
          </Button>
          <Button
            className='app-button app-button--secondary app-button--block lecture-rate__edit-again'
            onClick={() => {
              save.clear()
              setDone(false)
              setRound((r) => r + 1)
            }}
          >
            修改评议
          </Button>
        </CheckInPanel>
      </View>
    )
  }

  // Latest known rating: the one just saved in this visit (修改评议), else the server's.
  const previous = saved ?? mine.data ?? null
  const editing = previous !== null
  const closesAt = lectureRatingWindow(l).closesAt

  return (
    <View className={`lecture-rate${editing ? ' lecture-rate--editing' : ''}`}>
      <Head lecture={l} />
      <View className='lecture-rate__intro'>
        <Text className='lecture-rate__intro-text'>
          {editing
            ? `你已评议过，下面是你上次的评分，可以修改。${formatMoment(closesAt)} 前都能改。`
            : `评议不记名：满 ${RATING_THRESHOLD} 人评议后，主讲人和书记只看到汇总结果，看不到谁打了几分。请在 ${formatMoment(closesAt)} 前提交。`}
        </Text>
        {previous ? <CommentNote status={previous.commentStatus} /> : null}
      </View>
      <RatingForm
        key={round}
        initial={previous ? draftFromRating(previous) : emptyRatingDraft()}
        submitText={editing ? '提交修改' : '提交评议'}
        submitting={save.submitting}
        fieldErrors={save.fieldErrors}
        error={save.error}
        onSubmit={(draft) =>
          void save.submit(l.id, draft).then((r) => {
            if (!r) return
            setSaved(r)
            setDone(true)
            void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined)
          })
        }
      />
    </View>
  )
}

/** Where one's comment stands, when the secretary has it or has decided against showing it. */
function CommentNote({ status }: { status: MyRating['commentStatus'] }) {
  if (status === 'review') {
    return <Text className='lecture-rate__comment-note lecture-rate__comment-note--review'>你的评语正在等书记审核，审核通过后主讲人才能看到。</Text>
  }
  if (status === 'rejected') {
    return (
      <Text className='lecture-rate__comment-note lecture-rate__comment-note--rejected'>
        你上次的评语没有通过书记审核，不会显示给主讲人（评分照样计入）。修改评语后会重新审核。
      </Text>
    )
  }
  return null
}

function Head({ lecture }: { lecture: LectureDetail }) {
  return (
    <View className='lecture-rate__head'>
      <Text className='lecture-rate__kicker'>党课评议</Text>
      <Text className='lecture-rate__title'>{lecture.title}</Text>
      <Text className='lecture-rate__when'>
        {formatLectureTime(lecture.startAt, lecture.endAt)} · 主讲 {lecture.speaker.name}
      </Text>
    </View>
  )
}

function ToLectures() {
  return (
    <Button className='app-button app-button--block lecture-rate__to-lectures' onClick={() => void Taro.switchTab({ url: ROUTES.lectures })}>
      看看其他党课
    </Button>
  )
}

type Blocked = { kind: 'cancelled' | 'speaker' | 'absent' | 'not-started' | 'closed'; title: string; hint: string }

/** Why this person cannot rate this lecture now, in words (the server gives the same answers). */
function whyNot(l: LectureDetail, mine: MyRating | null): Blocked | null {
  if (l.status === 'cancelled') return { kind: 'cancelled', title: '这场党课已取消', hint: '取消的党课无需评议。' }
  if (l.me.isSpeaker) {
    return { kind: 'speaker', title: '主讲人不为自己的党课评议', hint: `满 ${RATING_THRESHOLD} 人评议后，可以在党课详情的「评议结果」里看到汇总。` }
  }
  if (!l.me.checkedIn) {
    return { kind: 'absent', title: '只有到场签到的人才能评议', hint: '如果你到场了但没有签上到，请联系支部书记补录签到，之后就能评议。' }
  }
  const w = lectureRatingWindow(l)
  const state = ratingWindowState(Date.now(), w)
  if (state === 'notStarted') return { kind: 'not-started', title: '党课开始后才能评议', hint: `请在 ${formatMoment(l.startAt)} 党课开始后再来。` }
  if (state === 'closed') {
    return {
      kind: 'closed',
      title: '评议已截止',
      hint: mine ? `你的评议已记录。评议已于 ${formatMoment(w.closesAt)} 截止，不能再修改。` : `评议已于 ${formatMoment(w.closesAt)} 截止。`,
    }
  }
  return null
}
