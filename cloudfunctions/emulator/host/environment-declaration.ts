import { readFileSync } from 'node:fs'

/**
 * What the host takes from the environment's declaration, cloudbaserc.json (the file `npm run deploy` hands
 * to the CloudBase CLI): each function's `timeout`, in seconds as the cloud reads it, so a function is
 * stopped locally where the cloud would stop it, and its `memorySize` (docs/local-cloud.md, "The declared
 * environment").
 */
export interface DeclaredFunction {
  name: string
  timeoutMs: number
  memoryMb: number
}

/** The sizes the cloud offers, in MB; 256 when none is declared, as the CLI does. */
const MEMORY_SIZES_MB = [128, 256, 512, 1024, 2048]
const DEFAULT_MEMORY_MB = 256

/** The cloud's bounds for a function's timeout, in seconds (the console accepts 1–60; DevTools creates 3). */
const TIMEOUT_BOUNDS_S = [1, 60] as const

/**
 * The declared functions by name, read afresh on each call so an edited declaration takes effect with the
 * next pool (a rebuild). A declaration that cannot be read refuses to start rather than run unbounded.
 */
export function readDeclaredFunctions(file: string): Map<string, DeclaredFunction> {
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'))
  } catch (err) {
    throw new Error(`读取环境声明 ${file} 失败：${err instanceof Error ? err.message : String(err)}`, { cause: err })
  }
  const functions = (parsed as { functions?: unknown }).functions
  if (!Array.isArray(functions)) throw new Error(`环境声明 ${file} 没有 functions 列表`)
  const out = new Map<string, DeclaredFunction>()
  for (const item of functions as Array<{ name?: unknown; timeout?: unknown; memorySize?: unknown }>) {
    const { name, timeout, memorySize = DEFAULT_MEMORY_MB } = item
    if (typeof name !== 'string') throw new Error(`环境声明 ${file}：函数缺少 name`)
    if (typeof timeout !== 'number' || !Number.isInteger(timeout) || timeout < TIMEOUT_BOUNDS_S[0] || timeout > TIMEOUT_BOUNDS_S[1]) {
      throw new Error(`环境声明 ${file}：函数 ${name} 的 timeout 应为 ${TIMEOUT_BOUNDS_S[0]}–${TIMEOUT_BOUNDS_S[1]} 之间的整数秒`)
    }
    if (typeof memorySize !== 'number' || !MEMORY_SIZES_MB.includes(memorySize)) {
      throw new Error(`环境声明 ${file}：函数 ${name} 的 memorySize 应为 ${MEMORY_SIZES_MB.join('、')} 之一（MB）`)
    }
    out.set(name, { name, timeoutMs: timeout * 1000, memoryMb: memorySize })
  }
  return out
}
