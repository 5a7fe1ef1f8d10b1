import { parse, type Type } from 'protobufjs'
import { invalidParam } from '../backend-error'

/**
 * The two protobuf messages of `wx.openApi`, written to match the generated code bundled in
 * wx-server-sdk 4.0.2 (`src/protobuf/openapi.js` inside its index.js): field numbers and types are
 * copied from its encode/decode functions. `protobufjs` is the SDK's own dependency.
 */
const PROTO = `
syntax = "proto3";
message KeyValuePair {
  string key = 1;
  bytes value = 2;
  string contenttype = 3;
  string filename = 4;
}
message OpenApiData {
  repeated KeyValuePair pairs = 1;
}
message CommApiData {
  int32 apiType = 1;
  OpenApiData openapiData = 2;
  string appid = 6;
}
message HttpHeader {
  string key = 1;
  string value = 2;
}
message CommOpenApiResp {
  bytes respData = 1;
  string contentType = 2;
  int32 errorCode = 3;
  uint32 httpCode = 4;
  repeated HttpHeader headers = 5;
  int32 svrkitErrorCode = 6;
}
`

const root = parse(PROTO, { keepCase: true }).root
const commApiData: Type = root.lookupType('CommApiData')
const commOpenApiResp: Type = root.lookupType('CommOpenApiResp')

export interface OpenApiCall {
  appid: string
  /** Parameters by their snake_case name (the SDK converts camelCase before sending). */
  params: Record<string, unknown>
}

/** Decodes `requestData`: each pair is a parameter name and its value as JSON bytes. */
export function decodeOpenApiRequest(requestData: Buffer): OpenApiCall {
  let decoded: Record<string, unknown>
  try {
    decoded = commApiData.toObject(commApiData.decode(requestData), { defaults: true })
  } catch (err) {
    throw invalidParam(`requestData is not a CommApiData protobuf: ${err instanceof Error ? err.message : String(err)}`)
  }
  const params: Record<string, unknown> = {}
  const openapiData = decoded.openapiData as { pairs?: Array<{ key?: unknown; value?: unknown }> } | null | undefined
  for (const pair of openapiData?.pairs ?? []) {
    if (typeof pair.key !== 'string' || !(pair.value instanceof Uint8Array)) continue
    const text = Buffer.from(pair.value).toString('utf8')
    try {
      params[pair.key] = JSON.parse(text)
    } catch {
      // Media parameters travel as raw bytes, not JSON.
      params[pair.key] = Buffer.from(pair.value)
    }
  }
  return { appid: typeof decoded.appid === 'string' ? decoded.appid : '', params }
}

/** A successful wx answer: the body WeChat would send and its content type. */
export function encodeOpenApiResponse(body: Buffer, contentType: string): Buffer {
  const message = commOpenApiResp.create({ respData: body, contentType, httpCode: 200 })
  return Buffer.from(commOpenApiResp.encode(message).finish())
}
