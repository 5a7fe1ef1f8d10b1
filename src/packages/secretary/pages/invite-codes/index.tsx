import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { InviteCodes } from '@contracts'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { QrImage } from '@/components/qr-image'
import { rotateInviteCode, type InviteKind } from '@/features/members/member.actions'
import { SecretaryOnly } from '@/features/members/secretary-only'
import { useWhoami } from '@/features/members/use-whoami'
import { useAction } from '@/features/shared/use-action'
import { usePullToRefresh } from '@/features/shared/use-page-refresh'
import { ROUTES } from '@/routes'
import './index.scss'

const KINDS: { kind: InviteKind; title: string; who: string }[] = [
  { kind: 'member', title: '党员邀请码', who: '用这个码加入的人，身份是党员。' },
  { kind: 'resident', title: '群众邀请码', who: '用这个码加入的人，身份是群众。' },
]

/** 邀请码 (secretary): both codes, each as text to copy and as a QR code; 更换 after a confirmation. */
export default function InviteCodesPage() {
  const whoami = useWhoami()
  const rotation = useAction(rotateInviteCode)
  const [confirming, setConfirming] = useState<InviteKind | null>(null)

  usePullToRefresh(whoami.reload)

  const rotate = async (kind: InviteKind) => {
    const next = await rotation.run(kind)
    if (!next) return
    setConfirming(null)
    void Taro.showToast({ title: '已更换', icon: 'success' })
  }

  return (
    <SecretaryOnly
      className='invite-codes'
      deniedTitle='只有支部书记可以查看邀请码'
      deniedHint='需要邀请码时，请向本支部书记索取。'
      back={{ tab: ROUTES.mine, text: '回到“我的”' }}
    >
      {({ inviteCodes: codes }) => (
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
              busy={rotation.pending === kind}
              onRotate={() => setConfirming(kind)}
            />
          ))}

          <ConfirmDialog
            className='invite-codes__dialog'
            visible={confirming !== null}
            title='更换邀请码'
            message={`更换后，旧的${confirming === 'resident' ? '群众' : '党员'}邀请码（${confirming ? codes[confirming] : ''}）马上失效，已经加入的人不受影响。确定要更换吗？`}
            confirmText='确认更换'
            submittingText='正在更换…'
            submitting={rotation.pending !== null}
            error={rotation.error?.message ?? null}
            onConfirm={() => confirming && void rotate(confirming)}
            onCancel={() => setConfirming(null)}
          />
        </View>
      )}
    </SecretaryOnly>
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
