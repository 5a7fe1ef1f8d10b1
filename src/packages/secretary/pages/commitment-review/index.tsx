import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { CommitmentPlanSummary } from '@contracts'
import { COMMITMENT_CATEGORY_LABELS, COMMITMENT_PLAN_STATUS_LABELS, COMMITMENT_REASON_MAX } from '@contracts/rules'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { EmptyState } from '@/components/empty-state'
import { PagedList } from '@/components/paged-list'
import { monthLabel } from '@/features/commitments/rules/commitment-month.rules'
import { publishPlan, returnPlan } from '@/features/commitments/commitment-admin.actions'
import { useCommitmentQueue } from '@/features/commitments/hooks/use-commitment-queue'
import { SecretaryOnly, isSecretary } from '@/features/members/secretary-only'
import { useWhoami } from '@/features/members/use-whoami'
import { CallErrorView } from '@/features/session'
import { useAction } from '@/features/shared/use-action'
import { usePagedListPage } from '@/features/shared/use-page-refresh'
import { ROUTES } from '@/routes'
import { formatMoment } from '@/utils/beijing-time'
import './index.scss'

type Target = { plan: CommitmentPlanSummary; decision: 'publish' | 'return' }


/**
 * 承诺审核 (secretary): the plans members submitted, oldest first — 公示 puts one on the branch's board,
 * 退回 sends it back with a reason the member reads; both are asked first.
 */
export default function CommitmentReviewPage() {
  const whoami = useWhoami()
  const secretary = isSecretary(whoami.data)
  const list = useCommitmentQueue({ enabled: secretary })
  const [target, setTarget] = useState<Target | null>(null)
  const publishing = useAction(publishPlan)
  const returning = useAction(returnPlan)

  usePagedListPage(list, () => (secretary ? list.refresh() : whoami.reload()))

  const open = (plan: CommitmentPlanSummary, decision: Target['decision']) => {
    publishing.clearError()
    returning.clearError()
    setTarget({ plan, decision })
  }

  const confirm = async (reason: string) => {
    if (!target) return
    const { plan, decision } = target
    const done = decision === 'publish' ? await publishing.run(plan.planId) : await returning.run(plan.planId, reason)
    if (!done) return
    setTarget(null)
    list.setItems((prev) => prev.filter((p) => p.planId !== plan.planId))
    void Taro.showToast({ title: decision === 'publish' ? '已公示' : '已退回', icon: 'success' })
  }

  const name = target?.plan.card.name ?? ''
  const error = target?.decision === 'publish' ? publishing.error : returning.error

  return (
    <SecretaryOnly
      className='commitment-review'
      deniedTitle='只有支部书记可以审核承诺'
      deniedHint='党员提交的承诺由本支部书记公示或退回。'
      back={{ tab: ROUTES.mine, text: '回到“我的”' }}
    >
      {() => (
        <View className='commitment-review'>
          <View className='commitment-review__top'>
            <Text className='commitment-review__intro'>公示后承诺会出现在本支部的承诺榜上；退回时请写明原因，党员修改后可以再次提交。</Text>
            <Button
              className='app-button app-button--secondary app-button--block commitment-review__to-figures'
              onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryCommitmentMonth })}
            >
              本月承诺榜与统计
            </Button>
          </View>
          <PagedList
            list={list}
            className='commitment-review__list'
            loadingText='正在加载待审核的承诺…'
            errorView={CallErrorView}
            empty={<EmptyState className='commitment-review__empty' title='没有等待审核的承诺' hint='党员提交本月（或下月）的承诺后会出现在这里。' />}
            endText={`已经到底了，共 ${list.items.length} 份`}
            renderItem={(p) => (
              <View key={p.planId} className='app-card commitment-review__plan'>
                <View className='commitment-review__who'>
                  <Text className='commitment-review__name'>{p.card.name}</Text>
                  <Text className='commitment-review__post'>{p.card.post}</Text>
                </View>
                <Text className='commitment-review__meta'>
                  {monthLabel(p.month)} · {COMMITMENT_PLAN_STATUS_LABELS[p.status]} · {formatMoment(p.updatedAt)}提交
                </Text>
                <View className='commitment-review__items'>
                  {p.items.map((item, i) => (
                    <View key={item.itemId} className='commitment-review__item'>
                      <Text className='commitment-review__item-text'>
                        {i + 1}. {item.text}
                      </Text>
                      <Text className='commitment-review__category'>{COMMITMENT_CATEGORY_LABELS[item.category]}</Text>
                    </View>
                  ))}
                </View>
                <View className='commitment-review__buttons'>
                  <Button className='app-button commitment-review__publish' onClick={() => open(p, 'publish')}>
                    公示
                  </Button>
                  <Button className='app-button app-button--secondary commitment-review__return' onClick={() => open(p, 'return')}>
                    退回
                  </Button>
                </View>
              </View>
            )}
          />
          <ConfirmDialog
            className='commitment-review__dialog'
            visible={target !== null}
            title={target?.decision === 'publish' ? `公示「${name}」的承诺` : `退回「${name}」的承诺`}
            message={
              target?.decision === 'publish'
                ? '公示后，承诺会出现在本支部的承诺榜上，所有人都能看到；之后的修改会留下修改记录。'
                : '退回后党员会看到原因，修改后可以再次提交。'
            }
            reason={target?.decision === 'return' ? { label: '退回原因', placeholder: '例如：第 2 条请写明怎样衡量完成', maxLength: COMMITMENT_REASON_MAX } : undefined}
            confirmText={target?.decision === 'publish' ? '确认公示' : '确认退回'}
            submitting={publishing.pending !== null || returning.pending !== null}
            error={error?.message ?? null}
            onConfirm={(reason) => void confirm(reason)}
            onCancel={() => setTarget(null)}
          />
        </View>
      )}
    </SecretaryOnly>
  )
}
