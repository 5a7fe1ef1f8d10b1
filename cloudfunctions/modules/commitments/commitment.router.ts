import { commitmentContract } from '../../contracts/commitment.contract'
import { createRouter } from '../../shared/router'
import { board, mine, months, plan, plans, stats } from './browse-commitments.use-case'
import { myCard, saveCard, savePanel } from './commitment-card.use-case'
import { addProgress, revise, saveDraft, setOutcome, submit } from './edit-plan.use-case'
import { exportLedger } from './export-ledger.use-case'
import { hourly } from './hourly.use-case'
import { rate, ratings, reply, reviewComment } from './rate-commitment.use-case'
import { closeMonth, publishBoard, queue, review } from './review-plan.use-case'

/** The `commitment` function: 公开承诺 — members commit month by month, the secretary publishes and closes, residents rate. */
export const commitmentRouter = createRouter('commitment', commitmentContract, {
  board: { auth: 'signedIn', handle: (input, ctx) => board(input, ctx) },
  plans: { auth: 'signedIn', handle: (input, ctx) => plans(input, ctx) },
  months: { auth: 'signedIn', handle: (input, ctx) => months(input, ctx) },
  plan: { auth: 'signedIn', handle: (input, ctx) => plan(input, ctx) },
  mine: { auth: 'partyMember', handle: (input, ctx) => mine(input, ctx) },
  saveDraft: { auth: 'partyMember', handle: (input, ctx) => saveDraft(input, ctx) },
  submit: { auth: 'partyMember', handle: (input, ctx) => submit(input, ctx) },
  revise: { auth: 'partyMember', handle: (input, ctx) => revise(input, ctx) },
  addProgress: { auth: 'partyMember', handle: (input, ctx) => addProgress(input, ctx) },
  setOutcome: { auth: 'partyMember', handle: (input, ctx) => setOutcome(input, ctx) },
  queue: { auth: 'secretary', handle: (input, ctx) => queue(input, ctx) },
  review: { auth: 'secretary', handle: (input, ctx) => review(input, ctx) },
  publishBoard: { auth: 'secretary', handle: (input, ctx) => publishBoard(input, ctx) },
  closeMonth: { auth: 'secretary', handle: (input, ctx) => closeMonth(input, ctx) },
  stats: { auth: 'secretary', handle: (input, ctx) => stats(input, ctx) },
  myCard: { auth: 'partyMember', handle: (input, ctx) => myCard(input, ctx) },
  saveCard: { auth: 'partyMember', handle: (input, ctx) => saveCard(input, ctx) },
  savePanel: { auth: 'secretary', handle: (input, ctx) => savePanel(input, ctx) },
  ratings: { auth: 'signedIn', handle: (input, ctx) => ratings(input, ctx) },
  rate: { auth: 'inBranch', handle: (input, ctx) => rate(input, ctx) },
  // The member rated or the branch secretary: both party members; the use case tells which.
  reply: { auth: 'partyMember', handle: (input, ctx) => reply(input, ctx) },
  reviewComment: { auth: 'secretary', handle: (input, ctx) => reviewComment(input, ctx) },
  exportLedger: { auth: 'secretary', handle: (input, ctx) => exportLedger(input, ctx) },
  hourly: { auth: 'timer', handle: (input, ctx) => hourly(input, ctx) },
})
