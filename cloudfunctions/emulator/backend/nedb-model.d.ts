// nedb's line format: `serialize` is what its persistence writes for each document (`$$date` for
// dates). The package ships no types for its lib/ files.
declare module '@seald-io/nedb/lib/model' {
  export function serialize(doc: unknown): string
  /** A field's value by dot path; for several fields, an object of them (a compound index key). */
  export function getDotValues(doc: unknown, fields: string[]): unknown
}
// nedb's in-memory index (the kind it keeps for `_id`): `getMatching` answers the documents holding a key.
// The package ships no types for its lib/ files.
declare module '@seald-io/nedb/lib/indexes' {
  export default class Index {
    constructor(options: { fieldName: string; unique?: boolean; sparse?: boolean })
    insert(docs: unknown): void
    getMatching(value: unknown): Array<{ _id: string }>
  }
}
