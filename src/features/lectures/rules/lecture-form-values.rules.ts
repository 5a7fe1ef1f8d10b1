import type { Audience, CheckinMode, LectureDetail, Role } from '@contracts'
import { DEFAULT_AUDIENCE, DEFAULT_CHECKIN_MODE, DEFAULT_VENUE_RADIUS } from '@contracts/rules'
import { beijingParts } from '@/utils/beijing-time'
import { fileKindLabel } from './material-file.rules'
import type { VenuePoint } from './venue-point.rules'

/*
 * What the lecture form holds while it is filled in, empty or from a saved lecture. The date and the
 * two times are Beijing wall-clock time, whatever the phone's time zone.
 */

/** A link to read elsewhere. */
export interface LinkMaterialValues {
  title: string
  url: string
}

/** A file already in cloud storage (uploaded on this form, or kept from the edited lecture). */
export interface FileMaterialValues {
  title: string
  fileID: string
  /** What the row shows: the picked file's name, or its kind for a file kept from the lecture. */
  fileName: string
  /** The answer's temporary URL when editing (to open it from the form); never sent. */
  url?: string
}

export type MaterialValues = LinkMaterialValues | FileMaterialValues

export function isFileMaterialValues(m: MaterialValues): m is FileMaterialValues {
  return 'fileID' in m
}

export interface LectureFormValues {
  title: string
  topic: string
  speakerName: string
  /**
   * The branch member who gives the lecture (picked from the member list, or kept from an edited
   * lecture): they see its attendance and its rating report. Absent: an outside lecturer (外请讲师).
   */
  speakerOpenid?: string
  /** The linked member's role when picked on this form (shown as 本支部党员); unknown when editing. */
  speakerRole?: Role
  /** `YYYY-MM-DD`, Beijing */
  date: string
  /** `HH:mm`, Beijing */
  startTime: string
  endTime: string
  locationName: string
  /**
   * The venue's point (WGS-84) and radius for the distance flag: kept from an edited lecture, or set
   * with 场地定位 on the form. Absent: no distance check.
   */
  venuePoint?: VenuePoint
  audience: Audience
  checkinMode: CheckinMode
  materials: MaterialValues[]
  /** Minutes, as typed; empty means the default (DEFAULT_CHECKIN_WINDOW: 30 before, 0 after). */
  opensBeforeMinutes: string
  closesAfterMinutes: string
}

export function emptyLectureForm(today: string): LectureFormValues {
  return {
    title: '',
    topic: '',
    speakerName: '',
    date: today,
    startTime: '',
    endTime: '',
    locationName: '',
    audience: DEFAULT_AUDIENCE,
    checkinMode: DEFAULT_CHECKIN_MODE,
    materials: [],
    opensBeforeMinutes: '',
    closesAfterMinutes: '',
  }
}

/** The form filled from a saved lecture (editing). */
export function lectureToForm(l: LectureDetail): LectureFormValues {
  const start = beijingParts(l.startAt)
  const end = beijingParts(l.endAt)
  const { latitude, longitude, radius } = l.location
  return {
    title: l.title,
    topic: l.topic,
    speakerName: l.speaker.name,
    ...(l.speaker.openid ? { speakerOpenid: l.speaker.openid } : {}),
    date: start.date,
    startTime: start.time,
    endTime: end.time,
    locationName: l.location.name,
    ...(latitude !== null && longitude !== null ? { venuePoint: { latitude, longitude, radius: radius ?? DEFAULT_VENUE_RADIUS } } : {}),
    audience: l.audience,
    checkinMode: l.checkinMode,
    materials: l.materials.map((m): MaterialValues =>
      m.fileID ? { title: m.title, fileID: m.fileID, fileName: fileKindLabel(m.fileID), url: m.url } : { title: m.title, url: m.url },
    ),
    opensBeforeMinutes: String(l.checkinWindow.opensBeforeMinutes),
    closesAfterMinutes: String(l.checkinWindow.closesAfterMinutes),
  }
}
