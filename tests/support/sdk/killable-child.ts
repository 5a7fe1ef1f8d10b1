import { spawn } from 'child_process'

export interface ChildExit {
  exit: { code: number | null; signal: NodeJS.Signals | null }
  stderr: string
}

/**
 * Runs a writer script in a child process and hands each line it prints to `onLine`, with a `kill`
 * that SIGKILLs it at once — the durability tests' "kill -9 right after the n-th acknowledgement".
 * Answers how the child ended and what it wrote to stderr.
 */
export function runKillable(args: string[], env: NodeJS.ProcessEnv, onLine: (line: string, kill: () => void) => void): Promise<ChildExit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
    const run: ChildExit = { exit: { code: null, signal: null }, stderr: '' }
    const kill = () => child.kill('SIGKILL')
    let buffered = ''
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk
      const lines = buffered.split('\n')
      buffered = lines.pop() ?? ''
      for (const line of lines) onLine(line, kill)
    })
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (chunk: string) => {
      run.stderr += chunk
    })
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      run.exit = { code, signal }
      resolve(run)
    })
  })
}
