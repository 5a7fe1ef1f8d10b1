import { commitmentContract } from '../../contracts/commitment.contract'
import { createRouter } from '../../shared/router'
import { CommitmentErrors } from './commitment.errors'

const notYet = async (): Promise<never> => {
  throw CommitmentErrors.notYet()
}

/** The `commitment` function: 公开承诺 — members commit month by month, the secretary publishes and closes, residents rate. */
export const commitmentRouter = createRouter('commitment', commitmentContract, {
  board: { auth: 'signedIn', handle: notYet },
  plans: { auth: 'signedIn', handle: notYet },
  months: { auth: 'signedIn', handle: notYet },
  plan: { auth: 'signedIn', handle: notYet },
  mine: { auth: 'partyMember', handle: notYet },
  saveDraft: { auth: 'partyMember', handle: notYet },
  submit: { auth: 'partyMember', handle: notYet },
  revise: { auth: 'partyMember', handle: notYet },
  addProgress: { auth: 'partyMember', handle: notYet },
  setOutcome: { auth: 'partyMember', handle: notYet },
  queue: { auth: 'secretary', handle: notYet },
  review: { auth: 'secretary', handle: notYet },
  publishBoard: { auth: 'secretary', handle: notYet },
  closeMonth: { auth: 'secretary', handle: notYet },
  stats: { auth: 'secretary', handle: notYet },
  closeMonths: { auth: 'timer', handle: notYet },
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
