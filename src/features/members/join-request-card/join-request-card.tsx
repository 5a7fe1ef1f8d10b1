import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { MyJoinRequest } from '@contracts'
import { JOIN_REQUEST_STATUS_LABELS } from '@contracts/rules'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { useAction } from '@/features/shared/use-action'
import { formatMoment } from '@/utils/beijing-time'
import { withdrawJoinRequest } from '../member.actions'
import './join-request-card.scss'

export interface JoinRequestCardProps {
  request: MyJoinRequest
  /** The person is 群众 of that branch already (asking to be 党员), rather than in no branch. */
  isResident: boolean
}

/**
 * The person's own request to join as 党员: 待书记确认 with what that means and how to take it back, or
 * 未通过 with the secretary's reason.
 */
export function JoinRequestCard({ request, isResident }: JoinRequestCardProps) {
  const withdraw = useAction(withdrawJoinRequest)
  const [asking, setAsking] = useState(false)

  if (request.status === 'declined') {
    return (
      <View className='app-card join-request-card join-request-card--declined'>
        <Text className='app-card__title'>党员申请{JOIN_REQUEST_STATUS_LABELS.declined}</Text>
        <Text className='join-request-card__line join-request-card__summary'>
          「{request.branchName}」书记没有确认您以党员身份加入{request.reason ? `，原因：${request.reason}` : '。'}
        </Text>
        <Text className='join-request-card__line'>如有疑问，请当面联系支部书记；核实后可以用党员邀请码再次申请。</Text>
      </View>
    )
  }

  return (
    <View className='app-card join-request-card join-request-card--pending'>
      <Text className='join-request-card__status'>{JOIN_REQUEST_STATUS_LABELS.pending}</Text>
      <Text className='app-card__title'>已申请以党员身份加入「{request.branchName}」</Text>
      <Text className='join-request-card__line join-request-card__meaning'>
        党员邀请码常在群里转发，所以要由支部书记确认是本人后才生效。确认前，您
        {isResident ? '仍是本支部群众' : '还没有加入支部，暂时不能看支部党课、签到'}；确认后会自动成为党员，下拉刷新即可看到。
      </Text>
      <Text className='join-request-card__line join-request-card__at'>申请时间：{formatMoment(request.requestedAt)}</Text>
      <Button
        className='app-button app-button--secondary app-button--block join-request-card__withdraw'
        disabled={withdraw.pending !== null}
        onClick={() => {
          withdraw.clearError()
          setAsking(true)
        }}
      >
        撤回申请
      </Button>
      <ConfirmDialog
        visible={asking}
        className='join-request-card__dialog'
        title='撤回党员申请？'
        message={`撤回后书记不会再看到这条申请；您${isResident ? '仍是本支部群众' : '仍未加入支部'}。以后可以用邀请码重新申请。`}
        confirmText='撤回申请'
        tone='danger'
        submitting={withdraw.pending !== null}
        error={withdraw.error?.message ?? null}
        onCancel={() => setAsking(false)}
        onConfirm={() =>
          void withdraw.run().then((out) => {
            if (!out) return
            setAsking(false)
            void Taro.showToast({ title: '已撤回', icon: 'success' })
          })
        }
      />
    </View>
  )
}
