import type {
  AttendanceRow,
  LectureDetail,
  LectureView,
  MaterialView,
  MyCheckIn,
  MyLectureStatus,
  SpeakerAttendanceRow,
  SpokenLecture,
} from '../../contracts/lecture.contract'
import { checkinWindowBounds } from '../../contracts/rules/lecture.rules'
import { maskName } from '../../shared/privacy.rules'
import { isFileMaterial, type StoredMaterial } from './material.rules'
import type { CheckInDoc, LectureDoc } from './lecture.repository'

const NO_URLS: ReadonlyMap<string, string> = new Map()

/** A file material carries the temporary URL made for this answer ('' when its file is gone). */
export function toMaterialView(m: StoredMaterial, fileUrls: ReadonlyMap<string, string>): MaterialView {
  return isFileMaterial(m) ? { title: m.title, fileID: m.fileID, url: fileUrls.get(m.fileID) ?? '' } : { title: m.title, url: m.url }
}

export function toLectureView(l: LectureDoc, viewerBranchId: string, fileUrls: ReadonlyMap<string, string> = NO_URLS): LectureView {
  const bounds = checkinWindowBounds(l.startAt.getTime(), l.endAt.getTime(), l.checkinWindow)
  return {
    id: l._id,
    branchId: l.branchId,
    branchName: l.branchName,
    title: l.title,
    topic: l.topic,
    speaker: { name: l.speaker.name, openid: l.speaker.openid },
    startAt: l.startAt.toISOString(),
    endAt: l.endAt.toISOString(),
    location: { ...l.location },
    audience: l.audience,
    checkinMode: l.checkinMode,
    materials: l.materials.map((m) => toMaterialView(m, fileUrls)),
    checkinWindow: { ...l.checkinWindow },
    checkinOpensAt: new Date(bounds.opensAt).toISOString(),
    checkinClosesAt: new Date(bounds.closesAt).toISOString(),
    status: l.status,
    cancelReason: l.cancelReason,
    checkinCount: l.checkinCount,
    fromOtherBranch: l.branchId !== viewerBranchId,
  }
}

export function toLectureDetail(
  l: LectureDoc,
  viewerBranchId: string,
  me: MyLectureStatus,
  fileUrls: ReadonlyMap<string, string> = NO_URLS,
): LectureDetail {
  return { ...toLectureView(l, viewerBranchId, fileUrls), me }
}

/** The whole record, for the branch secretary (the ledger's keeper) and what markAttendance answers. */
export function toAttendanceRow(c: CheckInDoc): AttendanceRow {
  return {
    openid: c.openid,
    name: c.name,
    branchName: c.branchName,
    visitor: c.visitor,
    at: c.at.toISOString(),
    method: c.method,
    present: c.present,
    flags: [...c.flags],
    distanceMeters: c.distanceMeters,
    reason: c.reason,
    guest: c.guest === true,
  }
}

/**
 * For the lecture's speaker, who sees who came but is not the branch's record-keeper: a masked name
 * (full names stay with the secretary, docs/architecture.md "Privacy") and `key` in place of the openid.
 */
/** What a guest's row says in place of a branch: they have none. */
const GUEST_BRANCH_LABEL = '来宾（未加入支部）'

export function toSpeakerAttendanceRow(c: CheckInDoc, key: string): SpeakerAttendanceRow {
  return {
    key,
    name: maskName(c.name),
    branchName: c.guest ? GUEST_BRANCH_LABEL : c.branchName,
    visitor: c.visitor,
    at: c.at.toISOString(),
    method: c.method,
  }
}

export function toMyCheckIn(c: CheckInDoc): MyCheckIn {
  return {
    lectureId: c.lectureId,
    lectureTitle: c.lectureTitle,
    lectureStartAt: c.lectureStartAt.toISOString(),
    at: c.at.toISOString(),
    method: c.method,
    flags: [...c.flags],
  }
}

export function toSpokenLecture(l: LectureDoc): SpokenLecture {
  return {
    lectureId: l._id,
    title: l.title,
    branchName: l.branchName,
    startAt: l.startAt.toISOString(),
    endAt: l.endAt.toISOString(),
    checkinCount: l.checkinCount,
  }
}
