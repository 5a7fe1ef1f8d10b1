/** Pure rules of cloud storage that every feature storing files shares (docs/local-cloud.md "Storage"). */

/** getTempFileURL takes at most 50 file ids per call. */
export const TEMP_URL_BATCH = 50

/**
 * Whether a fileID names this environment's storage: `cloud://<env>.<bucket>/…`. Another environment's
 * file could not be opened by our temporary URLs, and is not ours to hand out.
 */
export function isOwnEnvFile(fileID: string, env: string): boolean {
  return env !== '' && fileID.startsWith(`cloud://${env}.`)
}

/** `[[0..49], [50..99], …]`. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}
