import { useRef, useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { CommitmentPlanDetail } from '@contracts'
import { COMMITMENT_PLAN_STATUS_LABELS, addMonths, beijingMonthOf } from '@contracts/rules'
import { LoadingState } from '@/components/loading-state'
import { OptionGroup } from '@/components/option-group'
import { COMMITMENT_ROUTES } from '@/features/commitments/commitment-routes'
import { commitmentsVersion } from '@/features/commitments/commitment-changes'
import { CommitmentDraftForm } from '@/features/commitments/commitment-draft-form'
import { CommitmentFigures } from '@/features/commitments/commitment-figures'
import { CommitmentItem } from '@/features/commitments/commitment-item'
import { CommitmentItemForms } from '@/features/commitments/commitment-item-forms'
import { CommitmentMemberCard } from '@/features/commitments/commitment-member-card'
import { CommitmentRatings } from '@/features/commitments/commitment-ratings'
import { CommitmentSubscribe } from '@/features/commitments/commitment-subscribe'
import { useCommitmentRatings, useMyCommitments } from '@/features/commitments/hooks/use-commitment-plan'
import { draftItemsOf } from '@/features/commitments/rules/commitment-form.rules'
import { lastResultDay, monthLabel } from '@/features/commitments/rules/commitment-month.rules'
import { CallErrorView } from '@/features/session'
import { usePullToRefresh } from '@/features/shared/use-page-refresh'
import { withQuery } from '@/routes'
import { safeDecode } from '@/utils/safe-decode'
import './index.scss'

/**
 * 我的承诺 (`?month=`; absent: this Beijing month, and next month may be drafted too): write the month's
 * items and submit them; once published, 晒进度, 晒业绩 and 修改 item by item, and answer the ratings;
 * 每月提醒我 (the mini-program's reminders) whatever the month's state.
 */
export default function MyCommitmentsPage() {
  const router = useRouter()
  const thisMonth = beijingMonthOf(Date.now())
  const [month, setMonth] = useState(router.params.month ? safeDecode(router.params.month) : thisMonth)
  const mine = useMyCommitments(month)
  const plan = mine.data
  const ratings = useCommitmentRatings(plan?.status === 'published' ? plan.planId : null)
  const seen = useRef(commitmentsVersion())

  const refresh = () => {
    seen.current = commitmentsVersion()
    return Promise.all([mine.reload(), ratings.refresh()])
  }
  useDidShow(() => {
    if (commitmentsVersion() !== seen.current) void refresh()
  })
  usePullToRefresh(refresh)

  const changed = (next: CommitmentPlanDetail) => {
    seen.current = commitmentsVersion()
    mine.replace(next)
  }
  const months = [thisMonth, addMonths(thisMonth, 1)]
  const monthOptions = (months.includes(month) ? months : [month, ...months]).map((m) => ({ value: m, label: m === thisMonth ? `本月（${Number(m.slice(5))}月）` : monthLabel(m) }))

  return (
    <View className='my-commitments'>
      <View className='my-commitments__hero'>
        <Text className='my-commitments__title'>我的承诺</Text>
        <Text className='my-commitments__lead'>月初亮承诺，月中晒进度，月末晒业绩，群众来评议。</Text>
      </View>
      <View className='my-commitments__months'>
        <OptionGroup<string> className='my-commitments__month' options={monthOptions} value={month} onChange={setMonth} />
      </View>

      {mine.status === 'loading' ? <LoadingState text='正在加载我的承诺…' /> : null}
      {mine.status === 'error' && mine.error ? <CallErrorView error={mine.error} onRetry={() => void mine.reload()} /> : null}
      {mine.status === 'ready' ? <MonthView key={month} month={month} plan={plan ?? null} ratings={ratings} onChanged={changed} /> : null}

      <CommitmentSubscribe />

      <Button className='app-button app-button--secondary app-button--block my-commitments__to-card' onClick={() => void Taro.navigateTo({ url: COMMITMENT_ROUTES.myCard })}>
        编辑我的亮身份名片（照片、岗位、电话）
      </Button>
      {mine.status === 'ready' && mine.error ? <Text className='my-commitments__stale'>刷新没有成功：{mine.error.message}</Text> : null}
    </View>
  )
}

interface MonthViewProps {
  month: string
  plan: CommitmentPlanDetail | null
  ratings: ReturnType<typeof useCommitmentRatings>
  onChanged: (plan: CommitmentPlanDetail) => void
}

function MonthView({ month, plan, ratings, onChanged }: MonthViewProps) {
  if (!plan || plan.actions.includes('edit')) {
    return (
      <>
        {plan?.status === 'returned' ? (
          <View className='my-commitments__notice my-commitments__returned'>
            <Text className='my-commitments__notice-title'>书记退回了您的承诺</Text>
            <Text className='my-commitments__notice-text'>原因：{plan.returnReason ?? '未写明'}。请按意见修改后再提交。</Text>
          </View>
        ) : null}
        {plan?.status === 'draft' ? <Text className='my-commitments__status'>草稿已保存，还没有提交给书记。</Text> : null}
        {!plan ? <Text className='my-commitments__status'>{monthLabel(month)}还没有写承诺。写 1 到 5 条，写好后提交给书记审核。</Text> : null}
        <CommitmentDraftForm month={month} initial={plan ? draftItemsOf(plan.items) : []} onSaved={onChanged} />
      </>
    )
  }

  const frozen = plan.phase === 'due'
  return (
    <>
      <View className='app-card my-commitments__summary'>
        <CommitmentMemberCard card={plan.card} />
        <Text className={`my-commitments__plan-status my-commitments__plan-status--${plan.status}`}>{COMMITMENT_PLAN_STATUS_LABELS[plan.status]}</Text>
        <Text className='app-card__hint my-commitments__next'>
          {plan.status === 'submitted'
            ? '已提交，等待书记审核。审核通过后会在承诺榜上公示。'
            : frozen
              ? '本月已结账，承诺、进度和业绩都不能再改了。'
              : plan.status !== 'published'
                ? '这个月已过了写承诺、提交审核的时间。'
                : `已公示。随时可以晒进度；${lastResultDay(plan.resultDeadline)}（含当天）前为每条承诺晒业绩，逾期会标记为“逾期未晒”。`}
        </Text>
        {plan.status === 'published' ? <CommitmentFigures figures={plan.figures} /> : null}
      </View>
      {plan.items.map((item, i) => (
        <CommitmentItem key={item.itemId} item={item} index={i}>
          <CommitmentItemForms planId={plan.planId} item={item} actions={plan.itemActions[item.itemId] ?? []} onChanged={onChanged} />
        </CommitmentItem>
      ))}
      {plan.status === 'published' ? (
        <>
          <CommitmentRatings list={ratings} planId={plan.planId} canReply={!frozen} />
          <Button
            className='app-button app-button--secondary app-button--block my-commitments__to-public'
            onClick={() => void Taro.navigateTo({ url: withQuery(COMMITMENT_ROUTES.plan, { id: plan.planId }) })}
          >
            看看群众看到的样子
          </Button>
        </>
      ) : null}
    </>
  )
}
