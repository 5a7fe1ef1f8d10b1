import { Button, Text, View } from '@tarojs/components'
import { RATING_THRESHOLD } from '@contracts/rules'
import type { SubscribeState } from '../hooks/use-subscribe-report'
import './report-subscribe.scss'

export interface ReportSubscribeProps {
  state: SubscribeState
  onAsk: () => void
}

const SAID: Record<Exclude<SubscribeState, 'idle' | 'asking'>, string> = {
  accepted: `好的，评议满 ${RATING_THRESHOLD} 人时会通过微信通知你`,
  rejected: '你没有允许通知，可以随时在这里查看评议结果',
  failed: '没能打开微信的通知设置，请再点一次试试',
}

/**
 * 评议结果通知, for the speaker in the mini-program: one tap lets WeChat send them one message when the
 * report is ready, and the answer is said in words. After 允许 the button goes (one message is all
 * there is to send); after 拒绝 or a failure it stays, so they can change their mind or try again.
 * Class hooks: `report-subscribe__ask`, `report-subscribe__said--<state>`.
 */
export function ReportSubscribe({ state, onAsk }: ReportSubscribeProps) {
  const said = state === 'idle' || state === 'asking' ? null : SAID[state]
  return (
    <View className={`app-card report-subscribe report-subscribe--${state}`}>
      <Text className='app-card__title'>评议结果通知</Text>
      <Text className='app-card__hint report-subscribe__hint'>
        满 {RATING_THRESHOLD} 人评议后才能查看结果。需要的话，微信可以在那时提醒你一次。
      </Text>
      {state !== 'accepted' ? (
        <Button className='app-button app-button--block report-subscribe__ask' disabled={state === 'asking'} onClick={onAsk}>
          {state === 'asking' ? '正在请求…' : `评议满 ${RATING_THRESHOLD} 人时通知我`}
        </Button>
      ) : null}
      {said ? (
        <Text className={`report-subscribe__said report-subscribe__said--${state}`} aria-live='polite'>
          {said}
        </Text>
      ) : null}
    </View>
  )
}
