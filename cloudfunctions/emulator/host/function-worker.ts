import { createRequire } from 'node:module'
import { parentPort, workerData } from 'node:worker_threads'
import { applySdkEnvironment } from '../backend/sdk-environment'
import { linkAdminRequests } from './admin-link'
import { isInvokeMessage, type InstanceData, type InstanceMessage, type InvokeMessage, type InstanceReply } from './function-protocol'

/**
 * One function instance, as the cloud runs it: the uploaded bundle loaded once at cold start (module
 * state survives between warm invocations), one invocation at a time, and the caller handed to the
 * real wx-server-sdk through this thread's own copy of process.env — which is why an instance must
 * never run two invocations at once (the pool guarantees it).
 */

type Main = (event: unknown, context: unknown) => unknown

const data = workerData as InstanceData
const port = parentPort
if (!port) throw new Error('function-worker must run as a worker thread')
const send = (message: InstanceMessage) => port.postMessage(message)

function errorFields(err: unknown): { name: string; message: string; stack?: string } {
  const error = err instanceof Error ? err : new Error(String(err))
  return { name: error.name, message: error.message, stack: error.stack }
}

/**
 * Cold start: the same file that would be uploaded, its own require() finding wx-server-sdk in the
 * node_modules above it, as the installed dependency is found in the cloud.
 */
function load(): Main | undefined {
  try {
    const mod = createRequire(data.bundlePath)(data.bundlePath) as { main?: unknown }
    if (typeof mod.main !== 'function') throw new Error(`函数包 ${data.functionName} 没有导出 main`)
    send({ type: 'ready' })
    return mod.main as Main
  } catch (err) {
    send({ type: 'load-failed', ...errorFields(err) })
    return undefined
  }
}

async function invoke(main: Main, message: InvokeMessage): Promise<InstanceReply> {
  try {
    // The SDK reads its endpoint, keys and caller from this thread's env on every call (see the
    // backend's sdk-environment.ts), so setting them just before main is enough — and, with one
    // invocation per instance at a time, safe.
    applySdkEnvironment(process.env, { adminUrl: data.adminUrl, openid: message.openid, appid: data.appId, functionName: data.functionName })
    const result = await main(message.event, message.context)
    // The cloud JSON round-trips the result: Dates become strings, undefined fields vanish.
    const json = JSON.stringify(result === undefined ? null : result)
    return { type: 'result', id: message.id, json }
  } catch (err) {
    return { type: 'error', id: message.id, ...errorFields(err) }
  }
}

// The SDK reads some twenty variables on every call (docs/local-cloud.md "Function host"); a worker's own
// process.env is a native store behind a lock (~0.35 µs a read), a plain copy of it ordinary properties.
// Same names and string values, still private to this instance.
process.env = { ...process.env }
// Nothing in the SDK reads these at require or init time, but a bundle's top level may already use
// the SDK (cloud.database() after init), as it can in the cloud.
applySdkEnvironment(process.env, { adminUrl: data.adminUrl, openid: null, functionName: data.functionName })
if (data.adminLink) linkAdminRequests(data.adminUrl, port)
const main = load()
if (main) {
  port.on('message', (message: unknown) => {
    if (!isInvokeMessage(message)) return
    void invoke(main, message).then(send)
  })
}
