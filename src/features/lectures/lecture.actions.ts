import type { LectureDetail } from '@contracts'
import { callCloud } from '@/services/cloud'
import { refuse, type ActionSpec } from '@/features/shared/use-action'
import { markLecturesChanged } from '@/features/shared/lecture-changes'

/** 发布 (draft → published): resolves the published lecture. */
export const publishLecture: ActionSpec<[lectureId: string], LectureDetail> = {
  send: (lectureId) => callCloud('lecture', 'publish', { lectureId }),
  onDone: markLecturesChanged,
}

/** 取消 with a reason, which is required and kept (the people who would attend read it). */
export const cancelLecture: ActionSpec<[lectureId: string, reason: string], LectureDetail> = {
  send: (lectureId, reason) =>
    reason.trim()
      ? callCloud('lecture', 'cancel', { lectureId, reason: reason.trim() })
      : refuse({ code: 'COMMON.INVALID_INPUT', message: '请填写取消原因，参加的人会看到它', fields: { reason: '请填写取消原因' } }),
  onDone: markLecturesChanged,
}
