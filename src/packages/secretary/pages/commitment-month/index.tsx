import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { CommitmentFigures as Figures, CommitmentLedgerExport, CommitmentStats } from '@contracts'
import {
  addMonths,
  beijingMonthOf,
  COMMITMENT_BOARD_STATUS_LABELS,
  COMMITMENT_MONTH_PATTERN,
  COMMITMENT_OUTCOME_LABELS,
  COMMITMENT_OUTCOMES,
  COMMITMENT_PLAN_STATUS_LABELS,
  COMMITMENT_SATISFACTION_LABELS,
  COMMITMENT_SATISFACTIONS,
  commitmentMonthPhase,
  resultDeadlineMs,
} from '@contracts/rules'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { LoadingState } from '@/components/loading-state'
import { ScoreBars } from '@/components/score-bars'
import { LedgerExport } from '@/components/ledger-export'
import { rateText } from '@/features/commitments/board-format'
import { lastResultDay, monthLabel } from '@/features/commitments/rules/commitment-month.rules'
import { CommitmentFigures } from '@/features/commitments/commitment-figures'
import { COMMITMENT_ROUTES } from '@/features/commitments/commitment-routes'
import { closeMonth, exportCommitmentLedger, publishBoard } from '@/features/commitments/commitment-admin.actions'
import { useCommitmentStats } from '@/features/commitments/hooks/use-commitment-month'
import { openLedger } from '@/features/lectures/platform/open-ledger'
import { SecretaryOnly, isSecretary } from '@/features/members/secretary-only'
import { useWhoami } from '@/features/members/use-whoami'
import { CallErrorView } from '@/features/session'
import { useAction } from '@/features/shared/use-action'
import { usePullToRefresh } from '@/features/shared/use-page-refresh'
import { ROUTES, withQuery } from '@/routes'
import { formatMoment } from '@/utils/beijing-time'
import { safeDecode } from '@/utils/safe-decode'
import './index.scss'


type Asking = 'publish' | 'close' | null

/**
 * 承诺榜与统计 (secretary): one month of the branch — plans by state, 兑现率 and 满意度 of the branch and
 * of each member — with 公示承诺榜 and 结账 (each asked first), 导出台账, and the board's projector and
 * print views. Months step back and forth from this Beijing month (`?month=` opens another).
 */
export default function CommitmentMonthPage() {
  const router = useRouter()
  const asked = router.params.month ? safeDecode(router.params.month) : ''
  const [month, setMonth] = useState(() => (COMMITMENT_MONTH_PATTERN.test(asked) ? asked : beijingMonthOf(Date.now())))
  const whoami = useWhoami()
  const secretary = isSecretary(whoami.data)
  const stats = useCommitmentStats(month, secretary)
  usePullToRefresh(() => (secretary ? stats.reload() : whoami.reload()))

  return (
    <SecretaryOnly
      className='commitment-month'
      deniedTitle='只有支部书记可以查看承诺统计'
      deniedHint='支部的承诺榜由本支部书记公示和结账。'
      back={{ tab: ROUTES.mine, text: '回到“我的”' }}
    >
      {(me) => (
        <View className='commitment-month'>
          <View className='commitment-month__months'>
            <Button className='app-button app-button--secondary commitment-month__prev' onClick={() => setMonth((m) => addMonths(m, -1))}>
              ‹ 上个月
            </Button>
            <Text className='commitment-month__month'>{monthLabel(month)}</Text>
            <Button
              className='app-button app-button--secondary commitment-month__next'
              disabled={month >= addMonths(beijingMonthOf(Date.now()), 1)}
              onClick={() => setMonth((m) => addMonths(m, 1))}
            >
              下个月 ›
            </Button>
          </View>
          {stats.status === 'loading' ? <LoadingState text='正在加载承诺统计…' /> : null}
          {stats.status === 'error' && stats.error ? <CallErrorView error={stats.error} onRetry={() => void stats.reload()} /> : null}
          {stats.data && stats.data.month === month ? (
            <MonthView s={stats.data} branchId={me.branch.id} onChanged={() => void stats.reload()} />
          ) : null}
        </View>
      )}
    </SecretaryOnly>
  )
}

function MonthView({ s, branchId, onChanged }: { s: CommitmentStats; branchId: string; onChanged: () => void }) {
  const [asking, setAsking] = useState<Asking>(null)
  const publishing = useAction(publishBoard)
  const closing = useAction(closeMonth)
  const exporting = useAction(exportCommitmentLedger)
  const [exported, setExported] = useState<CommitmentLedgerExport | null>(null)
  const [openFailed, setOpenFailed] = useState(false)
  const now = Date.now()
  const phase = commitmentMonthPhase(s.month, now)
  const deadline = formatMoment(new Date(resultDeadlineMs(s.month)).toISOString(), now)
  const canPublish = s.status === 'unpublished' && phase === 'running'
  const mayClose = s.status === 'published' && (phase === 'due' || (phase === 'results' && s.figures.outcomes.open === 0))

  const confirm = async () => {
    const done = asking === 'publish' ? await publishing.run(s.month) : await closing.run(s.month)
    if (!done) return
    void Taro.showToast({ title: asking === 'publish' ? '已公示' : '已结账', icon: 'success' })
    setAsking(null)
    onChanged()
  }

  const exportLedger = async () => {
    setOpenFailed(false)
    const file = await exporting.run(s.month)
    if (!file) return
    setExported(file)
    if (!(await openLedger(file))) setOpenFailed(true)
  }

  const view = (route: string) => void Taro.navigateTo({ url: withQuery(route, { branchId, month: s.month }) })

  return (
    <>
      <View className='app-card commitment-month__board'>
        <Text className='app-card__title'>承诺榜</Text>
        <Text className={`commitment-month__status commitment-month__status--${s.status}`}>{COMMITMENT_BOARD_STATUS_LABELS[s.status]}</Text>
        <Text className='commitment-month__line commitment-month__plans'>
          {COMMITMENT_PLAN_STATUS_LABELS.published} {s.plans.published} 人 · {COMMITMENT_PLAN_STATUS_LABELS.submitted} {s.plans.submitted} 人 · 草稿{' '}
          {s.plans.draft} 人 · 已退回 {s.plans.returned} 人 · 未制定 {s.withoutPlan} 人
        </Text>
        {s.plans.submitted > 0 ? (
          <Button
            className='app-button app-button--secondary app-button--block commitment-month__to-review'
            onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryCommitmentReview })}
          >
            去审核（{s.plans.submitted} 份）
          </Button>
        ) : null}
        {canPublish ? (
          <Button className='app-button app-button--block commitment-month__publish' onClick={() => setAsking('publish')}>
            公示本月承诺榜
          </Button>
        ) : null}
        {s.status === 'unpublished' && phase === 'upcoming' ? (
          <Text className='commitment-month__line commitment-month__hint'>本月 1 日起可以公示承诺榜；在此之前可以先审核党员提交的承诺。</Text>
        ) : null}
        {s.status === 'published' && (phase === 'results' || phase === 'due') ? (
          mayClose ? (
            <Button className='app-button app-button--block commitment-month__close' onClick={() => setAsking('close')}>
              结账（结束本月）
            </Button>
          ) : (
            <Text className='commitment-month__line commitment-month__hint'>
              还有 {s.figures.outcomes.open} 条承诺没有晒业绩；全部晒完即可结账，{deadline} 将自动结账。
            </Text>
          )
        ) : null}
        {s.status === 'published' && phase === 'running' ? (
          <Text className='commitment-month__line commitment-month__hint'>
            晒业绩截至 {lastResultDay(new Date(resultDeadlineMs(s.month)).toISOString(), now)}（含当天），之后自动结账。
          </Text>
        ) : null}
        {s.status !== 'unpublished' ? (
          <View className='commitment-month__views'>
            <Button className='app-button app-button--secondary commitment-month__to-display' onClick={() => view(COMMITMENT_ROUTES.boardDisplay)}>
              投影展示
            </Button>
            <Button className='app-button app-button--secondary commitment-month__to-print' onClick={() => view(COMMITMENT_ROUTES.boardPrint)}>
              打印公示栏
            </Button>
          </View>
        ) : null}
        <Button
          className='app-button app-button--secondary app-button--block commitment-month__to-panel'
          onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryCommitmentPanel })}
        >
          编辑亮职责
        </Button>
      </View>

      <View className='app-card commitment-month__branch'>
        <Text className='app-card__title'>全支部</Text>
        <CommitmentFigures figures={s.figures} className='commitment-month__branch-figures' />
        <FigureBars figures={s.figures} />
      </View>

      <View className='app-card commitment-month__members'>
        <Text className='app-card__title'>每位党员</Text>
        {s.members.length === 0 ? <Text className='commitment-month__line'>这个月还没有人制定承诺。</Text> : null}
        {s.members.map((m) => (
          <View key={m.planId} className='commitment-month__member'>
            <View className='commitment-month__member-head'>
              <Text className='commitment-month__member-name'>{m.name}</Text>
              <Text className='commitment-month__member-status'>{COMMITMENT_PLAN_STATUS_LABELS[m.status]}</Text>
            </View>
            <Rates figures={m.figures} className='commitment-month__member-rates' />
          </View>
        ))}
      </View>

      <View className='app-card commitment-month__ledger'>
        <Text className='app-card__title'>台账</Text>
        <Text className='app-card__hint'>承诺事项、修改记录、进度、兑现情况和群众评议，导出为 Excel。</Text>
        <LedgerExport
          pending={exporting.pending !== null}
          error={exporting.error?.message ?? null}
          exported={exported}
          openFailed={openFailed}
          onExport={() => void exportLedger()}
          onCopyLink={(url) => void Taro.setClipboardData({ data: url })}
        />
      </View>

      <ConfirmDialog
        className='commitment-month__dialog'
        visible={asking !== null}
        tone={asking === 'close' ? 'danger' : 'normal'}
        title={asking === 'publish' ? `公示${monthLabel(s.month)}承诺榜` : `结束${monthLabel(s.month)}`}
        message={
          asking === 'publish'
            ? `公示后，本支部已公示的 ${s.plans.published} 份承诺和亮职责对所有人可见（扫码即可查看），群众可以开始评议。`
            : `结账后本月承诺榜冻结，不能再修改、晒进度或晒业绩；兑现率和满意度按此时计算并保存。${s.figures.outcomes.open > 0 ? `尚未晒业绩的 ${s.figures.outcomes.open} 条将记为逾期未晒。` : ''}`
        }
        confirmText={asking === 'publish' ? '确认公示' : '确认结账'}
        submitting={publishing.pending !== null || closing.pending !== null}
        error={(asking === 'publish' ? publishing.error : closing.error)?.message ?? null}
        onConfirm={() => void confirm()}
        onCancel={() => setAsking(null)}
      />
    </>
  )
}

function Rates({ figures, className }: { figures: Figures; className: string }) {
  return (
    <View className={`commitment-month__rates ${className}`}>
      <Text className='commitment-month__rate commitment-month__fulfilment'>
        兑现率 <Text className='commitment-month__rate-value'>{rateText(figures.fulfilmentRate)}</Text>
      </Text>
      <Text className='commitment-month__rate commitment-month__satisfaction'>
        满意度 <Text className='commitment-month__rate-value'>{rateText(figures.satisfactionRate)}</Text>
      </Text>
    </View>
  )
}

function FigureBars({ figures }: { figures: Figures }) {
  const o = figures.outcomes
  const items = COMMITMENT_OUTCOMES.reduce((n, k) => n + o[k], o.open)
  const rated = COMMITMENT_SATISFACTIONS.reduce((n, k) => n + figures.satisfaction[k], 0)
  return (
    <>
      <Text className='commitment-month__sub'>承诺事项（共 {items} 条）</Text>
      <ScoreBars
        className='commitment-month__outcomes'
        bars={[...COMMITMENT_OUTCOMES.map((k) => ({ key: k, label: COMMITMENT_OUTCOME_LABELS[k], value: o[k] })), { key: 'open', label: '未晒', value: o.open }]}
        max={Math.max(1, items)}
        unit='条'
      />
      <Text className='commitment-month__sub'>群众评议（共 {rated} 人次）</Text>
      {rated === 0 ? (
        <Text className='commitment-month__line'>还没有人评议。</Text>
      ) : (
        <ScoreBars
          className='commitment-month__ratings'
          bars={COMMITMENT_SATISFACTIONS.map((k) => ({ key: k, label: COMMITMENT_SATISFACTION_LABELS[k], value: figures.satisfaction[k] }))}
          max={rated}
          unit='人'
        />
      )}
    </>
  )
}
