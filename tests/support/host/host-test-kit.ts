import { build } from 'esbuild'
import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { startHost, type RunningHost, type StartHostOptions } from '../../../cloudfunctions/emulator/host'
import { saveQueryShapes } from '../query-shapes'

/**
 * A throwaway world for host tests: a temp folder holding a functions dir with the probe function
 * bundled exactly like a real one, an H5 dir, and data dirs. `node_modules` is linked in so the bundle
 * finds wx-server-sdk the way an uploaded function finds its installed dependency.
 */
const ROOT = path.resolve(__dirname, '../../..')

export interface HostWorld {
  dir: string
  functionsDir: string
  h5Dir: string
  /** A data dir per name, so a test can restart a host on the same data. */
  dataDir(name?: string): string
  start(options?: Partial<StartHostOptions>): Promise<RunningHost>
  dispose(): Promise<void>
}

export async function createHostWorld(): Promise<HostWorld> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'zbhd-host-'))
  const functionsDir = path.join(dir, 'functions')
  const h5Dir = path.join(dir, 'h5')
  await symlink(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir')
  await buildProbe(path.join(functionsDir, 'probe', 'index.js'))
  const hosts: RunningHost[] = []
  const world: HostWorld = {
    dir,
    functionsDir,
    h5Dir,
    dataDir: (name = 'data') => path.join(dir, name),
    start: async (options = {}) => {
      const host = await startHost({ port: 0, dataDir: world.dataDir(), functionsDir, h5Dir, logLevel: 'silent', ...options })
      hosts.push(host)
      return host
    },
    dispose: async () => {
      for (const host of hosts) await saveQueryShapes(host.queryShapes())
      await Promise.all(hosts.map((host) => host.close()))
      await rm(dir, { recursive: true, force: true })
    },
  }
  return world
}

export async function buildProbe(outfile: string): Promise<void> {
  await bundle(path.join(__dirname, 'probe.function.ts'), outfile)
}

/**
 * One of the project's functions, bundled into the world as config/build-functions.mjs would, with the
 * config.json that script writes (its cloud calls and timer triggers, from the script's own declaration).
 */
export async function buildFunction(world: HostWorld, name: string): Promise<void> {
  await bundle(path.join(ROOT, `cloudfunctions/functions/${name}/index.ts`), path.join(world.functionsDir, name, 'index.js'))
  // The script is an ES module with top-level await, which jest's CommonJS cannot import: ask node.
  const script = `const m = await import(${JSON.stringify(pathToFileURL(path.join(ROOT, 'config/build-functions.mjs')).href)}); process.stdout.write(JSON.stringify(m.functionConfig(${JSON.stringify(name)})))`
  const config = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })
  await writeFunctionConfig(world, name, JSON.parse(config) as object)
}

/** A function's config.json in the world (the probe's timer triggers, say). */
export async function writeFunctionConfig(world: HostWorld, name: string, config: object): Promise<void> {
  await mkdir(path.join(world.functionsDir, name), { recursive: true })
  await writeFile(path.join(world.functionsDir, name, 'config.json'), JSON.stringify(config, null, 2) + '\n')
}

async function bundle(entry: string, outfile: string): Promise<void> {
  await mkdir(path.dirname(outfile), { recursive: true })
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    external: ['wx-server-sdk'],
    logLevel: 'silent',
  })
}

export async function writeH5(h5Dir: string, files: Record<string, string>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(h5Dir, name)
    await mkdir(path.dirname(file), { recursive: true })
    await writeFile(file, content)
  }
}

export interface Reply {
  status: number
  body: unknown
  headers: Headers
}

/** POST /api/<fn> as `openid` (header), or anonymously with null. */
export async function call(url: string, fn: string, openid: string | null, event: unknown = {}): Promise<Reply> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (openid !== null) headers['x-openid'] = openid
  const res = await fetch(`${url}/api/${fn}`, { method: 'POST', headers, body: JSON.stringify(event) })
  return { status: res.status, body: await res.json(), headers: res.headers }
}

/** The `data` of an ok envelope, or a thrown error naming the failure. */
export function dataOf<T>(reply: Reply): T {
  const body = reply.body as { ok?: boolean; data?: T; error?: { code: string } }
  if (body.ok !== true) throw new Error(`expected ok, got HTTP ${reply.status} ${JSON.stringify(body)}`)
  return body.data as T
}

export function errorCodeOf(reply: Reply): string | undefined {
  const body = reply.body as { ok?: boolean; error?: { code?: string } }
  return body.ok === false ? body.error?.code : undefined
}
