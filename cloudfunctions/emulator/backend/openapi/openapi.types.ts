/** What a local stand-in for a WeChat cloud call answers: a JSON body (errcode 0 or a wx error) or bytes. */
export type OpenApiAnswer = { json: Record<string, unknown> } | { binary: Buffer; contentType: string }

export type OpenApiParams = Record<string, unknown>

export type OpenApiMethod = (params: OpenApiParams) => Promise<OpenApiAnswer>

export function ok(fields: Record<string, unknown> = {}): OpenApiAnswer {
  return { json: { errcode: 0, errmsg: 'ok', ...fields } }
}

/** A WeChat error: the SDK rejects with `errCode = errcode` and `errMsg = openapi.<name>:fail <errmsg>`. */
export function wxError(errcode: number, errmsg: string): OpenApiAnswer {
  return { json: { errcode, errmsg } }
}
