import cloud from 'wx-server-sdk'
import { commitmentRouter } from '../../modules/commitments/commitment.router'

// Deploy entry: wiring only. DYNAMIC_CURRENT_ENV is typed as a symbol but accepted by init.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })

export const main = commitmentRouter
