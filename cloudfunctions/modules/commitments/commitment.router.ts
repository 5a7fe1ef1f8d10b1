import { commitmentContract } from '../../contracts/commitment.contract'
import { createRouter } from '../../shared/router'
import { board, mine, months, plan, plans, stats } from './browse-commitments.use-case'
import { closeMonths } from './close-month.use-case'
import { CommitmentErrors } from './commitment.errors'
import { addProgress, revise, saveDraft, setOutcome, submit } from './edit-plan.use-case'
import { closeMonth, publishBoard, queue, review } from './review-plan.use-case'

const notYet = async (): Promise<never> => {
  throw CommitmentErrors.notYet()
}

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
  closeMonths: { auth: 'timer', handle: (input, ctx) => closeMonths(input, ctx) },
  // Built beside this router (cards, ratings, ledger, reminders): each line is replaced by its use case.
  myCard: { auth: 'partyMember', handle: notYet },
  saveCard: { auth: 'partyMember', handle: notYet },
  savePanel: { auth: 'secretary', handle: notYet },
  ratings: { auth: 'signedIn', handle: notYet },
  rate: { auth: 'inBranch', handle: notYet },
  reply: { auth: 'inBranch', handle: notYet },
  reviewComment: { auth: 'secretary', handle: notYet },
  exportLedger: { auth: 'secretary', handle: notYet },
  remind: { auth: 'timer', handle: notYet },
})
