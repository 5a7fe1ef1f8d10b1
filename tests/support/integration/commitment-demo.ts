import { DEMO_OPENIDS, DEMO_PEOPLE } from '../../../cloudfunctions/emulator/seed'
import { addMonths, beijingMonthOf } from '../../../cloudfunctions/contracts/rules/commitment.rules'
import { planIdOf } from '../../../cloudfunctions/modules/commitments/commitment.rules'

/**
 * The demo commitments `npm start` seeds (cloudfunctions/emulator/seed/demo-commitments.seed.ts), as
 * the seed, ledger and privacy specs find them on the real clock: last month closed in the first branch;
 * this month published for the secretary and 李秀英, 张伟's plan waiting for review, 刘洋's a draft.
 */
export const THIS_MONTH = beijingMonthOf(Date.now())
export const LAST_MONTH = addMonths(THIS_MONTH, -1)

export const SEC = DEMO_OPENIDS.secretary
export const M1 = DEMO_OPENIDS.member1
export const M2 = DEMO_OPENIDS.member2
export const RES = DEMO_OPENIDS.resident1
export const SEC2 = DEMO_OPENIDS.secretary2
export const M3 = DEMO_OPENIDS.member3
/** Signed in, with no member record at all. */
export const NEWCOMER = DEMO_OPENIDS.newcomer

export const SEEDED_OPENIDS: readonly string[] = Object.values(DEMO_OPENIDS)
export const MEMBER_PHONES: readonly string[] = DEMO_PEOPLE.map((p) => p.phone).filter((p) => p !== '')

/** The phone the secretary chose to show on their card: the only seeded phone a public answer may carry. */
export const SHOWN_PHONE = '13800138001'

export const demoPlanId = (openid: string, month = THIS_MONTH) => planIdOf(month, openid)
