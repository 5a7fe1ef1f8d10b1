import { useMemo, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { WhoamiOutput } from '@contracts'
import { sceneFor, sceneFromText, type CheckInScene } from '@contracts/rules'
import { CheckInPanel } from '@/components/check-in-panel'
import {
  CHECKIN_JOINED_RESCAN_MESSAGE,
  CHECKIN_JOINED_RESCAN_TITLE,
  describeCheckInFailure,
  pendingJoinCheckInMessage,
  rescanHint,
} from '@/features/lectures/rules/check-in-outcome.rules'
import { scanForCheckIn } from '@/features/lectures/platform/scan-check-in'
import { useCheckIn } from '@/features/lectures/hooks/use-check-in'
import { JoinForm } from '@/features/members/join-form'
import { useWhoami } from '@/features/members/use-whoami'
import { SignInHint } from '@/features/session'
import { ROUTES, withQuery } from '@/routes'
import { formatMoment } from '@/utils/beijing-time'
import './index.scss'

/**
 * 党课签到: opened by the code on the display — the in-app scanner, a phone camera (H5 link
 * `/#/pages/check-in/index?scene=<lectureId>.<token>`) or a mini-program code (`options.scene`,
 * URL-encoded). It checks in at once and says 签到成功 only after the server recorded it. Someone in
 * no branch joins right here and the same code is sent again: the scene stays in this page's URL, so
 * nobody is sent elsewhere and stranded.
 */
export default function CheckInPage() {
  const router = useRouter()
  const raw = router.params.scene
  const scene = useMemo(() => sceneFromText(raw), [raw])
  const { state, submit } = useCheckIn(scene)
  const [joinedHere, setJoinedHere] = useState(false)

  const onJoined = (whoami: WhoamiOutput) => {
    // A 党员 request leaves them in no branch: the panel then says what to do (pending copy).
    if (!whoami.profile?.role || !whoami.branch) return
    setJoinedHere(true)
    void submit()
  }

  return (
    <View className={`check-in-page check-in-page--${scene ? state.status : 'invalid'}`}>
      {!scene ? <InvalidCode /> : null}

      {scene && (state.status === 'idle' || state.status === 'submitting') ? (
        <CheckInPanel tone='pending' title='正在签到…' message='请稍候，不要关闭页面。' className='check-in-page__panel' />
      ) : null}

      {scene && state.status === 'done' ? (
        <CheckInPanel
          tone={state.result.already ? 'already' : 'done'}
          title={state.result.already ? '已签到' : joinedHere ? '已加入支部，签到成功' : '签到成功'}
          message={
            state.result.already
              ? `你在 ${formatMoment(state.result.checkedInAt)} 已经签到过了，无需重复签到。`
              : state.result.flags.includes('far')
                ? '已记录。手机定位显示你离会场较远，书记会核实，不影响本次签到。'
                : '已记录，欢迎参加本次党课。'
          }
          details={[
            { label: '党课', value: state.result.lectureTitle, className: 'check-in-page__lecture' },
            { label: '签到时间', value: formatMoment(state.result.checkedInAt), className: 'check-in-page__time' },
          ]}
          className='check-in-page__panel'
        >
          <ToLecture scene={scene} />
        </CheckInPanel>
      ) : null}

      {scene && state.status === 'failed' ? (
        <Failure scene={scene} error={state.error} joinedHere={joinedHere} onRetry={() => void submit()} onJoined={onJoined} />
      ) : null}
    </View>
  )
}

function ToLecture({ scene, secondary, label = '查看党课详情' }: { scene: CheckInScene; secondary?: boolean; label?: string }) {
  return (
    <Button
      className={`app-button ${secondary ? 'app-button--secondary ' : ''}app-button--block check-in-page__to-lecture`}
      onClick={() => void Taro.redirectTo({ url: withQuery(ROUTES.lectureDetail, { id: scene.lectureId }) })}
    >
      {label}
    </Button>
  )
}

function ToLectures() {
  return (
    <Button
      className='app-button app-button--secondary app-button--block check-in-page__to-lectures'
      onClick={() => void Taro.switchTab({ url: ROUTES.lectures })}
    >
      看看其他党课
    </Button>
  )
}

/** WeChat only: scan the display again and start over on a fresh page. */
function Rescan({ onNotCheckIn }: { onNotCheckIn: () => void }) {
  if (process.env.TARO_ENV !== 'weapp') return null
  return (
    <Button
      className='app-button app-button--block check-in-page__rescan'
      onClick={() =>
        void scanForCheckIn().then((out) => {
          if (out.kind === 'scene') {
            void Taro.redirectTo({ url: withQuery(ROUTES.checkIn, { scene: sceneFor(out.scene.lectureId, out.scene.token) }) })
          } else if (out.kind === 'notCheckIn') onNotCheckIn()
        })
      }
    >
      重新扫码
    </Button>
  )
}

interface FailureProps {
  scene: CheckInScene
  error: { code: string; message: string }
  /** The person joined a branch on this page just now (the code they scanned may have changed since). */
  joinedHere: boolean
  onRetry: () => void
  onJoined: (whoami: WhoamiOutput) => void
}

function Failure({ scene, error, joinedHere, onRetry, onJoined }: FailureProps) {
  const described = describeCheckInFailure(error)
  const view =
    joinedHere && described.next === 'rescan' ? { ...described, title: CHECKIN_JOINED_RESCAN_TITLE, message: CHECKIN_JOINED_RESCAN_MESSAGE } : described
  const [note, setNote] = useState<string | null>(null)
  if (view.next === 'join') return <JoinHere onJoined={onJoined} />
  return (
    <CheckInPanel
      tone='failed'
      title={view.title}
      message={view.message}
      className={`check-in-page__panel check-in-page__failure check-in-page__failure--${view.next}`}
    >
      {view.next === 'retry' ? (
        <Button className='app-button app-button--block check-in-page__retry' onClick={onRetry}>
          重试
        </Button>
      ) : null}
      {view.next === 'rescan' ? <Text className='check-in-page__hint'>{rescanHint(process.env.TARO_ENV)}</Text> : null}
      {view.next === 'rescan' ? <Rescan onNotCheckIn={() => setNote('扫到的不是签到二维码，请扫描会场大屏上的二维码。')} /> : null}
      {view.next === 'signIn' ? <SignInHint error={error} /> : null}
      {note ? <Text className='check-in-page__note'>{note}</Text> : null}
      {view.next === 'rescan' ? <ToLecture scene={scene} secondary label='查看这场党课' /> : null}
      {view.next === 'lectures' || view.next === 'rescan' ? <ToLectures /> : null}
      {view.next === 'retry' ? <ToLecture scene={scene} secondary /> : null}
    </CheckInPanel>
  )
}

/**
 * Not in a branch: join here, then the page sends the same code again. Someone whose 党员 request waits
 * for the secretary is told what to do at the door instead (they cannot check in before it is decided).
 */
function JoinHere({ onJoined }: { onJoined: (whoami: WhoamiOutput) => void }) {
  const whoami = useWhoami()
  const request = whoami.data?.joinRequest
  if (request?.status === 'pending') {
    return (
      <CheckInPanel
        tone='failed'
        title='等待书记确认后才能签到'
        message={pendingJoinCheckInMessage(request.branchName)}
        className='check-in-page__panel check-in-page__failure check-in-page__failure--pending'
      >
        <Text className='check-in-page__hint'>{rescanHint(process.env.TARO_ENV)}</Text>
        <ToLectures />
      </CheckInPanel>
    )
  }
  const view = describeCheckInFailure({ code: 'AUTH.NOT_IN_BRANCH', message: '' })
  return (
    <CheckInPanel
      tone='failed'
      title={view.title}
      message={view.message}
      className='check-in-page__panel check-in-page__failure check-in-page__failure--join'
    >
      <JoinForm onJoined={onJoined} />
    </CheckInPanel>
  )
}

function InvalidCode() {
  const [note, setNote] = useState<string | null>(null)
  return (
    <CheckInPanel
      tone='failed'
      title='没有读到签到码'
      message='这个链接里没有有效的签到码。请扫描会场大屏上的签到二维码。'
      className='check-in-page__panel check-in-page__invalid'
    >
      <Rescan onNotCheckIn={() => setNote('扫到的不是签到二维码，请扫描会场大屏上的二维码。')} />
      {note ? <Text className='check-in-page__note'>{note}</Text> : null}
      <View className='check-in-page__gap' />
      <ToLectures />
    </CheckInPanel>
  )
}
