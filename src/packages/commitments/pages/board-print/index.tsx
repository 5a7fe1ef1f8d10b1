import { useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { CommitmentPanel, CommitmentPlanSummary } from '@contracts'
import { COMMITMENT_BOARD_STATUS_LABELS, COMMITMENT_CATEGORY_LABELS, COMMITMENT_OUTCOME_LABELS } from '@contracts/rules'
import { EmptyState } from '@/components/empty-state'
import { LoadingState } from '@/components/loading-state'
import { QrImage } from '@/components/qr-image'
import { boardLink, currentSite, rateText } from '@/features/commitments/board-format'
import { monthLabel } from '@/features/commitments/rules/commitment-month.rules'
import { useBoardSheet } from '@/features/commitments/hooks/use-board-sheet'
import { CallErrorView } from '@/features/session'
import { formatBeijingDate } from '@/utils/beijing-time'
import { safeDecode } from '@/utils/safe-decode'
import './index.scss'

const PANEL_SECTIONS = [
  ['responsibilities', '职责清单'],
  ['tasks', '任务清单'],
  ['process', '服务流程'],
] as const

/**
 * 承诺公示栏 for the notice board: a branch's month on A4 paper (the print stylesheet sets the page), with
 * 亮职责, every member's commitments with their state, the figures, and a code that opens the public
 * board where residents read the details and rate. `?branchId=&month=`; public data only.
 */
export default function BoardPrintPage() {
  const router = useRouter()
  const branchId = router.params.branchId ? safeDecode(router.params.branchId) : null
  const month = router.params.month ? safeDecode(router.params.month) : null
  const sheet = useBoardSheet(branchId, month)

  if (sheet.status === 'loading') return <View className='board-print board-print--plain'><LoadingState text='正在准备公示栏…' /></View>
  if (!sheet.data) {
    return <View className='board-print board-print--plain'>{sheet.error ? <CallErrorView error={sheet.error} onRetry={() => void sheet.reload()} /> : null}</View>
  }
  const { board, plans } = sheet.data
  if (board.status === 'unpublished') {
    return (
      <View className='board-print board-print--plain'>
        <EmptyState className='board-print__unpublished' title={`${monthLabel(board.month)}承诺榜还没有公示`} hint='公示后才能打印公示栏。' />
      </View>
    )
  }
  const link = boardLink(board.branchId, board.month, currentSite())

  return (
    <View className='board-print'>
      {process.env.TARO_ENV === 'h5' ? (
        <View className='board-print__tools'>
          <Text className='board-print__tools-text'>用 A4 纸纵向打印；打印时这一行不会印出。</Text>
          <Button className='app-button board-print__print' onClick={() => window.print()}>
            打印
          </Button>
        </View>
      ) : null}
      <View className='board-print__sheet'>
        <View className='board-print__head'>
          <Text className='board-print__title'>{board.branchName}</Text>
          <Text className='board-print__subtitle'>
            {monthLabel(board.month)}党员公开承诺公示栏（{COMMITMENT_BOARD_STATUS_LABELS[board.status]}）
          </Text>
        </View>

        <View className='board-print__summary'>
          <View className='board-print__figures'>
            <Text className='board-print__figure'>
              兑现率 <Text className='board-print__figure-value board-print__fulfilment'>{rateText(board.figures.fulfilmentRate)}</Text>
            </Text>
            <Text className='board-print__figure'>
              群众满意度 <Text className='board-print__figure-value board-print__satisfaction'>{rateText(board.figures.satisfactionRate)}</Text>
            </Text>
            <Text className='board-print__figure'>公示党员 {plans.length} 名</Text>
          </View>
          <Panel panel={board.panel} />
        </View>

        <View className='board-print__table'>
          <View className='board-print__row board-print__row--head'>
            <Text className='board-print__cell board-print__cell--who'>姓名 / 岗位</Text>
            <Text className='board-print__cell board-print__cell--items'>承诺事项</Text>
            <Text className='board-print__cell board-print__cell--state'>进度 / 兑现</Text>
            <Text className='board-print__cell board-print__cell--rate'>兑现率 / 满意度</Text>
          </View>
          {plans.map((p) => (
            <PlanRow key={p.planId} plan={p} />
          ))}
          {plans.length === 0 ? <Text className='board-print__none'>这个月还没有公示的承诺。</Text> : null}
        </View>

        <View className='board-print__foot'>
          <QrImage className='board-print__qr' value={link} />
          <View className='board-print__foot-text'>
            <Text className='board-print__scan'>微信扫码查看每位党员的承诺详情、进度和兑现情况，本支部群众和党员可以参与评议。</Text>
            <Text className='board-print__dated'>
              {board.publishedAt ? `${formatBeijingDate(board.publishedAt)} 公示` : ''}
              {board.closedAt ? ` · ${formatBeijingDate(board.closedAt)} 结账` : ''}
            </Text>
          </View>
        </View>
      </View>
    </View>
  )
}

function Panel({ panel }: { panel: CommitmentPanel }) {
  const any = PANEL_SECTIONS.some(([k]) => panel[k].length > 0) || Boolean(panel.hotline)
  if (!any) return null
  return (
    <View className='board-print__panel'>
      <Text className='board-print__panel-title'>支部亮职责</Text>
      {PANEL_SECTIONS.map(([key, label]) =>
        panel[key].length > 0 ? (
          <Text key={key} className={`board-print__panel-line board-print__panel-${key}`}>
            {label}：{panel[key].map((l, i) => (key === 'process' ? `${i + 1}. ${l}` : l)).join('；')}
          </Text>
        ) : null,
      )}
      {panel.hotline ? <Text className='board-print__panel-line board-print__hotline'>服务热线：{panel.hotline}</Text> : null}
    </View>
  )
}

function PlanRow({ plan }: { plan: CommitmentPlanSummary }) {
  return (
    <View className='board-print__row'>
      <View className='board-print__cell board-print__cell--who'>
        <Text className='board-print__name'>{plan.card.name}</Text>
        <Text className='board-print__post'>{plan.card.post}</Text>
        {plan.card.phone ? <Text className='board-print__phone'>{plan.card.phone}</Text> : null}
      </View>
      <View className='board-print__cell board-print__cell--items'>
        {plan.items.map((item, i) => (
          <Text key={item.itemId} className='board-print__item'>
            {i + 1}.【{COMMITMENT_CATEGORY_LABELS[item.category]}】{item.text}
            {item.revisions > 0 ? `（已修改 ${item.revisions} 次）` : ''}
          </Text>
        ))}
      </View>
      <View className='board-print__cell board-print__cell--state'>
        {plan.items.map((item) => (
          <Text key={item.itemId} className={`board-print__state board-print__state--${item.outcome?.outcome ?? 'progress'}`}>
            {item.outcome ? COMMITMENT_OUTCOME_LABELS[item.outcome.outcome] : `进度 ${item.percent}%`}
          </Text>
        ))}
      </View>
      <View className='board-print__cell board-print__cell--rate'>
        <Text className='board-print__rate'>{rateText(plan.figures.fulfilmentRate)}</Text>
        <Text className='board-print__rate'>{rateText(plan.figures.satisfactionRate)}</Text>
      </View>
    </View>
  )
}
