import type { ErrorBody, Profile } from '@contracts'
import { callCloud } from '@/services/cloud'
import { useFormSubmit, type FormSubmitSpec } from '@/features/shared/use-form-submit'
import { checkProfileForm, type FieldErrors, type ProfileValues } from './member-forms.rules'
import { patchProfile } from './whoami.store'

export interface UseUpdateProfile {
  submitting: boolean
  error: ErrorBody | null
  fieldErrors: FieldErrors<keyof ProfileValues>
  /** Validates, then saves. Resolves the saved profile, or null. */
  submit: (values: ProfileValues) => Promise<Profile | null>
  clear: () => void
}

const updateProfile: FormSubmitSpec<[ProfileValues], ProfileValues, Profile, keyof ProfileValues> = {
  check: checkProfileForm,
  send: (value) => callCloud('member', 'updateProfile', value),
  fieldErrorsFromServer: (fields) => ({ name: fields?.name, phone: fields?.phone, post: fields?.post }),
  onSaved: patchProfile,
}

export function useUpdateProfile(): UseUpdateProfile {
  return useFormSubmit(updateProfile)
}
