import { invalidParam, unsupported } from '../backend-error'
import { decodeOpenApiRequest, encodeOpenApiResponse } from './openapi-protobuf'
import type { OpenApiMethod } from './openapi.types'
import { msgSecCheck } from './sec-check.openapi'
import { subscribeMessageSend, type RecordOutbox } from './subscribe-message.openapi'
import { getUnlimited } from './wxacode.openapi'

/**
 * `wx.openApi` (cloud calls, `cloud.openapi.<ns>.<method>`): multipart fields `apiName` and a protobuf
 * `requestData`; the answer is a protobuf `CommOpenApiResp` carrying WeChat's body and content type.
 * Only the three calls the app uses are implemented; any other name is refused by name.
 */
export class OpenApiHandler {
  private readonly methods: Record<string, OpenApiMethod>

  constructor(recordOutbox: RecordOutbox) {
    this.methods = {
      'wxacode.getUnlimited': getUnlimited,
      'security.msgSecCheck': msgSecCheck,
      'subscribeMessage.send': subscribeMessageSend(recordOutbox),
    }
  }

  /** Returns the protobuf body to send with status 200. */
  async handle(fields: Record<string, string | Buffer>): Promise<Buffer> {
    const apiName = fields.apiName
    if (typeof apiName !== 'string' || apiName === '') throw invalidParam('apiName is required')
    const method = this.methods[apiName]
    if (!method) throw unsupported(`openapi ${apiName}`, 'INVALID_PARAM')
    const requestData = fields.requestData
    if (!Buffer.isBuffer(requestData)) throw invalidParam('requestData must be a protobuf file field')
    const { params } = decodeOpenApiRequest(requestData)
    const answer = await method(params)
    if ('binary' in answer) return encodeOpenApiResponse(answer.binary, answer.contentType)
    return encodeOpenApiResponse(Buffer.from(JSON.stringify(answer.json)), 'application/json; charset=utf-8')
  }
}
