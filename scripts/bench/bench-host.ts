/**
 * What the ledger and scale benchmarks share: the local host as its own process (as `npm start` runs it,
 * under cloudbaserc.json), calls to it over keep-alive HTTP as a signed-in person, and the figures.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'

export const ROOT = path.resolve(__dirname, '..', '..')

export interface Envelope {
  ok: boolean
  data?: Record<string, unknown>
  error?: { code: string; message: string }
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 8 })

/**
 * One call as `openid`, answered with the envelope (node:http: a few µs of this process's CPU per call),
 * over this module's agent unless the caller brings its own.
 */
export function post(url: string, openid: string, fn: string, event: Record<string, unknown>, via: http.Agent = agent): Promise<Envelope> {
  const body = JSON.stringify(event)
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${url}/api/${fn}`,
      { method: 'POST', agent: via, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-openid': openid } },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Envelope)
          } catch (err) {
            reject(err instanceof Error ? err : new Error(String(err)))
          }
        })
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

/** Calls and answers `data`, or stops the benchmark with the error: a figure for a failed call would mislead. */
export async function ok(url: string, openid: string, fn: string, event: Record<string, unknown>): Promise<Record<string, unknown>> {
  const res = await post(url, openid, fn, event)
  if (!res.ok || !res.data) throw new Error(`${fn}.${String(event.action)} as ${openid}: ${res.error?.code ?? '?'} ${res.error?.message ?? ''}`)
  return res.data
}

export function closeAgent(): void {
  agent.destroy()
}

/** `dist/emulator/main.js` on a free port over `dataDir`; resolves once it listens. */
export function startHostProcess(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'dist/emulator/main.js')], {
      env: { ...process.env, PORT: '0', DATA_DIR: dataDir, HOST_LOG: 'warn', TZ: 'UTC' },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out)
      if (m?.[1]) resolve({ child, url: m[1] })
    })
    child.once('exit', (code) => reject(new Error(`host exited early (${code}): ${out}`)))
  })
}

export async function stopHostProcess(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  await exited
}

/** A function's declared timeout in seconds (cloudbaserc.json), the limit the cloud stops it at. */
export function declaredTimeoutSeconds(fn: string): number {
  const declaration = JSON.parse(readFileSync(path.join(ROOT, 'cloudbaserc.json'), 'utf8')) as { functions: Array<{ name: string; timeout: number }> }
  const found = declaration.functions.find((f) => f.name === fn)
  if (!found) throw new Error(`cloudbaserc.json declares no function ${fn}`)
  return found.timeout
}

/** Resident memory of a process in MB (Linux /proc), or NaN elsewhere. */
export function residentMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m?.[1] ? Number(m[1]) / 1024 : Number.NaN
  } catch {
    return Number.NaN
  }
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  return sorted[Math.max(0, i)] ?? 0
}

/** Lecture and wish ids in the shapes the contracts accept (`L` / `W` and ten of [0-9a-z]). */
export function benchId(prefix: 'L' | 'W', n: number): string {
  return `${prefix}${n.toString(36).padStart(10, '0')}`
}
