import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { MemberRow as MemberRowData, Role } from '@contracts'
import { ROLE_LABELS } from '@contracts/rules'
import { EmptyState } from '@/components/empty-state'
import { PagedList } from '@/components/paged-list'
import { setRole as setRoleAction } from '@/features/members/member.actions'
import { MemberRow } from '@/features/members/member-row'
import { RoleChangeDialog } from '@/features/members/role-change-dialog'
import { SecretaryOnly, isSecretary } from '@/features/members/secretary-only'
import { useMemberList } from '@/features/members/use-member-list'
import { useWhoami } from '@/features/members/use-whoami'
import { loadWhoami } from '@/features/members/whoami.store'
import { CallErrorView } from '@/features/session'
import { useAction } from '@/features/shared/use-action'
import { usePagedListPage } from '@/features/shared/use-page-refresh'
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
  const secretary = isSecretary(whoami.data)
  const [role, setRole] = useState<Role | undefined>(undefined)
  const list = useMemberList({ role, enabled: secretary })
  const change = useAction(setRoleAction)
  const [changing, setChanging] = useState<MemberRowData | null>(null)

  usePagedListPage(list, () => (secretary ? list.refresh() : whoami.reload()))

  const confirmChange = async (next: Role) => {
    if (!changing) return
    const row = await change.run(changing.openid, next)
    if (!row) return
    list.replaceRow(row)
    setChanging(null)
    void Taro.showToast({ title: `已改为${ROLE_LABELS[row.role]}`, icon: 'success' })
    // Counts on 首页/我的 changed; and a secretary who handed over the role sees it at once.
    void loadWhoami()
  }

  return (
    <SecretaryOnly
      className='members-page'
      deniedTitle='只有支部书记可以管理成员'
      deniedHint='如需更改身份或资料，请联系本支部书记。'
      back={{ tab: ROUTES.mine, text: '回到“我的”' }}
    >
      {(who) => (
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

          <PagedList
            list={list}
            className='members-page__list'
            loadingText='正在加载成员…'
            errorView={CallErrorView}
            empty={
              <EmptyState
                className='members-page__empty'
                title={role ? `还没有身份为${ROLE_LABELS[role]}的成员` : '支部里还没有成员'}
                hint='把邀请码发给大家，他们用邀请码加入后会出现在这里。'
              >
                <Button className='app-button app-button--block' onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryInviteCodes })}>
                  查看邀请码
                </Button>
              </EmptyState>
            }
            endText={`已经到底了，共 ${list.items.length} 人`}
            renderItem={(m) => (
              <MemberRow
                key={m.openid}
                member={m}
                isSelf={m.openid === who.profile.openid}
                busy={change.pending === m.openid}
                // Not for one's own row: handing over the secretary role is a separate, deliberate step.
                onChangeRole={
                  m.openid === who.profile.openid
                    ? undefined
                    : (row) => {
                        change.clearError()
                        setChanging(row)
                      }
                }
              />
            )}
          />

          <RoleChangeDialog
            member={changing}
            submitting={Boolean(changing && change.pending === changing.openid)}
            error={change.error?.message ?? null}
            onCancel={() => setChanging(null)}
            onConfirm={(r) => void confirmChange(r)}
          />
        </View>
      )}
    </SecretaryOnly>
  )
}
