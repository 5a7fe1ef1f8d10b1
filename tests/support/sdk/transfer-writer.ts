import cloud from 'wx-server-sdk'
import { startLocalCloud, useCaller } from '../local-cloud'
import { ACCOUNT_IDS, START_BALANCE, transferOf } from './transfer-ledger'

/**
 * Child process for the transaction-durability spec: hosts a local cloud on `dataDir` and commits
 * `count` transfers through the real SDK's `db.runTransaction`, each one debiting one account, crediting
 * another, adding its `transfers` record and counting it in `ledger/tally` — four documents in three
 * collections. It prints `ack <seq>` only after the transaction resolved. The parent kills it (or it is
 * made to kill itself mid-commit, see crash-after-append.ts) and checks what the data folder holds.
 *
 * Usage: node transfer-writer.js <dataDir> <count>
 */
interface TransactionDoc {
  update(options: { data: Record<string, unknown> }): Promise<unknown>
}
interface Transaction {
  collection(name: string): {
    doc(id: string): TransactionDoc
    add(options: { data: Record<string, unknown> }): Promise<unknown>
  }
}

async function main(): Promise<void> {
  const [dataDir, countText] = process.argv.slice(2)
  if (!dataDir || !countText) throw new Error('usage: transfer-writer <dataDir> <count>')
  const local = await startLocalCloud({ dataDir, environmentFile: null })
  useCaller(local, 'transfer-writer')
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
  const db = cloud.database()
  const _ = db.command
  const run = db.runTransaction.bind(db) as (work: (t: Transaction) => Promise<void>) => Promise<void>
  await db.collection('accounts').add({ data: ACCOUNT_IDS.map((_id) => ({ _id, balance: START_BALANCE })) as unknown as Record<string, unknown> })
  await db.collection('ledger').add({ data: { _id: 'tally', n: 0 } })
  process.stdout.write('ready\n')
  for (let seq = 1; seq <= Number(countText); seq++) {
    const transfer = transferOf(seq)
    await run(async (t) => {
      // Staged in this order, so a commit applies `accounts` first: a crash after its first write
      // would leave money debited and credited nowhere.
      await t.collection('accounts').doc(transfer.from).update({ data: { balance: _.inc(-transfer.amount) } })
      await t.collection('accounts').doc(transfer.to).update({ data: { balance: _.inc(transfer.amount) } })
      await t.collection('transfers').add({ data: { ...transfer } })
      await t.collection('ledger').doc('tally').update({ data: { n: _.inc(1) } })
    })
    process.stdout.write(`ack ${seq}\n`)
  }
  process.stdout.write('done\n')
  await local.close()
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
  process.exit(1)
})
