// nedb's line format: `serialize` is what its persistence writes for each document (`$$date` for
// dates). The package ships no types for its lib/ files.
declare module '@seald-io/nedb/lib/model' {
  export function serialize(doc: unknown): string
}
