import { Worker } from 'node:worker_threads'
import type { AdminAnswer } from '../backend'
import {
  isInstanceMessage,
  type AdminAnswerMessage,
  type AdminCallMessage,
  type InstanceData,
  type InstanceMessage,
  type InstanceReply,
  type InvocationContext,
  type InvokeMessage,
} from './function-protocol'
import type { WorkerScript } from './worker-script'

/**
 * The instances of one function, faithful to how the cloud runs them: started lazily as calls wait, at
 * most `size` of them, each with its own environment (a worker thread gets a private copy of
 * process.env), each busy with ONE invocation at a time while the rest queue, and kept warm for the
 * next caller. That one-at-a-time rule is what makes per-invocation identity safe: the caller's openid
 * is written into the instance's env just before `main` runs, and no other invocation can be running
 * there.
 *
 * Unlike the cloud, a call that made the pool start an instance is not tied to that instance: it waits
 * in the queue and goes to whichever instance is free first — a warm one finishing its call usually
 * beats a cold start (hundreds of ms of loading the bundle), so a burst does not pay cold starts in
 * its latency, only in CPU.
 */

export type InvocationOutcome =
  | { kind: 'result'; json: string }
  /** The function threw, the instance died (process.exit, out of memory) or the bundle failed to load. */
  | { kind: 'crash'; name: string; message: string; stack?: string }
  | { kind: 'timeout'; timeoutMs: number }

export interface FunctionPoolOptions {
  functionName: string
  bundlePath: string
  adminUrl: string
  appId: string
  size: number
  timeoutMs: number
  memoryLimitMb: number
  /** The instance's environment before the SDK variables: the console's variables. */
  env: Record<string, string>
  script: WorkerScript
  /**
   * Answers the SDK's `/admin` requests that instances send over their port (admin-link.ts); without it
   * they go to `adminUrl` over HTTP.
   */
  adminLink?: (call: { path: string; contentType: string; body: string | Buffer }) => Promise<AdminAnswer>
}

interface Job {
  /** null for an invocation without a user (a timer trigger). */
  openid: string | null
  event: unknown
  requestId: string
  resolve: (outcome: InvocationOutcome) => void
}

interface Instance {
  worker: Worker
  /** Cold start done: the bundle is loaded. Until then `coldTimer` runs. */
  ready: boolean
  coldTimer?: NodeJS.Timeout
  /** The invocation it is running; undefined when idle or still starting. */
  running?: { id: number; job: Job; timer: NodeJS.Timeout }
  dead: boolean
}

/**
 * Loading the bundle has its own, generous limit: like the cloud's separate initialisation timeout,
 * a cold start does not eat into the invocation's time limit.
 */
const COLD_START_LIMIT_MS = 60_000

export class FunctionPool {
  private readonly instances = new Set<Instance>()
  /** Idle instances, most recently used last: reusing the warmest one keeps the rest free to go cold. */
  private readonly idle: Instance[] = []
  private readonly queue: Job[] = []
  private nextId = 1
  private retiring = false
  private closed = false

  constructor(private readonly options: FunctionPoolOptions) {}

  invoke(openid: string | null, event: unknown, requestId: string): Promise<InvocationOutcome> {
    if (this.closed) return Promise.resolve(closingOutcome())
    return new Promise((resolve) => {
      this.queue.push({ openid, event, requestId, resolve })
      this.dispatch()
    })
  }

  /**
   * A new build of the function replaced this one: queued and running invocations finish on the old
   * code (as during a cloud deploy), then the instances go away.
   */
  retire(): void {
    this.retiring = true
    if (this.queue.length === 0) for (const instance of this.idle.splice(0)) void this.kill(instance)
  }

  async close(): Promise<void> {
    this.closed = true
    for (const job of this.queue.splice(0)) job.resolve(closingOutcome())
    this.idle.length = 0
    await Promise.all([...this.instances].map((instance) => this.kill(instance)))
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const instance = this.idle.pop()
      if (!instance) break
      const job = this.queue.shift()
      if (job) this.start(instance, this.nextId++, job)
    }
    // Calls still waiting: one more instance for each call no starting instance will take, up to size.
    while (this.queue.length > this.starting() && this.instances.size < this.options.size) this.spawn()
    if (this.retiring) for (const instance of this.idle.splice(0)) void this.kill(instance)
  }

  private starting(): number {
    let count = 0
    for (const instance of this.instances) if (!instance.ready) count += 1
    return count
  }

  private hasReadyInstance(): boolean {
    for (const instance of this.instances) if (instance.ready) return true
    return false
  }

  private spawn(): Instance {
    const { script, functionName, bundlePath, adminUrl, appId, env, memoryLimitMb } = this.options
    const workerData: InstanceData = { functionName, bundlePath, adminUrl, appId, adminLink: this.options.adminLink !== undefined }
    const settings = { workerData, env: { ...env }, resourceLimits: { maxOldGenerationSizeMb: memoryLimitMb } }
    const worker =
      script.kind === 'file' ? new Worker(script.filename, settings) : new Worker(script.code, { ...settings, eval: true })
    const instance: Instance = { worker, ready: false, dead: false }
    instance.coldTimer = setTimeout(
      () => this.lose(instance, { kind: 'crash', name: 'ColdStartTimeout', message: `函数包加载超过 ${COLD_START_LIMIT_MS} ms` }, true),
      COLD_START_LIMIT_MS,
    )
    this.instances.add(instance)
    worker.on('message', (message: unknown) => {
      if (isInstanceMessage(message)) this.receive(instance, message)
    })
    // An uncaught exception or rejection inside the instance kills it, as it would kill a cloud instance.
    worker.on('error', (err: Error) => this.lose(instance, { kind: 'crash', name: err.name, message: err.message, stack: err.stack }))
    worker.on('exit', (code) =>
      this.lose(instance, { kind: 'crash', name: 'InstanceExit', message: `函数实例意外退出（退出码 ${code}）` }),
    )
    return instance
  }

  private start(instance: Instance, id: number, job: Job): void {
    const { timeoutMs, functionName, memoryLimitMb } = this.options
    const context: InvocationContext = {
      request_id: job.requestId,
      function_name: functionName,
      function_version: '$LATEST',
      namespace: 'local',
      memory_limit_in_mb: memoryLimitMb,
      time_limit_in_ms: timeoutMs,
    }
    // A timed-out instance may still be running the old invocation (and would write the next caller's
    // identity under it), so it is discarded rather than reused.
    const timer = setTimeout(() => this.lose(instance, { kind: 'timeout', timeoutMs }, true), timeoutMs)
    instance.running = { id, job, timer }
    const message: InvokeMessage = { type: 'invoke', id, openid: job.openid, event: job.event, context }
    instance.worker.postMessage(message)
  }

  private receive(instance: Instance, message: InstanceMessage): void {
    if (instance.dead) return
    switch (message.type) {
      case 'ready':
        instance.ready = true
        clearTimeout(instance.coldTimer)
        this.idle.push(instance)
        this.dispatch()
        return
      case 'load-failed':
        this.lose(instance, { kind: 'crash', name: message.name, message: message.message, stack: message.stack }, true)
        return
      case 'admin':
        this.answerAdmin(instance, message)
        return
      default:
        this.settle(instance, message)
    }
  }

  /** An instance that died meanwhile gets no answer: its invocation was already answered for it. */
  private answerAdmin(instance: Instance, message: AdminCallMessage): void {
    const link = this.options.adminLink
    if (!link) return
    const body = typeof message.body === 'string' ? message.body : Buffer.from(message.body.buffer, message.body.byteOffset, message.body.byteLength)
    void link({ path: message.path, contentType: message.contentType, body }).then((answer) => {
      if (instance.dead) return
      // Bytes in a buffer of their own: a pooled Buffer would post the whole 8 KB pool (AdminCallMessage.body).
      const body = typeof answer.body === 'string' ? answer.body : new Uint8Array(answer.body)
      const reply: AdminAnswerMessage = { type: 'admin-answer', id: message.id, contentType: answer.contentType, body }
      instance.worker.postMessage(reply)
    })
  }

  private settle(instance: Instance, reply: InstanceReply): void {
    const running = instance.running
    if (!running || running.id !== reply.id) return
    clearTimeout(running.timer)
    instance.running = undefined
    running.job.resolve(
      reply.type === 'result'
        ? { kind: 'result', json: reply.json }
        : { kind: 'crash', name: reply.name, message: reply.message, stack: reply.stack },
    )
    // A thrown error does not take the instance down in the cloud either: the next call reuses it.
    if (this.retiring || this.closed) void this.kill(instance)
    else this.idle.push(instance)
    this.dispatch()
  }

  /**
   * The instance is gone (or must go): answer its invocation, forget it, and let the queue move on. An
   * instance that never became ready (the bundle fails to load) answers the oldest waiting call with
   * that failure when no other instance is ready to take it — otherwise the calls would wait forever
   * for instances that all fail the same way.
   */
  private lose(instance: Instance, outcome: InvocationOutcome, terminate = false): void {
    if (instance.dead) return
    instance.dead = true
    clearTimeout(instance.coldTimer)
    const running = instance.running
    instance.running = undefined
    if (running) {
      clearTimeout(running.timer)
      running.job.resolve(outcome)
    }
    this.forget(instance)
    if (!instance.ready && !this.hasReadyInstance()) this.queue.shift()?.resolve(outcome)
    if (terminate) void instance.worker.terminate()
    if (!this.closed) this.dispatch()
  }

  private async kill(instance: Instance): Promise<void> {
    if (!instance.dead) {
      instance.dead = true
      clearTimeout(instance.coldTimer)
      const running = instance.running
      instance.running = undefined
      if (running) {
        clearTimeout(running.timer)
        running.job.resolve(closingOutcome())
      }
      this.forget(instance)
    }
    await instance.worker.terminate()
  }

  private forget(instance: Instance): void {
    this.instances.delete(instance)
    const at = this.idle.indexOf(instance)
    if (at >= 0) this.idle.splice(at, 1)
  }
}

function closingOutcome(): InvocationOutcome {
  return { kind: 'crash', name: 'HostClosing', message: '本地云正在关闭' }
}
