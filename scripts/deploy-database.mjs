// The two deploy steps the CLI cannot carry out, done with @cloudbase/manager-node (the library the CLI
// itself bundles, installed on first use at the version pinned in scripts/weapp/on-demand-tools.mjs):
// - the collections, their permissions and indexes. cloudbaserc.json declares them for the CloudBase
//   Framework database plugin, but `tcb framework deploy` cannot load any plugin in CLI 2.12.10 (its
//   bundle resolves plugins through an empty webpack context), and registry.npmjs.org answers 404 for it;
// - a check of each function as deployed: `tcb fn deploy` reports a failed upload, configuration or
//   trigger with exit status 0.
// The rules (`indexChanges`, `functionProblems`) are pure, so tests hold them without an account.
import { existsSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const key = (index) => `${index.unique ? 'unique ' : ''}(${index.keys.join(', ')})`

/**
 * What to do to a collection's indexes online (`[{ Name, Keys: [{ Name, Direction }], Unique }]`, as
 * DescribeTable answers) to hold the declared ones (`{ name, unique, keys: ['field:1'] }`): the missing
 * ones to create, and the ones of the same name that differ. Those are reported, not dropped: dropping a
 * unique index on a live collection lets duplicates in until it is back. Online indexes the declaration
 * does not name (`_id_`, one made in the console) are left alone.
 */
export function indexChanges(declared, online) {
  const create = []
  const differ = []
  for (const index of declared) {
    const found = online.find((o) => o.Name === index.name)
    if (!found) {
      create.push({
        IndexName: index.name,
        MgoKeySchema: {
          MgoIsUnique: index.unique,
          MgoIndexKeys: index.keys.map((k) => {
            const [name, direction] = k.split(':')
            return { Name: name, Direction: direction }
          }),
        },
      })
      continue
    }
    const onlineIndex = { unique: Boolean(found.Unique), keys: (found.Keys ?? []).map((k) => `${k.Name}:${k.Direction}`) }
    if (key(onlineIndex) !== key(index)) differ.push(`${index.name}: online ${key(onlineIndex)}, declared ${key(index)}`)
  }
  return { create, differ }
}

/**
 * What of a function's declaration (the plan's `{ name, runtime, timeout, memorySize, triggers }`) the
 * deployed one (GetFunction's `{ Status, Runtime, Timeout, MemorySize, Triggers: [{ TriggerName, Type,
 * TriggerDesc }] }`) does not hold: an empty list when it is as declared.
 */
export function functionProblems(fn, detail) {
  if (!detail) return [`${fn.name}: not found online`]
  const problems = []
  if (detail.Status !== 'Active') problems.push(`${fn.name}: status ${detail.Status}`)
  // The cloud sets a runtime only when it creates a function; `fn deploy --force` leaves an existing one's.
  if (detail.Runtime !== fn.runtime) problems.push(`${fn.name}: runtime ${detail.Runtime} online, ${fn.runtime} declared (delete the function in the console, then deploy again)`)
  if (detail.Timeout !== fn.timeout) problems.push(`${fn.name}: timeout ${detail.Timeout} s online, ${fn.timeout} s declared`)
  if (detail.MemorySize !== fn.memorySize) problems.push(`${fn.name}: memory ${detail.MemorySize} MB online, ${fn.memorySize} MB declared`)
  for (const trigger of fn.triggers) {
    const found = (detail.Triggers ?? []).find((t) => t.TriggerName === trigger.name)
    if (!found) problems.push(`${fn.name}: no trigger ${trigger.name} online`)
    else if (cronOf(found.TriggerDesc) !== trigger.config) problems.push(`${fn.name}: trigger ${trigger.name} online is ${found.TriggerDesc}, declared "${trigger.config}" (delete it in the console, then deploy again)`)
  }
  // The CLI creates triggers and never deletes one: a renamed or removed trigger would still fire.
  for (const online of detail.Triggers ?? []) {
    if (!fn.triggers.some((t) => t.name === online.TriggerName)) problems.push(`${fn.name}: trigger ${online.TriggerName} online is not declared (delete it in the console)`)
  }
  return problems
}

/** A timer's cron from GetFunction's TriggerDesc, which may hold it bare or as `{"cron":"…"}`. */
function cronOf(desc) {
  const text = String(desc ?? '').trim()
  try {
    const parsed = JSON.parse(text)
    if (typeof parsed?.cron === 'string') return parsed.cron.trim()
  } catch {
    // bare cron
  }
  return text
}

/**
 * The API key `tcb login --apiKeyId … --apiKey …` stored (CLI 2.12.10 writes `~/.config/.cloudbase/auth.json`,
 * whatever XDG_CONFIG_HOME says), so both tools act with the one key the CLI uses. A browser login stores
 * a temporary session instead, which this step cannot renew.
 */
export function credentials(env = process.env) {
  const file = path.join(env.HOME || os.homedir(), '.config', '.cloudbase', 'auth.json')
  const stored = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).credential : undefined
  if (stored?.secretId && stored?.secretKey) return { secretId: stored.secretId, secretKey: stored.secretKey, token: stored.token || undefined }
  throw new Error('no API key stored by the CloudBase CLI: run `npx --yes @cloudbase/cli@2.12.10 logout`, then `npx --yes @cloudbase/cli@2.12.10 login --apiKeyId … --apiKey …`')
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** Each function as declared, once the cloud has finished updating it (up to two minutes each). */
export async function verifyFunctions(manager, functions, log) {
  const problems = []
  for (const fn of functions) {
    let detail = null
    for (let attempt = 0; attempt < 24; attempt += 1) {
      detail = await manager.functions.getFunctionDetail(fn.name).catch((error) => {
        // Only a missing function is an answer; a refused key or an unknown environment stops the deploy.
        if (String(error?.code ?? '').startsWith('ResourceNotFound')) return null
        throw error
      })
      if (!detail || !/ing$/.test(String(detail.Status))) break
      await sleep(5000) // Creating, Updating: the cloud is still applying the deploy
    }
    const found = functionProblems(fn, detail)
    log(found.length === 0 ? `  function ${fn.name}: as declared` : `  function ${fn.name}: ${found.join('; ')}`)
    problems.push(...found)
  }
  if (problems.length > 0) throw new Error(`functions not as declared:\n  ${problems.join('\n  ')}`)
}

/** Each declared collection created if missing, given its permission, and its missing indexes. */
export async function applyDatabase(manager, envId, collections, log) {
  const differ = []
  for (const c of collections) {
    const created = await manager.database.createCollectionIfNotExists(c.name)
    await manager.commonService().call({ Action: 'ModifyDatabaseACL', Param: { CollectionName: c.name, EnvId: envId, AclTag: c.permission } })
    const online = (await manager.database.describeCollection(c.name)).Indexes ?? []
    const changes = indexChanges(c.indexes, online)
    if (changes.create.length > 0) await manager.database.updateCollection(c.name, { CreateIndexes: changes.create })
    const made = changes.create.map((i) => i.IndexName).join(', ') || 'none'
    log(`  collection ${c.name}: ${created.IsCreated ? 'created' : 'exists'}, ${c.permission}, new indexes: ${made}`)
    differ.push(...changes.differ.map((d) => `${c.name}.${d}`))
  }
  if (differ.length > 0) throw new Error(`indexes that differ online from cloudbaserc.json (drop them in the console, then deploy again):\n  ${differ.join('\n  ')}`)
}
