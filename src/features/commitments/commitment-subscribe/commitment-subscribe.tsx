import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { canSubscribeCommitments, subscribeCommitments, type CommitmentSubscribeAnswer } from '../platform/subscribe-commitment'
import './commitment-subscribe.scss'

const join = (labels: readonly string[]) => labels.join('、')

/** What came of the request, in the person's words, and whether anything was agreed. */
function answerText(answer: CommitmentSubscribeAnswer): { text: string; agreed: boolean } {
  if (answer.trouble === 'switchedOff') return { text: '您关闭了本小程序的订阅消息，请在右上角“···”→ 设置 → 订阅消息中打开后再试。', agreed: false }
  if (answer.trouble === 'failed') return { text: '没能打开提醒设置，请稍后再试。', agreed: false }
  if (answer.accepted.length === 0) return { text: '您没有同意，不会收到微信提醒。需要时可以再点一次。', agreed: false }
  if (answer.declined.length === 0) return { text: `好的，已同意${join(answer.accepted)}提醒，到时微信会通知您。`, agreed: true }
  return { text: `已同意${join(answer.accepted)}提醒；没有同意${join(answer.declined)}提醒。`, agreed: true }
}

/**
 * 「每月提醒我」 on 我的承诺: asks for the reminder templates (the 1st, the 15th, three days before the
 * month ends) and says what was agreed. In the mini-program with templates configured only; it never
 * stands in the way of the page.
 */
export function CommitmentSubscribe() {
  const [asking, setAsking] = useState(false)
  const [answer, setAnswer] = useState<CommitmentSubscribeAnswer | null>(null)
  if (!canSubscribeCommitments()) return null
  const ask = () => {
    if (asking) return
    setAsking(true)
    void subscribeCommitments().then((next) => {
      setAnswer(next)
      setAsking(false)
    })
  }
  const said = answer ? answerText(answer) : null
  const allAgreed = answer !== null && answer.trouble === null && answer.declined.length === 0
  return (
    <View className='app-card commitment-subscribe'>
      <Text className='app-card__hint'>每月 1 日提醒填写承诺，15 日提醒晒进度，月底前 3 天提醒晒业绩。微信每次同意只送一条，收到后可以再点一次。</Text>
      {said ? <Text className={`commitment-subscribe__answer${said.agreed ? ' commitment-subscribe__answer--agreed' : ''}`}>{said.text}</Text> : null}
      {allAgreed ? null : (
        <Button className='app-button app-button--secondary app-button--block commitment-subscribe__ask' disabled={asking} onClick={ask}>
          {asking ? '正在请求…' : answer ? '再试一次：每月提醒我' : '每月提醒我'}
        </Button>
      )}
    </View>
  )
}
