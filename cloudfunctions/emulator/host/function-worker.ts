import { createRequire } from 'node:module'
import { parentPort, workerData } from 'node:worker_threads'
import { isInvokeMessage, type InstanceData, type InvokeMessage, type InstanceReply } from './function-protocol'

/**
 * One function instance, as the cloud runs it: the uploaded bundle loaded once (module state survives
 * between warm invocations), one invocation at a time, and the caller handed to the real wx-server-sdk
 * through this thread's own copy of process.env — which is why an instance must never run two
 * invocations at once (the pool guarantees it).
 */

type Main = (event: unknown, context: unknown) => unknown

const data = workerData as InstanceData
const port = parentPort
if (!port) throw new Error('function-worker must run as a worker thread')

let main: Main | undefined

function load(): Main {
  if (main) return main
  // Cold start: the same file that would be uploaded, its own require() finding wx-server-sdk in the
  // node_modules above it, as the installed dependency is found in the cloud.
  const mod = createRequire(data.bundlePath)(data.bundlePath) as { main?: unknown }
  if (typeof mod.main !== 'function') throw new Error(`函数包 ${data.functionName} 没有导出 main`)
  main = mod.main as Main
  return main
}

async function invoke(message: InvokeMessage): Promise<InstanceReply> {
  try {
    const fn = load()
    // getWXContext() reads these on every call, so setting them just before main is enough.
    process.env.WX_OPENID = message.openid
    const result = await fn(message.event, message.context)
    // The cloud JSON round-trips the result: Dates become strings, undefined fields vanish.
    const json = JSON.stringify(result === undefined ? null : result)
    return { type: 'result', id: message.id, json }
  } catch (err) {
    const error = err instanceof Error ? err : new Error(String(err))
    return { type: 'error', id: message.id, name: error.name, message: error.message, stack: error.stack }
  }
}

port.on('message', (message: unknown) => {
  if (!isInvokeMessage(message)) return
  void invoke(message).then((reply) => port.postMessage(reply))
})
