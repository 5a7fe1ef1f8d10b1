import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { JoinDecision, JoinRequestRow } from '@contracts'
import { ROLE_LABELS } from '@contracts/rules'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { EmptyState } from '@/components/empty-state'
import { PagedList } from '@/components/paged-list'
import { decideJoinRequest } from '@/features/members/member.actions'
import { SecretaryOnly, isSecretary } from '@/features/members/secretary-only'
import { useJoinRequests } from '@/features/members/use-join-requests'
import { useWhoami } from '@/features/members/use-whoami'
import { loadWhoami } from '@/features/members/whoami.store'
import { CallErrorView } from '@/features/session'
import { useAction } from '@/features/shared/use-action'
import { usePagedListPage } from '@/features/shared/use-page-refresh'
import { ROUTES } from '@/routes'
import { formatMoment } from '@/utils/beijing-time'
import './index.scss'

/**
 * 党员身份确认 (secretary): who used the branch's member code and waits to be 党员, oldest first. Each is
 * confirmed or declined (with a reason they will see) after a dialog that says what follows.
 */
export default function JoinRequestsPage() {
  const whoami = useWhoami()
  const secretary = isSecretary(whoami.data)
  const list = useJoinRequests({ enabled: secretary })
  const decide = useAction(decideJoinRequest)
  const [deciding, setDeciding] = useState<{ row: JoinRequestRow; decision: JoinDecision } | null>(null)

  usePagedListPage(list, () => (secretary ? list.refresh() : whoami.reload()))

  const confirm = async (reason: string) => {
    if (!deciding) return
    const done = await decide.run(deciding.row.openid, deciding.decision, reason)
    if (!done) return
    list.dropRow(done.openid)
    setDeciding(null)
    void Taro.showToast({ title: done.status === 'approved' ? '已确认为党员' : '已婉拒', icon: 'success' })
    // The badge on 我的 and the counts on 首页 moved.
    void loadWhoami()
  }

  const open = (row: JoinRequestRow, decision: JoinDecision) => {
    decide.clearError()
    setDeciding({ row, decision })
  }

  return (
    <SecretaryOnly
      className='join-requests-page'
      deniedTitle='只有支部书记可以确认党员身份'
      deniedHint='申请以党员身份加入后，请等本支部书记确认。'
      back={{ tab: ROUTES.mine, text: '回到“我的”' }}
    >
      {() => (
        <View className='join-requests-page'>
          <Text className='join-requests-page__intro'>
            这些人用本支部的党员邀请码申请加入。确认后他们成为本支部党员；确认前，他们仍是原来的身份（未加入或群众）。
          </Text>
          <PagedList
            list={list}
            className='join-requests-page__list'
            loadingText='正在加载申请…'
            errorView={CallErrorView}
            empty={
              <EmptyState
                className='join-requests-page__empty'
                title='没有待确认的申请'
                hint='有人用党员邀请码申请加入时，会出现在这里，“我的”页面也会提示。'
              />
            }
            endText={`已经到底了，共 ${list.items.length} 条`}
            renderItem={(r) => (
              <View key={r.openid} className='join-request-row'>
                <View className='join-request-row__head'>
                  <Text className='join-request-row__name'>{r.name}</Text>
                </View>
                <Text className='join-request-row__line join-request-row__now'>
                  现在：{r.currentRole ? `本支部${ROLE_LABELS[r.currentRole]}` : '未加入支部'}
                </Text>
                <Text className='join-request-row__line join-request-row__phone'>手机：{r.phone || '未填写'}</Text>
                <Text className='join-request-row__line join-request-row__at'>申请时间：{formatMoment(r.requestedAt)}</Text>
                <View className='join-request-row__actions'>
                  <Button
                    className='app-button join-request-row__approve'
                    disabled={decide.pending === r.openid}
                    onClick={() => open(r, 'approve')}
                  >
                    确认为党员
                  </Button>
                  <Button
                    className='app-button app-button--secondary join-request-row__decline'
                    disabled={decide.pending === r.openid}
                    onClick={() => open(r, 'decline')}
                  >
                    婉拒
                  </Button>
                </View>
              </View>
            )}
          />

          <ConfirmDialog
            visible={deciding !== null}
            className='join-requests-page__dialog'
            title={deciding?.decision === 'approve' ? `确认${deciding.row.name}为党员？` : `婉拒${deciding?.row.name ?? ''}的申请？`}
            message={
              deciding?.decision === 'approve'
                ? `确认后，${deciding.row.name}成为本支部党员：可以认领心愿、被选为党课主讲人。请确认是本支部的党员本人。`
                : '婉拒后，对方仍是原来的身份，会在“我的”页面看到申请未通过和您填写的原因。'
            }
            reason={deciding?.decision === 'decline' ? { label: '原因（可不填，对方能看到）', placeholder: '例如：请先到支部办理组织关系转接', optional: true } : undefined}
            confirmText={deciding?.decision === 'approve' ? '确认为党员' : '婉拒申请'}
            tone={deciding?.decision === 'decline' ? 'danger' : 'normal'}
            submitting={deciding !== null && decide.pending === deciding.row.openid}
            error={decide.error?.message ?? null}
            onCancel={() => setDeciding(null)}
            onConfirm={(reason) => void confirm(reason)}
          />
        </View>
      )}
    </SecretaryOnly>
  )
}
