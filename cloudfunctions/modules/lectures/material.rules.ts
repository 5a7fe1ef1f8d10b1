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
