import cloud from 'wx-server-sdk'
import { startLocalCloud, useCaller } from '../local-cloud'

/**
 * Child process for the durability spec: hosts a local cloud on `dataDir` and writes through the
 * real SDK, printing `ack <id> <counter>` only after each add AND the following increment resolved.
 * The parent kills it with SIGKILL at some point and checks that every acknowledged write survived.
 *
 * Usage: node durability-writer.js <dataDir> <count>
 */
async function main(): Promise<void> {
  const [dataDir, countText] = process.argv.slice(2)
  if (!dataDir || !countText) throw new Error('usage: durability-writer <dataDir> <count>')
  const local = await startLocalCloud({ dataDir, environmentFile: null })
  useCaller(local, 'durability-writer')
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
  const db = cloud.database()
  const _ = db.command
  await db.collection('counters').add({ data: { _id: 'acks', n: 0 } })
  process.stdout.write('ready\n')
  for (let i = 0; i < Number(countText); i++) {
    const id = `doc-${String(i).padStart(5, '0')}`
    await db.collection('durable').add({ data: { _id: id, i, at: new Date() } })
    await db.collection('counters').doc('acks').update({ data: { n: _.inc(1) } })
    process.stdout.write(`ack ${id} ${i + 1}\n`)
  }
  process.stdout.write('done\n')
  await local.close()
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
  process.exit(1)
})
