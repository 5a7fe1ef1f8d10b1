import { useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { Dialog } from '@nutui/nutui-react-taro'
import type { InviteCodes } from '@contracts'
import { EmptyState } from '@/components/empty-state'
import { LoadingState } from '@/components/loading-state'
import { QrImage } from '@/components/qr-image'
import { useRotateInviteCode, type InviteKind } from '@/features/members/use-rotate-invite-code'
import { useWhoami } from '@/features/members/use-whoami'
import { CallErrorView } from '@/features/session'
import { ROUTES } from '@/routes'
import './index.scss'

const KINDS: { kind: InviteKind; title: string; who: string }[] = [
  { kind: 'member', title: '党员邀请码', who: '用这个码加入的人，身份是党员。' },
  { kind: 'resident', title: '群众邀请码', who: '用这个码加入的人，身份是群众。' },
]

/** 邀请码 (secretary): both codes, each as text to copy and as a QR code; 更换 after a confirmation. */
export default function InviteCodesPage() {
  const whoami = useWhoami()
  const rotation = useRotateInviteCode()
  const [confirming, setConfirming] = useState<InviteKind | null>(null)

  usePullDownRefresh(() => {
    void whoami.reload().finally(() => Taro.stopPullDownRefresh())
  })

  if (!whoami.data) {
    if (whoami.status === 'error' && whoami.error) {
      return <View className='invite-codes'><CallErrorView error={whoami.error} onRetry={() => void whoami.reload()} /></View>
    }
    return <View className='invite-codes'><LoadingState /></View>
  }

  const codes = whoami.data.inviteCodes
  if (whoami.data.profile?.role !== 'secretary' || !codes) {
    return (
      <View className='invite-codes invite-codes--denied'>
        <EmptyState title='只有支部书记可以查看邀请码' hint='需要邀请码时，请向本支部书记索取。'>
          <Button className='app-button app-button--block' onClick={() => void Taro.switchTab({ url: ROUTES.mine })}>
            回到“我的”
          </Button>
        </EmptyState>
      </View>
    )
  }

  const rotate = async (kind: InviteKind) => {
    const next = await rotation.rotate(kind)
    if (!next) return
    setConfirming(null)
    void Taro.showToast({ title: '已更换', icon: 'success' })
  }

  return (
    <View className='invite-codes'>
      <Text className='invite-codes__intro'>
        把邀请码发给要加入的人。对方在小程序“我的”页面填写姓名和邀请码即可加入本支部，也可以点“扫码填写邀请码”扫下面的二维码。
      </Text>
      {KINDS.map(({ kind, title, who }) => (
        <InviteCodeCard
          key={kind}
          kind={kind}
          title={title}
          who={who}
          codes={codes}
          busy={rotation.rotating === kind}
          onRotate={() => setConfirming(kind)}
        />
      ))}

      <Dialog
        className='invite-codes__dialog'
        visible={confirming !== null}
        title='更换邀请码'
        closeOnOverlayClick={!rotation.rotating}
        onClose={() => setConfirming(null)}
        footer={
          <View className='invite-codes__dialog-footer'>
            <Button
              className='app-button app-button--block invite-codes__dialog-confirm'
              disabled={rotation.rotating !== null}
              onClick={() => confirming && void rotate(confirming)}
            >
              {rotation.rotating ? '正在更换…' : '确认更换'}
            </Button>
            <Button
              className='app-button app-button--secondary app-button--block invite-codes__dialog-cancel'
              onClick={() => setConfirming(null)}
            >
              取消
            </Button>
          </View>
        }
      >
        <Text className='invite-codes__dialog-text'>
          更换后，旧的{confirming === 'resident' ? '群众' : '党员'}邀请码（
          {confirming ? codes[confirming] : ''}）马上失效，已经加入的人不受影响。确定要更换吗？
        </Text>
        {rotation.error ? <Text className='invite-codes__dialog-error'>{rotation.error.message}</Text> : null}
      </Dialog>
    </View>
  )
}

interface InviteCodeCardProps {
  kind: InviteKind
  title: string
  who: string
  codes: InviteCodes
  busy: boolean
  onRotate: () => void
}

function InviteCodeCard({ kind, title, who, codes, busy, onRotate }: InviteCodeCardProps) {
  const code = codes[kind]
  return (
    <View className={`app-card invite-codes__card invite-codes__card--${kind}`}>
      <Text className='app-card__title'>{title}</Text>
      <Text className='app-card__hint'>{who}</Text>
      <Text className={`invite-codes__code invite-codes__code--${kind}`}>{code}</Text>
      <QrImage className='invite-codes__qr' value={code} caption={`${title}二维码`} />
      <Button
        className='app-button app-button--block invite-codes__copy'
        onClick={() =>
          void Taro.setClipboardData({ data: code }).then(
            () => Taro.showToast({ title: '已复制', icon: 'success' }),
            () => Taro.showToast({ title: '没有复制成功', icon: 'none' }),
          )
        }
      >
        复制邀请码
      </Button>
      <Button
        className='app-button app-button--secondary app-button--block invite-codes__rotate'
        disabled={busy}
        onClick={onRotate}
      >
        {busy ? '正在更换…' : '更换邀请码'}
      </Button>
    </View>
  )
}
