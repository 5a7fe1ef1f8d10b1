/**
 * Errors the backend answers as `{ code, message }`. The code strings are CloudBase's own: the SDK maps
 * them to numbers (docs/local-cloud.md "Errors"), so `INVALID_PARAM` surfaces as -501007 and an unknown
 * code as -501001, exactly as in production.
 */
export type BackendErrorCode =
  | 'SYS_ERR'
  | 'INVALID_PARAM'
  | 'DATABASE_REQUEST_FAILED'
  | 'DATABASE_INVALID_OPERRATOR'
  | 'DATABASE_COLLECTION_NOT_EXIST'
  | 'DATABASE_COLLECTION_ALREADY_EXIST'
  | 'DATABASE_DUPLICATE_WRITE'
  | 'DATABASE_TRANSACTION_FAIL'
  | 'DATABASE_TRANSACTION_CONFLICT'
  | 'STORAGE_REQUEST_FAIL'
  | 'STORAGE_FILE_NONEXIST'

export class BackendError extends Error {
  constructor(
    readonly code: BackendErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'BackendError'
  }
}

/**
 * An action, operator, stage or API the local backend does not implement: always named, never ignored.
 * Operators and stages answer DATABASE_INVALID_OPERRATOR (-502002); actions and APIs INVALID_PARAM.
 */
export function unsupported(what: string, code: BackendErrorCode = 'DATABASE_INVALID_OPERRATOR'): BackendError {
  return new BackendError(code, `unsupported ${what} (not implemented by the local backend)`)
}

export function invalidParam(message: string): BackendError {
  return new BackendError('INVALID_PARAM', message)
}

/**
 * mingo reports unknown operators and illegal updates by throwing; turn those into named backend errors.
 * mingo's messages already name the operator ("unknown query operator $foo").
 */
export function fromEngineError(err: unknown): BackendError {
  if (err instanceof BackendError) return err
  const message = err instanceof Error ? err.message : String(err)
  if (/operator|not registered|unregistered/i.test(message)) {
    return new BackendError('DATABASE_INVALID_OPERRATOR', `unsupported or invalid operator: ${message}`)
  }
  return new BackendError('DATABASE_REQUEST_FAILED', message)
}
