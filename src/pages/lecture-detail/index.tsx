import { useRef, useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { LectureDetail } from '@contracts'
import { RATING_THRESHOLD, ratingWindowState, sceneFor } from '@contracts/rules'
import { AudienceBadge } from '@/components/audience-badge'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { EmptyState } from '@/components/empty-state'
import { LectureStatusBadge } from '@/components/lecture-status-badge'
import { LoadingState } from '@/components/loading-state'
import { checkinPhase } from '@/features/lectures/rules/lecture-timing.rules'
import { materialActionLabel, openMaterial } from '@/features/lectures/platform/open-material'
import { scanForCheckIn } from '@/features/lectures/platform/scan-check-in'
import { publishLecture } from '@/features/lectures/lecture.actions'
import { useLecture } from '@/features/lectures/hooks/use-lecture'
import { lectureRatingWindow } from '@/features/ratings/rules/rating-window.rules'
import { ReportSubscribe } from '@/features/ratings/report-subscribe'
import { useSubscribeReport } from '@/features/ratings/hooks/use-subscribe-report'
import { CallErrorView } from '@/features/session'
import { lecturesVersion } from '@/features/shared/lecture-changes'
import { useAction } from '@/features/shared/use-action'
import { usePullToRefresh } from '@/features/shared/use-page-refresh'
import { ROUTES, withQuery } from '@/routes'
import { formatCheckinWindow, formatLectureTime, formatMoment } from '@/utils/beijing-time'
import { safeDecode } from '@/utils/safe-decode'
import './index.scss'

/**
 * 党课详情: time (Beijing), place, speaker, materials, who it is for, its state, and mine (已签到 at …).
 * 扫码签到 opens the scanner in WeChat; the browser build explains how to use the phone camera instead.
 * The branch secretary also gets 编辑 / 发布 / 签到大屏 / 签到名单 here; the speaker, in the mini-program,
 * 「评议满 3 人时通知我」 (WeChat sends the report's message only to someone who agreed from a tap).
 */
export default function LectureDetailPage() {
  const router = useRouter()
  const lectureId = router.params.id ? safeDecode(router.params.id) : null
  const lecture = useLecture(lectureId)
  const publishing = useAction(publishLecture)
  const [confirming, setConfirming] = useState(false)
  const seen = useRef(lecturesVersion())
  const subscribe = useSubscribeReport(lecture.data)

  useDidShow(() => {
    if (lecturesVersion() === seen.current) return
    seen.current = lecturesVersion()
    void lecture.reload()
  })
  usePullToRefresh(() => {
    seen.current = lecturesVersion()
    return Promise.all([lecture.reload(), subscribe.reload()])
  })

  if (lecture.status === 'loading') {
    return (
      <View className='lecture-detail lecture-detail--loading'>
        <LoadingState text='正在加载党课…' />
      </View>
    )
  }
  if (!lecture.data) {
    const notFound = lecture.error?.code === 'LECTURE.NOT_FOUND'
    return (
      <View className='lecture-detail lecture-detail--error'>
        {notFound || !lecture.error ? (
          <EmptyState title='没有找到这场党课' hint={lecture.error?.message ?? '可能已被删除，或不对你开放。'}>
            <Button className='app-button app-button--block' onClick={() => void Taro.switchTab({ url: ROUTES.lectures })}>
              看看其他党课
            </Button>
          </EmptyState>
        ) : (
          <CallErrorView error={lecture.error} onRetry={() => void lecture.reload()} />
        )}
      </View>
    )
  }

  const l = lecture.data
  const publish = async () => {
    const saved = await publishing.run(l.id)
    if (!saved) return
    lecture.replace(saved)
    seen.current = lecturesVersion()
    setConfirming(false)
    void Taro.showToast({ title: '已发布', icon: 'success' })
  }

  const manage =
    l.me.canManage || l.me.canSeeAttendance ? (
      <View className='app-card lecture-detail__manage'>
        <Text className='app-card__title'>{l.me.canManage ? '书记管理' : '主讲人'}</Text>
        {l.me.canManage && l.status === 'draft' ? (
          <Button className='app-button app-button--block lecture-detail__publish' onClick={() => {
            publishing.clearError()
            setConfirming(true)
          }}>
            发布
          </Button>
        ) : null}
        {l.me.canManage && l.status === 'published' ? (
          <Button
            className='app-button app-button--block lecture-detail__to-display'
            onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.secretaryLectureDisplay, { id: l.id }) })}
          >
            签到大屏
          </Button>
        ) : null}
        {l.me.canSeeAttendance && l.status !== 'draft' ? (
          <Button
            className='app-button app-button--secondary app-button--block lecture-detail__to-attendance'
            onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.secretaryLectureAttendance, { id: l.id }) })}
          >
            签到名单（{l.checkinCount} 人）
          </Button>
        ) : null}
        {l.me.canSeeAttendance && l.status === 'published' && Date.now() >= Date.parse(l.startAt) ? (
          <Button
            className='app-button app-button--secondary app-button--block lecture-detail__to-report'
            onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.lectureReport, { id: l.id }) })}
          >
            评议结果
          </Button>
        ) : null}
        {l.me.canManage && l.status !== 'cancelled' ? (
          <Button
            className='app-button app-button--secondary app-button--block lecture-detail__edit'
            onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.secretaryLectureEdit, { id: l.id }) })}
          >
            编辑
          </Button>
        ) : null}
      </View>
    ) : null

  // A published lecture's secretary comes here to run it: 签到大屏 leads, above their own 扫码签到.
  const managerFirst = l.me.canManage && l.status === 'published'

  return (
    <View className={`lecture-detail lecture-detail--${l.status}`}>
      <View className='lecture-detail__hero'>
        <View className='lecture-detail__badges'>
          <AudienceBadge audience={l.audience} fromOtherBranch={l.fromOtherBranch} branchName={l.branchName} />
          <LectureStatusBadge status={l.status} className='lecture-detail__status' />
        </View>
        <Text className='lecture-detail__title'>{l.title}</Text>
        <Text className='lecture-detail__when'>{formatLectureTime(l.startAt, l.endAt)}</Text>
      </View>

      {l.status === 'cancelled' ? (
        <View className='lecture-detail__notice lecture-detail__notice--cancelled'>
          <Text className='lecture-detail__notice-title'>本场党课已取消</Text>
          {l.cancelReason ? <Text className='lecture-detail__notice-text lecture-detail__cancel-reason'>原因：{l.cancelReason}</Text> : null}
        </View>
      ) : null}
      {l.status === 'draft' ? (
        <View className='lecture-detail__notice lecture-detail__notice--draft'>
          <Text className='lecture-detail__notice-title'>草稿，还没有发布</Text>
          <Text className='lecture-detail__notice-text'>现在只有本支部书记看得到。发布后，参加的人才能看到并签到。</Text>
        </View>
      ) : null}

      {managerFirst ? manage : null}

      {l.status === 'published' ? <MyStatus lecture={l} secondary={managerFirst} /> : null}

      <View className='app-card lecture-detail__info'>
        <Text className='app-card__title'>时间地点</Text>
        <InfoRow label='时间' value={`${formatLectureTime(l.startAt, l.endAt)}（北京时间）`} className='lecture-detail__time' />
        <InfoRow label='签到' value={formatCheckinWindow(l.checkinOpensAt, l.checkinClosesAt)} className='lecture-detail__window' />
        <InfoRow label='地点' value={l.location.name} className='lecture-detail__place' />
        <InfoRow label='主讲' value={l.speaker.name} className='lecture-detail__speaker' />
        <InfoRow label='主办' value={l.branchName} className='lecture-detail__branch' />
        {l.status !== 'draft' ? <InfoRow label='已签到' value={`${l.checkinCount} 人`} className='lecture-detail__count' /> : null}
      </View>

      {l.topic ? (
        <View className='app-card lecture-detail__topic'>
          <Text className='app-card__title'>内容简介</Text>
          <Text className='lecture-detail__topic-text'>{l.topic}</Text>
        </View>
      ) : null}

      {l.materials.length > 0 ? (
        <View className='app-card lecture-detail__materials'>
          <Text className='app-card__title'>学习资料</Text>
          {l.materials.map((m, i) => (
            <View key={`${m.fileID ?? m.url}-${i}`} className='lecture-detail__material' hoverClass='lecture-detail__material--pressed' onClick={() => openMaterial(m)}>
              <Text className='lecture-detail__material-title'>{m.title}</Text>
              <Text className='lecture-detail__material-action'>{materialActionLabel(m)}</Text>
            </View>
          ))}
        </View>
      ) : null}

      {managerFirst ? null : manage}

      {subscribe.offered ? <ReportSubscribe state={subscribe.state} onAsk={subscribe.ask} /> : null}

      <ConfirmDialog
        visible={confirming}
        title='发布这场党课'
        message={`发布后，${l.audience === 'open' ? '各支部成员' : '本支部成员'}都能看到「${l.title}」，并在签到时间内扫码签到。确定发布吗？`}
        confirmText='确认发布'
        submitting={publishing.pending !== null}
        error={publishing.error?.message ?? null}
        onConfirm={() => void publish()}
        onCancel={() => setConfirming(false)}
      />
    </View>
  )
}

function InfoRow({ label, value, className }: { label: string; value: string; className: string }) {
  return (
    <View className='lecture-detail__row'>
      <Text className='lecture-detail__row-label'>{label}</Text>
      <Text className={`lecture-detail__row-value ${className}`}>{value}</Text>
    </View>
  )
}

/** For someone who was there: 去评议 while rating is open, 已评议（可修改） once rated (the server decides). */
function RateAction({ lecture }: { lecture: LectureDetail }) {
  const w = lectureRatingWindow(lecture)
  const state = ratingWindowState(Date.now(), w)
  const rated = lecture.me.rated
  if (lecture.me.isSpeaker) {
    return <Text className='lecture-detail__my-text lecture-detail__rate-note lecture-detail__rate-note--speaker'>你是这场党课的主讲人，不为自己评议；满 {RATING_THRESHOLD} 人评议后可以在「评议结果」查看。</Text>
  }
  if (state === 'notStarted') {
    return <Text className='lecture-detail__my-text lecture-detail__rate-note'>党课开始后，可以在这里为党课评议。</Text>
  }
  if (state === 'closed') {
    return (
      <Text className='lecture-detail__my-text lecture-detail__rate-note'>
        {rated ? '你已评议，' : ''}评议已于 {formatMoment(w.closesAt)} 截止。
      </Text>
    )
  }
  return (
    <View className='lecture-detail__rate-box'>
      <Button
        className={`app-button ${rated ? 'app-button--secondary ' : ''}app-button--block lecture-detail__rate${rated ? ' lecture-detail__rate--done' : ''}`}
        onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.lectureRate, { id: lecture.id }) })}
      >
        {rated ? '已评议（可修改）' : '去评议'}
      </Button>
      <Text className='lecture-detail__rate-note'>评议不记名，{formatMoment(w.closesAt)} 前可以{rated ? '修改' : '评议'}。</Text>
    </View>
  )
}

/** "Me and this lecture": 已签到 at what time, revoked by the secretary (and why), or how to check in now. */
function MyStatus({ lecture, secondary }: { lecture: LectureDetail; secondary: boolean }) {
  const [help, setHelp] = useState(false)
  const [scanNote, setScanNote] = useState<string | null>(null)

  if (lecture.me.checkedIn) {
    return (
      <View className='lecture-detail__my-status lecture-detail__my-status--checked'>
        <Text className='lecture-detail__my-title'>✓ 已签到</Text>
        <Text className='lecture-detail__my-text lecture-detail__my-time'>签到时间：{formatMoment(lecture.me.checkedInAt)}</Text>
        <RateAction lecture={lecture} />
      </View>
    )
  }

  if (lecture.me.removed) {
    // Scanning again would be refused (CHECKIN.REMOVED): say why, and who to ask, with no scan button.
    return (
      <View className='lecture-detail__my-status lecture-detail__my-status--removed'>
        <Text className='lecture-detail__my-title'>签到已被撤销</Text>
        <Text className='lecture-detail__my-text lecture-detail__removed-text'>
          你的签到已被书记撤销{lecture.me.removedReason ? `（原因：${lecture.me.removedReason}）` : ''}，如有疑问请联系支部书记
        </Text>
      </View>
    )
  }

  const state = checkinPhase(lecture, Date.now())

  const scan = async () => {
    setScanNote(null)
    const out = await scanForCheckIn()
    if (out.kind === 'scene') {
      void Taro.navigateTo({ url: withQuery(ROUTES.checkIn, { scene: sceneFor(out.scene.lectureId, out.scene.token) }) })
    } else if (out.kind === 'notCheckIn') {
      setScanNote('扫到的不是签到二维码。请扫描会场大屏上的签到二维码。')
    }
  }

  return (
    <View className={`lecture-detail__my-status lecture-detail__my-status--${state}`}>
      <Text className='lecture-detail__my-title'>
        {state === 'closed' ? '签到已结束' : state === 'notOpen' ? '签到还没开始' : '你还没有签到'}
      </Text>
      <Text className='lecture-detail__my-text'>
        {state === 'closed'
          ? '如确实到场，请联系支部书记补录。'
          : state === 'notOpen'
            ? `${formatMoment(lecture.checkinOpensAt)} 开放签到，到会场后扫描大屏上的二维码。`
            : '到会场后，扫描大屏上的二维码签到。'}
      </Text>
      {state !== 'closed' ? (
        <Button
          className={`app-button ${secondary ? 'app-button--secondary ' : ''}app-button--block lecture-detail__scan`}
          onClick={() => {
            if (process.env.TARO_ENV === 'weapp') void scan()
            else setHelp((v) => !v)
          }}
        >
          扫码签到
        </Button>
      ) : null}
      {help ? (
        <View className='lecture-detail__scan-help'>
          <Text className='lecture-detail__scan-help-text'>
            网页版不能直接打开相机。请拿出手机，用手机相机或微信“扫一扫”对准会场大屏上的二维码，打开链接后会自动签到。
          </Text>
        </View>
      ) : null}
      {scanNote ? <Text className='lecture-detail__scan-note'>{scanNote}</Text> : null}
    </View>
  )
}
