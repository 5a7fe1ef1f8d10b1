import type { ErrorBody, WhoamiOutput } from '@contracts'
import { callCloud } from '@/services/cloud'
import { useFormSubmit, type FormSubmitSpec } from '@/features/shared/use-form-submit'
import { checkJoinForm, type FieldErrors, type JoinValues } from './member-forms.rules'
import { setWhoami } from './whoami.store'

export interface UseJoinBranch {
  submitting: boolean
  /** The server's (or the network's) answer when joining failed. */
  error: ErrorBody | null
  fieldErrors: FieldErrors<keyof JoinValues>
  /** Validates, then joins. Resolves the new whoami on success, null otherwise. */
  submit: (values: JoinValues) => Promise<WhoamiOutput | null>
}

const joinBranch: FormSubmitSpec<[JoinValues], JoinValues, WhoamiOutput, keyof JoinValues> = {
  check: checkJoinForm,
  send: (value) => callCloud('member', 'joinBranch', value),
  fieldErrorsFromServer: (fields) => {
    const out: FieldErrors<keyof JoinValues> = {}
    if (fields?.name) out.name = fields.name
    if (fields?.code) out.code = fields.code
    return out
  },
  onSaved: setWhoami,
}

export function useJoinBranch(): UseJoinBranch {
  return useFormSubmit(joinBranch)
}
