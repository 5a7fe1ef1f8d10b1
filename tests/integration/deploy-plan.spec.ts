import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { readDeclaredFunctions } from '../../cloudfunctions/emulator/host/environment-declaration'
import { ALL_COLLECTIONS } from '../../cloudfunctions/shared/collections'

/**
 * `npm run deploy -- --dry-run` against the build: what the CLI would deploy is what cloudbaserc.json
 * declares, and the bundles in dist/cloudfunctions/ are exactly those, each with the config.json that
 * WeChat DevTools would upload.
 */
const ROOT = path.resolve(__dirname, '../..')
const FUNCTIONS_DIR = path.join(ROOT, 'dist/cloudfunctions')

interface Trigger {
  name: string
  type: string
  config: string
}
interface DeclaredFunction {
  name: string
  runtime: string
  timeout: number
  memorySize: number
  installDependency: boolean
  envVariables: Record<string, string>
  permissions: { openapi: string[] }
  triggers?: Trigger[]
}
interface Plan {
  envId: string
  cwd: string
  functions: Array<{ name: string; timeout: number; envVariables: string[]; permissions: string[]; triggers: Trigger[] }>
  collections: Array<{ name: string; permission: string; indexes: Array<{ name: string; unique: boolean; keys: string[] }> }>
  steps: Array<{ what: string; tool: 'tcb'; args: string[] } | { what: string; tool: 'manager'; action: string }>
  problems: string[]
}
type FilledFile = Record<string, unknown> & { envId: string; functionRoot: string; functions: DeclaredFunction[] }
interface OnlineIndex {
  Name: string
  Keys: Array<{ Name: string; Direction: string }>
  Unique: boolean
}

const declaration = JSON.parse(readFileSync(path.join(ROOT, 'cloudbaserc.json'), 'utf8')) as { envId: string; functions: DeclaredFunction[] }

function dryRun(env: Record<string, string | undefined>): Plan {
  const out = execFileSync(process.execPath, [path.join(ROOT, 'scripts/deploy.mjs'), '--dry-run', '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, ...env },
  })
  return JSON.parse(out.trim().split('\n').pop() ?? '') as Plan
}

/** The file the deploy hands the CLI (`--config-file`), filled from `env`, read back and removed. */
function filledFile(env: Record<string, string | undefined>): FilledFile {
  const script = [
    `const { filledDeclaration } = await import(${JSON.stringify(path.join(ROOT, 'scripts/deploy.mjs'))})`,
    `const { readFileSync } = await import('node:fs')`,
    `const filled = filledDeclaration('prod-1a2b')`,
    `console.log(readFileSync(filled.file, 'utf8').replace(/\\n/g, ' '))`,
    `filled.dispose()`,
  ].join('\n')
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH, ...env } })
  return JSON.parse(out.trim().split('\n').pop() ?? '') as FilledFile
}

/** One of scripts/deploy-database.mjs's rules, called in node (the script is an ES module). */
function databaseRule<T>(name: 'indexChanges' | 'functionProblems' | 'credentials', ...args: unknown[]): T {
  const script = [
    `const rules = await import(${JSON.stringify(path.join(ROOT, 'scripts/deploy-database.mjs'))})`,
    `try { console.log(JSON.stringify({ value: rules[${JSON.stringify(name)}](...${JSON.stringify(args)}) })) }`,
    `catch (error) { console.log(JSON.stringify({ error: error.message })) }`,
  ].join('\n')
  const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' }).trim()) as { value?: T; error?: string }
  if (out.error !== undefined) throw new Error(out.error)
  return out.value as T
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T
}

describe('npm run deploy -- --dry-run', () => {
  let plan: Plan

  beforeAll(() => {
    // Bundles what is stale, as `npm test` does before the layers (scripts/build-stale.mjs).
    const script = `const m = await import(${JSON.stringify(path.join(ROOT, 'scripts/build-stale.mjs'))}); await m.ensureBuilt({ h5: false })`
    execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, stdio: 'ignore' })
    plan = dryRun({})
  })

  it('needs no account: the environment is a placeholder until TCB_ENV_ID names it', () => {
    expect(declaration.envId).toBe('{{env.TCB_ENV_ID}}')
    expect(plan.envId).toBe('<TCB_ENV_ID>')
    expect(dryRun({ TCB_ENV_ID: 'prod-1a2b' }).steps.every((step) => step.tool === 'manager' || step.args.includes('prod-1a2b'))).toBe(true)
  })

  it('deploys every built function, and builds every declared one', () => {
    const built = readdirSync(FUNCTIONS_DIR, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort()
    expect(plan.functions.map((fn) => fn.name).sort()).toEqual(built)
    expect(declaration.functions.map((fn) => fn.name).sort()).toEqual(built)
    expect(plan.problems).toEqual([])
  })

  it('finds in each bundle the permissions and triggers it declares', () => {
    for (const fn of declaration.functions) {
      const dir = path.join(FUNCTIONS_DIR, fn.name)
      expect(existsSync(path.join(dir, 'index.js'))).toBe(true)
      expect(readJson<{ dependencies: Record<string, string> }>(path.join(dir, 'package.json')).dependencies).toHaveProperty('wx-server-sdk')
      const config = readJson<{ permissions: { openapi: string[] }; triggers?: Trigger[] }>(path.join(dir, 'config.json'))
      expect(config.permissions.openapi).toEqual(fn.permissions.openapi)
      expect(config.triggers ?? []).toEqual(fn.triggers ?? [])
      const planned = plan.functions.find((p) => p.name === fn.name)
      expect(planned).toMatchObject({ timeout: fn.timeout, permissions: fn.permissions.openapi, triggers: fn.triggers ?? [] })
    }
  })

  it('declares each function as the cloud takes it: 7-field cron, 1–60 s, variable names only', () => {
    for (const fn of declaration.functions) {
      expect(fn.runtime).toBe('Nodejs16.13')
      expect(fn.installDependency).toBe(true)
      expect(fn.timeout).toBeGreaterThanOrEqual(1)
      expect(fn.timeout).toBeLessThanOrEqual(60)
      expect([128, 256, 512, 1024, 2048]).toContain(fn.memorySize)
      for (const [name, value] of Object.entries(fn.envVariables)) expect(value).toBe(`{{env.${name}}}`)
      for (const trigger of fn.triggers ?? []) {
        expect(trigger.type).toBe('timer')
        expect(trigger.config.split(' ')).toHaveLength(7)
      }
    }
    // The local host reads the same file for each function's limits (npm start).
    const local = readDeclaredFunctions(path.join(ROOT, 'cloudbaserc.json'))
    expect([...local.values()].map((fn) => [fn.name, fn.timeoutMs / 1000])).toEqual(declaration.functions.map((fn) => [fn.name, fn.timeout]))
  })

  it('runs the CLI once per function (with --force it also sets the configuration and the trigger), reads each back, then makes the collections', () => {
    expect(plan.steps).toHaveLength(plan.functions.length + 2)
    plan.functions.forEach((fn, i) => {
      expect(plan.steps[i]).toEqual({ what: expect.stringContaining(fn.name), tool: 'tcb', args: ['fn', 'deploy', fn.name, '-e', '<TCB_ENV_ID>', '--force'] })
    })
    // CLI 2.12.10 cannot load the framework's database plugin, and `fn deploy` exits 0 on a failed function.
    expect(plan.steps.slice(-2)).toEqual([
      { what: expect.stringContaining('as deployed'), tool: 'manager', action: 'verifyFunctions' },
      { what: expect.stringContaining(`${plan.collections.length} collections`), tool: 'manager', action: 'database' },
    ])
  })

  it('gives each function at most one timer trigger, as WeChat Cloud takes only one', () => {
    for (const fn of declaration.functions) expect((fn.triggers ?? []).length).toBeLessThanOrEqual(1)
  })

  it('hands the CLI a functionRoot it finds from the folder it runs in, with the variables filled in', () => {
    const filled = filledFile({ ADMIN_OPENIDS: 'o-admin-openid', COMMITMENT_COMMIT_TEMPLATE_ID: 'tpl-commit' })
    // The CLI joins functionRoot to its working directory, so an absolute one would be doubled.
    expect(filled.functionRoot).toBe('./dist/cloudfunctions')
    expect(path.join(plan.cwd, filled.functionRoot)).toBe(FUNCTIONS_DIR)
    expect(filled.envId).toBe('prod-1a2b')
    const commitment = filled.functions.find((fn) => fn.name === 'commitment')
    expect(commitment?.envVariables).toMatchObject({ ADMIN_OPENIDS: 'o-admin-openid', COMMITMENT_COMMIT_TEMPLATE_ID: 'tpl-commit', COMMITMENT_RESULT_TEMPLATE_ID: '' })
  })

  it('creates the indexes missing online, leaves the others, and stops on one that differs', () => {
    const declared = [
      { name: 'lecture_openid', unique: true, keys: ['lectureId:1', 'openid:1'] },
      { name: 'lecture_at', unique: false, keys: ['lectureId:1', 'at:-1'] },
    ]
    const online = (indexes: OnlineIndex[]) => databaseRule<{ create: Array<{ IndexName: string }>; differ: string[] }>('indexChanges', declared, indexes)
    const idIndex = { Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true }
    const lectureOpenid = { Name: 'lecture_openid', Keys: [{ Name: 'lectureId', Direction: '1' }, { Name: 'openid', Direction: '1' }], Unique: true }
    // A new collection: both, in the manager's format.
    expect(databaseRule('indexChanges', declared, [idIndex])).toEqual({
      create: [
        { IndexName: 'lecture_openid', MgoKeySchema: { MgoIsUnique: true, MgoIndexKeys: [{ Name: 'lectureId', Direction: '1' }, { Name: 'openid', Direction: '1' }] } },
        { IndexName: 'lecture_at', MgoKeySchema: { MgoIsUnique: false, MgoIndexKeys: [{ Name: 'lectureId', Direction: '1' }, { Name: 'at', Direction: '-1' }] } },
      ],
      differ: [],
    })
    // A second deploy: only what is missing; `_id_` and an index made in the console stay.
    const consoleMade = { Name: 'by_hand', Keys: [{ Name: 'x', Direction: '1' }], Unique: false }
    expect(online([idIndex, lectureOpenid, consoleMade])).toEqual({ create: [expect.objectContaining({ IndexName: 'lecture_at' })], differ: [] })
    // Same name, not unique online: reported, not dropped (duplicates would get in meanwhile).
    expect(online([{ ...lectureOpenid, Unique: false }]).differ).toEqual(['lecture_openid: online (lectureId:1, openid:1), declared unique (lectureId:1, openid:1)'])
  })

  it('reads each function back: active, its runtime, limits and trigger and no other, or it says what differs', () => {
    const fn = { name: 'commitment', runtime: 'Nodejs16.13', timeout: 20, memorySize: 256, triggers: [{ name: 'hourly', type: 'timer', config: '0 0 * * * * *' }] }
    const deployed = { Status: 'Active', Runtime: 'Nodejs16.13', Timeout: 20, MemorySize: 256, Triggers: [{ TriggerName: 'hourly', Type: 'timer', TriggerDesc: '{"cron":"0 0 * * * * *"}' }] }
    const problems = (detail: unknown) => databaseRule<string[]>('functionProblems', fn, detail)
    expect(problems(deployed)).toEqual([])
    expect(problems(null)).toEqual(['commitment: not found online'])
    expect(problems({ ...deployed, Status: 'UpdateFailed', Timeout: 3 })).toEqual(['commitment: status UpdateFailed', 'commitment: timeout 3 s online, 20 s declared'])
    expect(problems({ ...deployed, Triggers: [] })).toEqual(['commitment: no trigger hourly online'])
    expect(problems({ ...deployed, Triggers: [{ TriggerName: 'hourly', Type: 'timer', TriggerDesc: '0 0 * * * * *' }] })).toEqual([])
    expect(problems({ ...deployed, Triggers: [{ TriggerName: 'hourly', Type: 'timer', TriggerDesc: '{"cron":"10 0 * * * * *"}' }] })).toEqual([
      'commitment: trigger hourly online is {"cron":"10 0 * * * * *"}, declared "0 0 * * * * *" (delete it in the console, then deploy again)',
    ])
    // What --force cannot change: the runtime an existing function was created with, and a trigger no longer declared.
    expect(problems({ ...deployed, Runtime: 'Nodejs12.16' })).toEqual([
      'commitment: runtime Nodejs12.16 online, Nodejs16.13 declared (delete the function in the console, then deploy again)',
    ])
    expect(problems({ ...deployed, Triggers: [...deployed.Triggers, { TriggerName: 'dailyReminders', Type: 'timer', TriggerDesc: '{"cron":"0 0 9 * * * *"}' }] })).toEqual([
      'commitment: trigger dailyReminders online is not declared (delete it in the console)',
    ])
  })

  it('takes the API key the CLI stored at login, or says how to log in with one', () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'zbhd-cli-login-'))
    try {
      expect(() => databaseRule('credentials', { HOME: home })).toThrow('login --apiKeyId')
      mkdirSync(path.join(home, '.config', '.cloudbase'), { recursive: true })
      const auth = path.join(home, '.config', '.cloudbase', 'auth.json')
      // A browser login stores a temporary session this step cannot renew.
      writeFileSync(auth, JSON.stringify({ credential: { tmpSecretId: 'AKIDt', tmpSecretKey: 't', tmpToken: 'tok', refreshToken: 'r' } }))
      expect(() => databaseRule('credentials', { HOME: home })).toThrow('logout')
      writeFileSync(auth, JSON.stringify({ credential: { secretId: 'AKIDy', secretKey: 'k2' } }))
      expect(databaseRule('credentials', { HOME: home, XDG_CONFIG_HOME: path.join(home, 'elsewhere') })).toEqual({ secretId: 'AKIDy', secretKey: 'k2' })
    } finally {
      rmSync(home, { recursive: true, force: true })
    }
  })

  it('creates every collection the functions use, admin-only, with the unique indexes the rules rely on', () => {
    expect(plan.collections.map((c) => c.name).sort()).toEqual([...ALL_COLLECTIONS].sort())
    for (const c of plan.collections) expect(c.permission).toBe('ADMINONLY')
    const unique = (name: string) => plan.collections.find((c) => c.name === name)?.indexes.filter((i) => i.unique).map((i) => i.keys)
    // One check-in and one rating per person per lecture; a branch's name and invite codes are its own.
    expect(unique('check_ins')).toEqual([['lectureId:1', 'openid:1']])
    expect(unique('ratings')).toEqual([['lectureId:1', 'openid:1']])
    expect(unique('branches')).toEqual([['name:1'], ['inviteCodes.member:1'], ['inviteCodes.resident:1']])
  })
})
