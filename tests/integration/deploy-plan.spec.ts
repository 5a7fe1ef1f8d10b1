import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
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
  steps: Array<{ what: string; config: 'functions' | 'framework'; args: string[] }>
  problems: string[]
}
interface FilledFiles {
  functions: Record<string, unknown> & { envId: string; functionRoot: string; functions: DeclaredFunction[] }
  framework: Record<string, unknown>
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

/** The two files the deploy hands the CLI (`--config-file`), filled from `env`, read back and removed. */
function filledFiles(env: Record<string, string | undefined>): FilledFiles {
  const script = [
    `const { filledDeclaration } = await import(${JSON.stringify(path.join(ROOT, 'scripts/deploy.mjs'))})`,
    `const { readFileSync } = await import('node:fs')`,
    `const filled = filledDeclaration('prod-1a2b')`,
    `const read = (f) => JSON.parse(readFileSync(f, 'utf8'))`,
    `console.log(JSON.stringify({ functions: read(filled.files.functions), framework: read(filled.files.framework) }))`,
    `filled.dispose()`,
  ].join('\n')
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH, ...env } })
  return JSON.parse(out.trim().split('\n').pop() ?? '') as FilledFiles
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
    expect(dryRun({ TCB_ENV_ID: 'prod-1a2b' }).steps.every((step) => step.args.includes('prod-1a2b'))).toBe(true)
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

  it('runs the CLI once per function (with --force it also sets the configuration and the trigger), then the database plugin', () => {
    expect(plan.steps).toHaveLength(plan.functions.length + 1)
    plan.functions.forEach((fn, i) => {
      expect(plan.steps[i]).toEqual({ what: expect.stringContaining(fn.name), config: 'functions', args: ['fn', 'deploy', fn.name, '-e', '<TCB_ENV_ID>', '--force'] })
    })
    expect(plan.steps[plan.steps.length - 1]).toMatchObject({ config: 'framework', args: ['framework', 'deploy', 'database', '-e', '<TCB_ENV_ID>'] })
  })

  it('gives each function at most one timer trigger, as WeChat Cloud takes only one', () => {
    for (const fn of declaration.functions) expect((fn.triggers ?? []).length).toBeLessThanOrEqual(1)
  })

  it('hands the CLI a functionRoot it finds from the folder it runs in, and the framework step no function variable', () => {
    const secret = 'o-admin-secret-openid'
    const filled = filledFiles({ ADMIN_OPENIDS: secret, COMMITMENT_COMMIT_TEMPLATE_ID: 'tpl-commit' })
    // The CLI joins functionRoot to its working directory, so an absolute one would be doubled.
    expect(filled.functions.functionRoot).toBe('./dist/cloudfunctions')
    expect(path.join(plan.cwd, filled.functions.functionRoot)).toBe(FUNCTIONS_DIR)
    expect(filled.functions.envId).toBe('prod-1a2b')
    const commitment = filled.functions.functions.find((fn) => fn.name === 'commitment')
    expect(commitment?.envVariables).toMatchObject({ ADMIN_OPENIDS: secret, COMMITMENT_COMMIT_TEMPLATE_ID: 'tpl-commit', COMMITMENT_RESULT_TEMPLATE_ID: '' })
    // `tcb framework deploy` stores its config file with the environment: only what the plugin needs.
    expect(Object.keys(filled.framework).sort()).toEqual(['envId', 'framework', 'version'])
    expect(filled.framework.envId).toBe('prod-1a2b')
    expect(JSON.stringify(filled.framework)).not.toContain(secret)
    expect(JSON.stringify(filled.framework)).not.toContain('tpl-commit')
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
