import { wishContract } from '../../contracts/wish.contract'
import { createRouter } from '../../shared/router'
import { getWish, listWishes, myClaims, myWishes, wishStats, wishWall } from './browse-wishes.use-case'
import { exportLedger } from './export-ledger.use-case'
import { addProgress, claimWish, fulfilWish, giveBack, withdrawWish } from './claim-wish.use-case'
import { confirmOnBehalf, confirmWish } from './confirm-wish.use-case'
import { postWish } from './post-wish.use-case'
import { releaseIdle } from './release-idle.use-case'
import { reviewText, reviewWish } from './review-wish.use-case'

/** The `wish` function: 微心愿 — residents post, the secretary reviews, members claim and fulfil, residents confirm. */
export const wishRouter = createRouter('wish', wishContract, {
  post: { auth: 'inBranch', handle: (input, ctx) => postWish(input, ctx) },
  list: { auth: 'inBranch', handle: (input, ctx) => listWishes(input, ctx) },
  mine: { auth: 'inBranch', handle: (input, ctx) => myWishes(input, ctx) },
  myClaims: { auth: 'partyMember', handle: (input, ctx) => myClaims(input, ctx) },
  get: { auth: 'inBranch', handle: (input, ctx) => getWish(input, ctx) },
  review: { auth: 'secretary', handle: (input, ctx) => reviewWish(input, ctx) },
  reviewText: { auth: 'secretary', handle: (input, ctx) => reviewText(input, ctx) },
  withdraw: { auth: 'inBranch', handle: (input, ctx) => withdrawWish(input, ctx) },
  claim: { auth: 'partyMember', handle: (input, ctx) => claimWish(input, ctx) },
  addProgress: { auth: 'partyMember', handle: (input, ctx) => addProgress(input, ctx) },
  giveBack: { auth: 'partyMember', handle: (input, ctx) => giveBack(input, ctx) },
  fulfil: { auth: 'partyMember', handle: (input, ctx) => fulfilWish(input, ctx) },
  confirm: { auth: 'inBranch', handle: (input, ctx) => confirmWish(input, ctx) },
  confirmOnBehalf: { auth: 'secretary', handle: (input, ctx) => confirmOnBehalf(input, ctx) },
  wall: { auth: 'signedIn', handle: (input, ctx) => wishWall(input, ctx) },
  stats: { auth: 'secretary', handle: (input, ctx) => wishStats(input, ctx) },
  exportLedger: { auth: 'secretary', handle: (input, ctx) => exportLedger(input, ctx) },
  releaseIdle: { auth: 'timer', handle: (input, ctx) => releaseIdle(input, ctx) },
})
