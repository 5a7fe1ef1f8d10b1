import { lectureContract } from '../../contracts/lecture.contract'
import { createRouter, withPreload } from '../../shared/router'
import { addGuest, attendeeCandidates } from './add-attendee.use-case'
import { attendance, exportAttendance, markAttendance, myCheckIns } from './attendance.use-case'
import { getLecture, listLecturesFor, mySpokenLectures } from './browse-lectures.use-case'
import { checkIn, displayCode, displayCount } from './check-in.use-case'
import type { LectureRatings } from './lecture-ratings.port'
import { findLecture } from './lecture.repository'
import { cancelLecture, createLecture, publishLecture, updateLecture } from './manage-lecture.use-case'

/** The `lecture` function: open-style lectures and their check-in (docs/architecture.md "Check-in"). */
export const lectureRouter = (ratings: LectureRatings) => createRouter('lecture', lectureContract, {
  create: { auth: 'secretary', handle: (input, ctx) => createLecture(input, ctx) },
  update: { auth: 'secretary', handle: (input, ctx) => updateLecture(input, ctx) },
  publish: { auth: 'secretary', handle: (input, ctx) => publishLecture(input, ctx) },
  cancel: { auth: 'secretary', handle: (input, ctx) => cancelLecture(input, ctx) },
  list: { auth: 'inBranch', handle: (input, ctx) => listLecturesFor(input, ctx) },
  get: { auth: 'inBranch', handle: (input, ctx) => getLecture(input, ctx, ratings) },
  displayCode: { auth: 'secretary', handle: (input, ctx) => displayCode(input, ctx) },
  displayCount: { auth: 'secretary', handle: (input, ctx) => displayCount(input, ctx) },
  checkIn: withPreload({ auth: 'inBranch', preload: (input, db) => findLecture(db, input.lectureId), handle: (input, ctx, lecture) => checkIn(input, ctx, lecture) }),
  attendance: { auth: 'inBranch', handle: (input, ctx) => attendance(input, ctx) },
  markAttendance: { auth: 'secretary', handle: (input, ctx) => markAttendance(input, ctx, ratings) },
  attendeeCandidates: { auth: 'secretary', handle: (input, ctx) => attendeeCandidates(input, ctx) },
  addGuest: { auth: 'secretary', handle: (input, ctx) => addGuest(input, ctx) },
  exportAttendance: { auth: 'secretary', handle: (input, ctx) => exportAttendance(input, ctx) },
  myCheckIns: { auth: 'inBranch', handle: (input, ctx) => myCheckIns(input, ctx) },
  mySpokenLectures: { auth: 'inBranch', handle: (input, ctx) => mySpokenLectures(input, ctx) },
})
