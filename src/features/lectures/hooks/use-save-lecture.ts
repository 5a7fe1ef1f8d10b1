import type { ErrorBody, LectureDetail } from '@contracts'
import { callCloud } from '@/services/cloud'
import { useFormSubmit, type FormSubmitSpec } from '@/features/shared/use-form-submit'
import { markLecturesChanged } from '@/features/shared/lecture-changes'
import { checkLectureForm, type LectureInput } from '../rules/lecture-form-check.rules'
import { formErrorsFromServer, type LectureFormErrors, type LectureFormField } from '../rules/lecture-form-errors.rules'
import type { LectureFormValues } from '../rules/lecture-form-values.rules'

export interface UseSaveLecture {
  submitting: boolean
  error: ErrorBody | null
  fieldErrors: LectureFormErrors
  /**
   * Validates, then creates (no `lectureId`: a draft) or updates. Resolves the saved lecture, or null
   * (see `fieldErrors` / `error`).
   */
  submit: (values: LectureFormValues, lectureId?: string) => Promise<LectureDetail | null>
  clear: () => void
}

const saveLecture: FormSubmitSpec<[LectureFormValues, string?], LectureInput, LectureDetail, LectureFormField> = {
  check: checkLectureForm,
  send: (value, _values, lectureId) =>
    lectureId ? callCloud('lecture', 'update', { ...value, lectureId }) : callCloud('lecture', 'create', value),
  fieldErrorsFromServer: formErrorsFromServer,
  onSaved: markLecturesChanged,
}

export function useSaveLecture(): UseSaveLecture {
  return useFormSubmit(saveLecture)
}
