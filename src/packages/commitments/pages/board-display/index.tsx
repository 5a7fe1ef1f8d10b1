import { useEffect, useMemo, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Image, Text, View } from '@tarojs/components'
import type { CommitmentPlanSummary } from '@contracts'
import { COMMITMENT_BOARD_STATUS_LABELS, COMMITMENT_CATEGORY_LABELS, COMMITMENT_OUTCOME_LABELS } from '@contracts/rules'
import { EmptyState } from '@/components/empty-state'
import { LoadingState } from '@/components/loading-state'
import { QrImage } from '@/components/qr-image'
import { boardLink, currentSite, rateText } from '@/features/commitments/board-format'
import { monthLabel } from '@/features/commitments/rules/commitment-month.rules'
import { useBoardSheet } from '@/features/commitments/hooks/use-board-sheet'
import { screensOf, SCREEN_SECONDS } from '@/features/commitments/rules/board-screens.rules'
import { CallErrorView } from '@/features/session'
import { useFullWidthPage } from '@/features/shared/use-full-width-page'
import { safeDecode } from '@/utils/safe-decode'
import './index.scss'

/**
 * 承诺榜大屏: a branch's month on a projector (sized for 1280×720 by the screen's height): the figures, the
 * code that opens the public board, and the members' commitments six to a screen, turning every
 * SCREEN_SECONDS when there are more. Public data only: the board anyone may read (`?branchId=&month=`).
 */
export default function BoardDisplayPage() {
  useFullWidthPage()
  const router = useRouter()
  const branchId = router.params.branchId ? safeDecode(router.params.branchId) : null
  const month = router.params.month ? safeDecode(router.params.month) : null
  const sheet = useBoardSheet(branchId, month)
  const screens = useMemo(() => screensOf(sheet.data?.plans ?? []), [sheet.data])
  const [shown, setShown] = useState(0)
  const at = shown % screens.length

  useEffect(() => {
    if (screens.length < 2) return undefined
    const timer = setInterval(() => setShown((n) => n + 1), SCREEN_SECONDS * 1000)
    return () => clearInterval(timer)
  }, [screens.length])

  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp' || !sheet.data) return undefined
    void Taro.setKeepScreenOn({ keepScreenOn: true }).catch(() => undefined)
    return () => void Taro.setKeepScreenOn({ keepScreenOn: false }).catch(() => undefined)
  }, [sheet.data])

  if (sheet.status === 'loading') return <View className='board-display board-display--plain'><LoadingState text='正在加载承诺榜…' /></View>
  if (!sheet.data) {
    return (
      <View className='board-display board-display--plain'>
        {sheet.error ? <CallErrorView error={sheet.error} onRetry={() => void sheet.reload()} /> : null}
      </View>
    )
  }
  const { board } = sheet.data
  if (board.status === 'unpublished') {
    return (
      <View className='board-display board-display--plain'>
        <EmptyState className='board-display__unpublished' title={`${monthLabel(board.month)}承诺榜还没有公示`} hint='支部书记公示后，这里会显示全支部党员的承诺。' />
      </View>
    )
  }

  return (
    <View className='board-display'>
      <View className='board-display__head'>
        <View className='board-display__titles'>
          <Text className='board-display__title'>{board.branchName}</Text>
          <Text className='board-display__subtitle'>
            {monthLabel(board.month)}党员公开承诺 · {COMMITMENT_BOARD_STATUS_LABELS[board.status]}
          </Text>
        </View>
        <View className='board-display__figure'>
          <Text className='board-display__figure-value board-display__fulfilment'>{rateText(board.figures.fulfilmentRate)}</Text>
          <Text className='board-display__figure-label'>兑现率</Text>
        </View>
        <View className='board-display__figure'>
          <Text className='board-display__figure-value board-display__satisfaction'>{rateText(board.figures.satisfactionRate)}</Text>
          <Text className='board-display__figure-label'>群众满意度</Text>
        </View>
        <View className='board-display__code'>
          <QrImage className='board-display__qr' value={boardLink(board.branchId, board.month, currentSite())} />
          <Text className='board-display__code-text'>扫码查看详情{'\n'}参与群众评议</Text>
        </View>
      </View>

      <View className='board-display__grid'>
        {screens[at]?.length ? (
          screens[at]?.map((p) => <PlanTile key={p.planId} plan={p} />)
        ) : (
          <Text className='board-display__none'>这个月还没有公示的承诺。</Text>
        )}
      </View>

      <View className='board-display__foot'>
        <Text className='board-display__hotline'>{board.panel.hotline ? `服务热线：${board.panel.hotline}` : ''}</Text>
        {screens.length > 1 ? (
          <Text className='board-display__screen'>
            第 {at + 1} / {screens.length} 屏 · 共 {sheet.data.plans.length} 名党员
          </Text>
        ) : null}
        <FullscreenButton />
      </View>
    </View>
  )
}

/** One member's month, as large as a sixth of the screen allows: card, items with their state, figures. */
function PlanTile({ plan }: { plan: CommitmentPlanSummary }) {
  const src = plan.card.photo?.url || plan.card.avatar
  return (
    <View className='board-display__plan'>
      <View className='board-display__who'>
        {src ? (
          <Image className='board-display__photo' src={src} mode='aspectFill' />
        ) : (
          <View className='board-display__photo board-display__initial'>
            <Text>{plan.card.name.slice(0, 1)}</Text>
          </View>
        )}
        <View className='board-display__who-text'>
          <Text className='board-display__name'>{plan.card.name}</Text>
          <Text className='board-display__post'>{plan.card.post}</Text>
        </View>
        <Text className='board-display__plan-rate'>兑现 {rateText(plan.figures.fulfilmentRate)}</Text>
      </View>
      {plan.items.map((item, i) => (
        <View key={item.itemId} className='board-display__item'>
          <Text className='board-display__item-text'>
            {i + 1}.【{COMMITMENT_CATEGORY_LABELS[item.category]}】{item.text}
          </Text>
          <Text className={`board-display__mark board-display__mark--${item.outcome?.outcome ?? 'progress'}`}>
            {item.outcome ? COMMITMENT_OUTCOME_LABELS[item.outcome.outcome] : `${item.percent}%`}
            {item.revisions > 0 ? ` · 改${item.revisions}次` : ''}
          </Text>
        </View>
      ))}
    </View>
  )
}

/** In a browser: the board alone on the projector. Gone while full screen: the room sees only the board. */
function FullscreenButton() {
  const [full, setFull] = useState(false)
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return undefined
    const update = () => setFull(Boolean(document.fullscreenElement))
    update()
    document.addEventListener('fullscreenchange', update)
    return () => document.removeEventListener('fullscreenchange', update)
  }, [])
  if (process.env.TARO_ENV !== 'h5' || full) return null
  return (
    <Button
      className='app-button app-button--secondary board-display__fullscreen'
      onClick={() => void document.documentElement.requestFullscreen?.().catch(() => undefined)}
    >
      全屏显示
    </Button>
  )
}
