import type { ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { Button, View } from '@tarojs/components'
import type { BranchSummary, InviteCodes, Profile, WhoamiOutput } from '@contracts'
import { EmptyState } from '@/components/empty-state'
import { LoadingState } from '@/components/loading-state'
import { CallErrorView } from '@/features/session'
import { useWhoami } from '../use-whoami'

/** Whoami as the server sends it to a branch's secretary: with the branch and its invite codes. */
export type SecretaryWhoami = WhoamiOutput & { profile: Profile & { role: 'secretary' }; branch: BranchSummary; inviteCodes: InviteCodes }

export function isSecretary(whoami: WhoamiOutput | null): whoami is SecretaryWhoami {
  return whoami?.profile?.role === 'secretary' && whoami.branch !== null && whoami.inviteCodes !== null
}

export interface SecretaryOnlyProps {
  /** The page's block class: the guard's own screens (loading, failed, refused) wear it too. */
  className: string
  /** What anyone else is told: whose page this is, and whom to ask instead. */
  deniedTitle: string
  deniedHint: string
  /** The way out of the refusal: a tab page and the button's words. */
  back: { tab: string; text: string }
  /** The page itself, for a secretary. */
  children: (whoami: SecretaryWhoami) => ReactNode
}

/**
 * A secretaries-only page (the server refuses everyone else anyway): while whoami is unknown it waits or
 * offers 重试; anyone but a secretary is told so, with the way back; a secretary gets the page.
 */
export function SecretaryOnly({ className, deniedTitle, deniedHint, back, children }: SecretaryOnlyProps) {
  const whoami = useWhoami()
  const data = whoami.data
  if (!data) {
    return (
      <View className={className}>
        {whoami.status === 'error' && whoami.error ? <CallErrorView error={whoami.error} onRetry={() => void whoami.reload()} /> : <LoadingState />}
      </View>
    )
  }
  if (!isSecretary(data)) {
    return (
      <View className={`${className} ${className}--denied`}>
        <EmptyState title={deniedTitle} hint={deniedHint}>
          <Button className='app-button app-button--block' onClick={() => void Taro.switchTab({ url: back.tab })}>
            {back.text}
          </Button>
        </EmptyState>
      </View>
    )
  }
  return <>{children(data)}</>
}
