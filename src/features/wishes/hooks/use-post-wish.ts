import type { WishDetail } from '@contracts'
import { callCloud } from '@/services/cloud'
import { useFormSubmit, type UseFormSubmit } from '@/features/shared/use-form-submit'
import { markWishesChanged } from '../wish-changes'
import { checkWishForm, wishFormErrorsFromServer, type WishFormField, type WishFormValues } from '../rules/wish-form.rules'

export type UsePostWish = UseFormSubmit<[values: WishFormValues], WishDetail, WishFormField>

/** 发布心愿: checks the form, sends it once; a refusal keeps everything typed (the values live in the form). */
export function usePostWish(onBehalf: boolean): UsePostWish {
  return useFormSubmit({
    check: (values: WishFormValues) => checkWishForm(values, onBehalf),
    send: (value) => callCloud('wish', 'post', value),
    fieldErrorsFromServer: wishFormErrorsFromServer,
    onSaved: markWishesChanged,
  })
}
