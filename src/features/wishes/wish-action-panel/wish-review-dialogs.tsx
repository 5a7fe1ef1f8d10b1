import { useState } from 'react'
import type { WishDetail } from '@contracts'
import { WISH_REASON_MAX } from '@contracts/rules'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { OptionGroup } from '@/components/option-group'
import { useAction } from '@/features/shared/use-action'
import { approveWish, rejectWish } from '../wish.actions'

export type ReviewDecision = 'approve' | 'reject'

export interface WishReviewDialogsProps {
  /** The wish being reviewed and the decision asked for; null when no dialog is open. */
  target: { id: string; title: string; decision: ReviewDecision } | null
  onDone: (wish: WishDetail) => void
  onClose: () => void
}

const AUDIENCE = [
  { value: 'branch' as const, label: '本支部认领', hint: '只有本支部的党员能看到、认领' },
  { value: 'all' as const, label: '对所有支部开放', hint: '各支部的党员都能认领，例如机关支部的党员' },
]

/** 审核: 通过 (optionally 对所有支部开放) or 不通过 with a reason the poster reads; both ask first. */
export function WishReviewDialogs({ target, onDone, onClose }: WishReviewDialogsProps) {
  const [audience, setAudience] = useState<'branch' | 'all'>('branch')
  const approving = useAction(approveWish)
  const rejecting = useAction(rejectWish)

  const approve = async () => {
    if (!target) return
    const done = await approving.run(target.id, audience === 'all')
    if (done) onDone(done)
  }
  const reject = async (reason: string) => {
    if (!target) return
    const done = await rejecting.run(target.id, reason)
    if (done) onDone(done)
  }

  return (
    <>
      <ConfirmDialog
        className='wish-review__approve-dialog'
        visible={target?.decision === 'approve'}
        title='审核通过'
        message={`通过后「${target?.title ?? ''}」会出现在心愿列表里，党员可以认领。`}
        confirmText='确认通过'
        submitting={approving.pending !== null}
        error={approving.error?.message ?? null}
        onConfirm={() => void approve()}
        onCancel={() => {
          approving.clearError()
          setAudience('branch')
          onClose()
        }}
      >
        <OptionGroup className='wish-review__audience' layout='column' options={AUDIENCE} value={audience} onChange={setAudience} />
      </ConfirmDialog>
      <ConfirmDialog
        className='wish-review__reject-dialog'
        visible={target?.decision === 'reject'}
        title='不通过'
        message='心愿人会看到不通过的原因，可以修改后重新发布。'
        confirmText='确认不通过'
        tone='danger'
        reason={{ label: '不通过的原因', placeholder: '例如：花费超出微心愿范围', maxLength: WISH_REASON_MAX }}
        submitting={rejecting.pending !== null}
        error={rejecting.error?.message ?? null}
        onConfirm={(reason) => void reject(reason)}
        onCancel={() => {
          rejecting.clearError()
          onClose()
        }}
      />
    </>
  )
}
