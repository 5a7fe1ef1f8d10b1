import type { WishDetail } from '@contracts'

/**
 * What the viewer is told when there is nothing for them to do on the wish now: who acts next, so a
 * resident waiting on a review or a claim knows the wish has not been forgotten.
 */
export function wishWaitingText(w: Pick<WishDetail, 'status' | 'relation' | 'claimerName'>): string {
  const mine = w.relation === 'poster'
  switch (w.status) {
    case 'pending':
      return mine ? '已提交，等待支部书记审核。审核通过后党员就能看到。' : '等待支部书记审核。'
    case 'open':
      return mine ? '审核已通过，正在等党员认领。' : '这个心愿正在等人认领。'
    case 'claimed':
      return mine ? `${w.claimerName ?? '党员'}已认领，会联系您。` : `已由${w.claimerName ?? '党员'}认领。`
    case 'fulfilled':
      return mine ? '认领人已标记完成，请确认。' : '已完成，等待心愿人确认。'
    case 'confirmed':
      return '心愿已实现，已在圆梦墙展示。'
    case 'rejected':
      return mine ? '没有通过审核，原因见上方。可以修改后重新发布。' : '没有通过审核。'
    case 'withdrawn':
      return '心愿已撤回。'
  }
}
