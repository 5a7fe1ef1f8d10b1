import type { MemberRow } from '@contracts'
import { PLACE_NAME_MAX, SPEAKER_NAME_MAX } from '@contracts/rules'
import type { LectureFormValues } from './lecture-form-values.rules'
import type { VenuePoint } from './venue-point.rules'

/* What a picker's answer (or a typed speaker name) does to the lecture form: the speaker and the venue. */

/** 从本支部成员中选择: the member's name and openid (and role, to show) become the speaker. */
export function withSpeakerMember(values: LectureFormValues, member: Pick<MemberRow, 'openid' | 'name' | 'role'>): LectureFormValues {
  return { ...values, speakerName: [...member.name].slice(0, SPEAKER_NAME_MAX).join(''), speakerOpenid: member.openid, speakerRole: member.role }
}

/**
 * A speaker's name typed by hand: an outside lecturer, so any link to a member goes (a member's
 * name edited into another is no longer that member). The same name again keeps the link.
 */
export function withSpeakerName(values: LectureFormValues, name: string): LectureFormValues {
  if (name === values.speakerName) return values
  return { ...withoutSpeakerLink(values), speakerName: name }
}

/** 取消关联: the name stays, as an outside lecturer's; nobody sees the attendance or report as speaker. */
export function withoutSpeakerLink(values: LectureFormValues): LectureFormValues {
  const { speakerOpenid: _openid, speakerRole: _role, ...rest } = values
  return rest
}

/**
 * The form after 场地定位 answered a point: the point (with the radius chosen so far), and the picked
 * place's name when the 地点 field is still empty — a name typed by hand is never overwritten.
 */
export function withVenuePoint(values: LectureFormValues, point: VenuePoint, placeName: string): LectureFormValues {
  const name = values.locationName.trim() ? values.locationName : [...placeName].slice(0, PLACE_NAME_MAX).join('')
  return { ...values, locationName: name, venuePoint: point }
}

/** 清除定位: the lecture keeps its place name and loses the distance check. */
export function withoutVenuePoint(values: LectureFormValues): LectureFormValues {
  const { venuePoint: _dropped, ...rest } = values
  return rest
}
