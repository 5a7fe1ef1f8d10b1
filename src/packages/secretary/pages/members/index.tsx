import { useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { MemberRow as MemberRowData, Role } from '@contracts'
import { ROLE_LABELS } from '@contracts/rules'
import { EmptyState } from '@/components/empty-state'
import { LoadingState } from '@/components/loading-state'
import { PagedListFooter } from '@/components/paged-list-footer'
import { MemberRow } from '@/features/members/member-row'
import { RoleChangeDialog } from '@/features/members/role-change-dialog'
import { useMemberList } from '@/features/members/use-member-list'
import { useSetRole } from '@/features/members/use-set-role'
import { useWhoami } from '@/features/members/use-whoami'
import { loadWhoami } from '@/features/members/whoami.store'
import { CallErrorView } from '@/features/session'
import { ROUTES } from '@/routes'
import './index.scss'

const FILTERS: { role: Role | undefined; label: string }[] = [
  { role: undefined, label: '全部' },
  { role: 'secretary', label: ROLE_LABELS.secretary },
  { role: 'member', label: ROLE_LABELS.member },
  { role: 'resident', label: ROLE_LABELS.resident },
]

/** 成员管理 (secretary): the branch's people, a page at a time; filter by role; change a role. */
export default function MembersPage() {
  const whoami = useWhoami()
  const me = whoami.data?.profile ?? null
  const isSecretary = me?.role === 'secretary'
  const [role, setRole] = useState<Role | undefined>(undefined)
  const list = useMemberList({ role, enabled: isSecretary })
  const change = useSetRole()
  const [changing, setChanging] = useState<MemberRowData | null>(null)

  usePullDownRefresh(() => {
    const work = isSecretary ? list.refresh() : whoami.reload()
    void work.finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    if (list.hasMore && !list.moreError) void list.loadMore()
  })

  if (!whoami.data) {
    if (whoami.status === 'error' && whoami.error) {
      return <View className='members-page'><CallErrorView error={whoami.error} onRetry={() => void whoami.reload()} /></View>
    }
    return <View className='members-page'><LoadingState /></View>
  }

  if (!isSecretary) {
    return (
      <View className='members-page members-page--denied'>
        <EmptyState title='只有支部书记可以管理成员' hint='如需更改身份或资料，请联系本支部书记。'>
          <Button className='app-button app-button--block' onClick={() => void Taro.switchTab({ url: ROUTES.mine })}>
            回到“我的”
          </Button>
        </EmptyState>
      </View>
    )
  }

  const confirmChange = async (next: Role) => {
    if (!changing) return
    const row = await change.setRole(changing.openid, next)
    if (!row) return
    list.replaceRow(row)
    setChanging(null)
    void Taro.showToast({ title: `已改为${ROLE_LABELS[row.role]}`, icon: 'success' })
    // Counts on 首页/我的 changed; and a secretary who handed over the role sees it at once.
    void loadWhoami()
  }

  return (
    <View className='members-page'>
      <View className='members-page__filters'>
        {FILTERS.map((f) => (
          <View
            key={f.label}
            className={`members-page__filter${f.role === role ? ' members-page__filter--active' : ''}`}
            onClick={() => setRole(f.role)}
          >
            <Text className='members-page__filter-text'>{f.label}</Text>
          </View>
        ))}
      </View>

      {list.status === 'loading' ? <LoadingState text='正在加载成员…' /> : null}
      {list.status === 'error' && list.error ? <CallErrorView error={list.error} onRetry={() => void list.refresh()} /> : null}

      {list.status === 'ready' && list.items.length === 0 ? (
        <EmptyState
          className='members-page__empty'
          title={role ? `还没有身份为${ROLE_LABELS[role]}的成员` : '支部里还没有成员'}
          hint='把邀请码发给大家，他们用邀请码加入后会出现在这里。'
        >
          <Button
            className='app-button app-button--block'
            onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryInviteCodes })}
          >
            查看邀请码
          </Button>
        </EmptyState>
      ) : null}

      {list.status === 'ready' && list.items.length > 0 ? (
        <View className='members-page__list'>
          {list.items.map((m) => (
            <MemberRow
              key={m.openid}
              member={m}
              isSelf={m.openid === me?.openid}
              busy={change.pending === m.openid}
              // Not for one's own row: handing over the secretary role is a separate, deliberate step.
              onChangeRole={
                m.openid === me?.openid
                  ? undefined
                  : (row) => {
                      change.clearError()
                      setChanging(row)
                    }
              }
            />
          ))}
          <PagedListFooter
            hasMore={list.hasMore}
            loading={list.loadingMore}
            errorMessage={list.moreError?.message}
            onLoadMore={() => void list.loadMore()}
            endText={`已经到底了，共 ${list.items.length} 人`}
          />
        </View>
      ) : null}

      <RoleChangeDialog
        member={changing}
        submitting={Boolean(changing && change.pending === changing.openid)}
        error={change.error?.message ?? null}
        onCancel={() => setChanging(null)}
        onConfirm={(r) => void confirmChange(r)}
      />
    </View>
  )
}
