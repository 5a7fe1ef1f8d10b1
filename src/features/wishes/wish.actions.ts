import type { WishDetail, WishSatisfaction } from '@contracts'
import { callCloud } from '@/services/cloud'
import { refuse, type ActionSpec, type KeyedActionSpec } from '@/features/shared/use-action'
import { markWishesChanged } from './wish-changes'

/* The actions of the wish page and the review queue: each one cloud call, answered with the wish as it is now. */

const required = (message: string, field: string) => refuse({ code: 'COMMON.INVALID_INPUT', message, fields: { [field]: message } })

/** 认领: one member per wish; the loser of a race is told 已被认领 (WISH.ALREADY_CLAIMED). */
export const claimWish: ActionSpec<[wishId: string], WishDetail> = {
  send: (wishId) => callCloud('wish', 'claim', { wishId }),
  onDone: markWishesChanged,
}

/** 撤回 by the poster, until it is claimed; the reason is optional. */
export const withdrawWish: ActionSpec<[wishId: string, reason: string], WishDetail> = {
  send: (wishId, reason) => callCloud('wish', 'withdraw', reason.trim() ? { wishId, reason: reason.trim() } : { wishId }),
  onDone: markWishesChanged,
}

/** 记录进展: the poster reads it; it also keeps the claim from being released as idle. */
export const addWishProgress: ActionSpec<[wishId: string, note: string], WishDetail> = {
  send: (wishId, note) => (note.trim() ? callCloud('wish', 'addProgress', { wishId, note: note.trim() }) : required('请写下这次做了什么', 'note')),
  onDone: markWishesChanged,
}

/** 交还 with a reason: the wish is open again for another member. */
export const giveBackWish: ActionSpec<[wishId: string, reason: string], WishDetail> = {
  send: (wishId, reason) => (reason.trim() ? callCloud('wish', 'giveBack', { wishId, reason: reason.trim() }) : required('请填写交还的原因', 'reason')),
  onDone: markWishesChanged,
}

/** 标记完成 with a note and at least one photo already uploaded under `wish-photos/`. */
export const fulfilWish: ActionSpec<[wishId: string, note: string, photos: string[]], WishDetail> = {
  send: (wishId, note, photos) =>
    !note.trim()
      ? required('请写一写是怎么完成的', 'note')
      : photos.length === 0
        ? required('请至少上传 1 张完成照片', 'photos')
        : callCloud('wish', 'fulfil', { wishId, note: note.trim(), photos }),
  onDone: markWishesChanged,
}

export interface ConfirmValues {
  satisfaction: WishSatisfaction
  thanks: string
  reason: string
  showProofOnWall: boolean
}

/** 确认完成: 满意 / 基本满意 / 不满意 (with a reason: it goes back to the claimer, once). */
export const confirmWish: ActionSpec<[wishId: string, values: ConfirmValues], WishDetail> = {
  send: (wishId, v) =>
    v.satisfaction === 'unsatisfied' && !v.reason.trim()
      ? required('请写下不满意的原因，认领人会再来完善', 'reason')
      : callCloud('wish', 'confirm', {
          wishId,
          satisfaction: v.satisfaction,
          showProofOnWall: v.showProofOnWall,
          ...(v.thanks.trim() ? { thanks: v.thanks.trim() } : {}),
          ...(v.satisfaction === 'unsatisfied' ? { reason: v.reason.trim() } : {}),
        }),
  onDone: markWishesChanged,
}

/** 代为确认 by the branch secretary, 7 days after it was fulfilled with nobody confirming. */
export const confirmWishOnBehalf: ActionSpec<[wishId: string], WishDetail> = {
  send: (wishId) => callCloud('wish', 'confirmOnBehalf', { wishId }),
  onDone: markWishesChanged,
}

/** 审核通过, optionally 对所有支部开放 (any branch's members may claim it). */
export const approveWish: ActionSpec<[wishId: string, openToAll: boolean], WishDetail> = {
  send: (wishId, openToAll) => callCloud('wish', 'review', { wishId, decision: 'approve', openToAll }),
  onDone: markWishesChanged,
}

/** 不通过 with a reason the poster is told. */
export const rejectWish: ActionSpec<[wishId: string, reason: string], WishDetail> = {
  send: (wishId, reason) =>
    reason.trim() ? callCloud('wish', 'review', { wishId, decision: 'reject', reason: reason.trim() }) : required('请填写不通过的原因', 'reason'),
  onDone: markWishesChanged,
}

/** A text the content check held: the branch secretary lets it show (`pass`) or keeps it hidden (`reject`). */
export const reviewWishText: KeyedActionSpec<[wishId: string, key: string, decision: 'pass' | 'reject'], WishDetail, string> = {
  send: (wishId, key, decision) => callCloud('wish', 'reviewText', { wishId, key, decision }),
  pendingOf: (_wishId, key) => key,
  onDone: markWishesChanged,
}
