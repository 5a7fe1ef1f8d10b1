import { useMemo, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { sceneFor, sceneFromText, type CheckInScene } from '@contracts/rules'
import { CheckInPanel } from '@/components/check-in-panel'
import { describeCheckInFailure, rescanHint } from '@/features/lectures/rules/check-in-outcome.rules'
import { scanForCheckIn } from '@/features/lectures/platform/scan-check-in'
import { useCheckIn } from '@/features/lectures/hooks/use-check-in'
import { SignInHint } from '@/features/session'
import { ROUTES, withQuery } from '@/routes'
import { formatMoment } from '@/utils/beijing-time'
import './index.scss'

/**
 * 党课签到: opened by the code on the display — the in-app scanner, a phone camera (H5 link
 * `/#/pages/check-in/index?scene=<lectureId>.<token>`) or a mini-program code (`options.scene`,
 * URL-encoded). It checks in at once and says 签到成功 only after the server recorded it.
 */
export default function CheckInPage() {
  const router = useRouter()
  const raw = router.params.scene
  const scene = useMemo(() => sceneFromText(raw), [raw])
  const { state, submit } = useCheckIn(scene)

  return (
    <View className={`check-in-page check-in-page--${scene ? state.status : 'invalid'}`}>
      {!scene ? <InvalidCode /> : null}

      {scene && (state.status === 'idle' || state.status === 'submitting') ? (
        <CheckInPanel tone='pending' title='正在签到…' message='请稍候，不要关闭页面。' className='check-in-page__panel' />
      ) : null}

      {scene && state.status === 'done' ? (
        <CheckInPanel
          tone={state.result.already ? 'already' : 'done'}
          title={state.result.already ? '已签到' : '签到成功'}
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

      {scene && state.status === 'failed' ? <Failure scene={scene} error={state.error} onRetry={() => void submit()} /> : null}
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

function Failure({ scene, error, onRetry }: { scene: CheckInScene; error: { code: string; message: string }; onRetry: () => void }) {
  const view = describeCheckInFailure(error)
  const [note, setNote] = useState<string | null>(null)
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
      {view.next === 'join' ? (
        <Button className='app-button app-button--block check-in-page__to-join' onClick={() => void Taro.switchTab({ url: ROUTES.mine })}>
          去“我的”加入支部
        </Button>
      ) : null}
      {view.next === 'signIn' ? <SignInHint error={error} /> : null}
      {note ? <Text className='check-in-page__note'>{note}</Text> : null}
      {view.next === 'rescan' ? <ToLecture scene={scene} secondary label='查看这场党课' /> : null}
      {view.next === 'lectures' || view.next === 'rescan' ? <ToLectures /> : null}
      {view.next === 'retry' ? <ToLecture scene={scene} secondary /> : null}
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
