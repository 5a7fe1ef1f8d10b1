/**
 * Lecture materials: a link, or a file in this environment's cloud storage. Pure (no SDK): what the
 * use cases ask before they touch storage or the database.
 */
export type StoredMaterial = { title: string; url: string } | { title: string; fileID: string }

export function isFileMaterial(m: StoredMaterial): m is { title: string; fileID: string } {
  return 'fileID' in m && typeof m.fileID === 'string'
}

/** The file ids of the materials, each once, in order of first appearance. */
export function fileIdsOf(materials: readonly StoredMaterial[]): string[] {
  const seen = new Set<string>()
  for (const m of materials) if (isFileMaterial(m)) seen.add(m.fileID)
  return [...seen]
}

/**
 * Whether a fileID names this environment's storage: `cloud://<env>.<bucket>/…`. The contract already
 * fixed the shape and the folder; this refuses another environment's file (which our temporary URLs
 * could not open, and which is not ours to hand out).
 */
export function isOwnEnvFile(fileID: string, env: string): boolean {
  return env !== '' && fileID.startsWith(`cloud://${env}.`)
}

/** `[[0..49], [50..99], …]`: getTempFileURL takes at most 50 ids per call. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}
