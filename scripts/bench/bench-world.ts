/**
 * Documents for the benchmarks' worlds, written straight into the store (bulk, not through the functions):
 * each in the shape its function writes it, so the functions read them as their own.
 */
import { demoWishDocs } from '../../cloudfunctions/emulator/seed/demo-wishes.seed'
import type { CheckInDoc, LectureDoc } from '../../cloudfunctions/modules/lectures/lecture.repository'
import type { WishDoc } from '../../cloudfunctions/modules/wishes/wish.repository'
import { nameSortKey } from '../../cloudfunctions/shared/name-sort.rules'
import { benchId } from './bench-host'

type Doc = Record<string, unknown>
const HOUR = 3_600_000

export function branchDoc(id: string, name: string, seq: number, createdAt: Date): Doc {
  const code = (kind: string) => `${kind}${seq.toString(36).padStart(6, '0')}`
  return {
    _id: id,
    name,
    inviteCodes: { member: code('m'), resident: code('r') },
    secretaryCode: null,
    counts: { secretary: 1, member: 0, resident: 0 },
    createdAt,
    createdBy: 'demo-admin',
  }
}

export function memberDoc(openid: string, branchId: string, name: string, role: 'secretary' | 'member', joinedAt: Date): Doc {
  return { _id: openid, openid, name, phone: '', post: '', avatar: '', role, branchId, joinedAt, updatedAt: joinedAt }
}

export function lectureDoc(id: string, branch: { id: string; name: string }, startAt: Date, createdBy: string, audience: LectureDoc['audience'] = 'branch'): LectureDoc {
  return {
    _id: id,
    branchId: branch.id,
    branchName: branch.name,
    title: '学习贯彻党的二十届三中全会精神',
    topic: '结合社区实际谈改革',
    speaker: { name: '王建国', openid: null },
    startAt,
    endAt: new Date(startAt.getTime() + HOUR),
    location: { name: '社区党群服务中心二楼', latitude: null, longitude: null, radius: null },
    audience,
    checkinMode: 'rotating',
    materials: [],
    checkinWindow: { opensBeforeMinutes: 30, closesAfterMinutes: 0 },
    status: 'published',
    cancelReason: null,
    secret: 'bench'.padEnd(48, '0'),
    slotSeconds: 15,
    checkinCount: 0,
    createdAt: new Date(startAt.getTime() - 7 * 24 * HOUR),
    createdBy,
    updatedAt: startAt,
    publishedAt: new Date(startAt.getTime() - 7 * 24 * HOUR),
  }
}

export function checkInDoc(lecture: LectureDoc, person: { openid: string; name: string; branchId: string; branchName: string }, at: Date): CheckInDoc {
  return {
    _id: `${lecture._id}_${person.openid}`,
    lectureId: lecture._id,
    openid: person.openid,
    name: person.name,
    nameKey: nameSortKey(person.name),
    branchId: person.branchId,
    branchName: person.branchName,
    visitor: person.branchId !== lecture.branchId,
    at,
    method: 'scan',
    present: true,
    flags: [],
    distanceMeters: null,
    reason: null,
    markedBy: null,
    lectureTitle: lecture.title,
    lectureStartAt: lecture.startAt,
    updatedAt: at,
  }
}

/**
 * `n` wishes of a branch, copies of the demo wishes (every status, with their timelines and texts) under
 * new ids, posted one an hour back from `now`. Slots and figures are left out: the reads measured do not
 * use them.
 */
export function wishDocs(n: number, branch: { id: string; name: string }, firstSeq: number, now: Date): WishDoc[] {
  const demo = demoWishDocs(now).wishes
  return Array.from({ length: n }, (_, i) => {
    const base = demo[i % demo.length] as WishDoc
    const postedAt = new Date(now.getTime() - (i + 1) * HOUR)
    const shift = postedAt.getTime() - base.postedAt.getTime()
    const moved = (d: Date | null) => (d ? new Date(d.getTime() + shift) : null)
    return {
      ...base,
      _id: benchId('W', firstSeq + i),
      branchId: branch.id,
      branchName: branch.name,
      postedAt,
      openedAt: moved(base.openedAt),
      claimedAt: moved(base.claimedAt),
      fulfilledAt: moved(base.fulfilledAt),
      confirmedAt: moved(base.confirmedAt),
      idleSince: moved(base.idleSince),
    }
  })
}
