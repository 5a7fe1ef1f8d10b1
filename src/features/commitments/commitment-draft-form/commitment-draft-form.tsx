import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import type { CommitmentPlanDetail } from '@contracts'
import { COMMITMENT_CATEGORIES, COMMITMENT_CATEGORY_LABELS, COMMITMENT_ITEMS_MAX, COMMITMENT_MEASURE_MAX, COMMITMENT_TEXT_MAX, type CommitmentCategory } from '@contracts/rules'
import { ErrorNote } from '@/components/error-note'
import { FormField, INVALID_FIELD_SELECTOR } from '@/components/form-field'
import { OptionGroup } from '@/components/option-group'
import { TextField } from '@/components/text-field'
import { CallErrorNote } from '@/features/session'
import { useAction } from '@/features/shared/use-action'
import { useScrollToError } from '@/features/shared/use-scroll-to-error'
import { submitCommitmentPlan } from '../commitment.actions'
import { CommitmentNoteField } from '../commitment-note-field'
import { useSaveDraft } from '../hooks/use-commitment-forms'
import { EMPTY_DRAFT_ITEM, checkDraft, draftErrorsFromServer, type DraftItemValues } from '../rules/commitment-form.rules'
import './commitment-draft-form.scss'

const CATEGORY_OPTIONS = COMMITMENT_CATEGORIES.map((c) => ({ value: c, label: COMMITMENT_CATEGORY_LABELS[c] }))

export interface CommitmentDraftFormProps {
  month: string
  /** The plan's items so far (a returned plan's, a draft's), or none. */
  initial: DraftItemValues[]
  onSaved: (plan: CommitmentPlanDetail) => void
}

/**
 * 亮承诺: 1–5 items, each what will be done, its category and how it will be measured; 保存草稿 keeps it
 * for later, 提交审核 sends it to the secretary. The values live here, so a refusal keeps everything typed.
 */
export function CommitmentDraftForm({ month, initial, onSaved }: CommitmentDraftFormProps) {
  const [items, setItems] = useState<DraftItemValues[]>(initial.length > 0 ? initial : [EMPTY_DRAFT_ITEM])
  const save = useSaveDraft(month)
  const submit = useAction(submitCommitmentPlan)
  const [submitErrors, setSubmitErrors] = useState(save.fieldErrors)
  // 提交审核 checks here and runs its own action (save, then submit): its refusal's fields join the form's.
  const errors = { ...submitErrors, ...draftErrorsFromServer(submit.error?.fields), ...save.fieldErrors }
  useScrollToError(errors, INVALID_FIELD_SELECTOR)
  const busy = save.submitting || submit.pending !== null

  const set = (i: number, patch: Partial<DraftItemValues>) => setItems((prev) => prev.map((item, j) => (j === i ? { ...item, ...patch } : item)))

  const onSave = async () => {
    setSubmitErrors({})
    submit.clearError()
    const plan = await save.submit(items)
    if (plan) onSaved(plan)
  }

  const onSubmit = async () => {
    save.clear()
    const checked = checkDraft(month, items)
    setSubmitErrors(checked.ok ? {} : checked.errors)
    if (!checked.ok) return
    const plan = await submit.run(checked.value)
    if (plan) onSaved(plan)
  }

  return (
    <View className='commitment-draft-form'>
      {items.map((item, i) => (
        <View key={i} className={`app-card commitment-draft-form__item commitment-draft-form__item--${i}`}>
          <View className='commitment-draft-form__item-head'>
            <Text className='app-card__title'>第 {i + 1} 条承诺</Text>
            {items.length > 1 ? (
              <Text className='commitment-draft-form__remove' onClick={() => setItems((prev) => prev.filter((_, j) => j !== i))}>
                删除这条
              </Text>
            ) : null}
          </View>
          <CommitmentNoteField
            className='commitment-draft-form__text-field'
            inputClassName='commitment-draft-form__text'
            label='承诺做什么'
            error={errors[`${i}.text`]}
            value={item.text}
            maxLength={COMMITMENT_TEXT_MAX}
            placeholder='例如：每周走访 2 户独居老人，帮忙解决实际困难'
            onInput={(x) => set(i, { text: x })}
          />
          <FormField className='commitment-draft-form__category-field' label='类别' error={errors[`${i}.category`]}>
            <OptionGroup<CommitmentCategory | ''> className='commitment-draft-form__category' options={CATEGORY_OPTIONS} value={item.category} onChange={(c) => set(i, { category: c })} />
          </FormField>
          <TextField
            className='commitment-draft-form__measure-field'
            inputClassName='commitment-draft-form__measure'
            label='怎样算做到了（衡量标准）'
            error={errors[`${i}.measure`]}
            value={item.measure}
            maxLength={COMMITMENT_MEASURE_MAX}
            placeholder='例如：全月走访 8 户，有走访记录'
            onInput={(x) => set(i, { measure: x })}
          />
        </View>
      ))}
      {errors.items ? <ErrorNote className='commitment-draft-form__error' message={errors.items} /> : null}
      {items.length < COMMITMENT_ITEMS_MAX ? (
        <Button className='app-button app-button--secondary app-button--block commitment-draft-form__add' onClick={() => setItems((prev) => [...prev, EMPTY_DRAFT_ITEM])}>
          + 再加一条（最多 {COMMITMENT_ITEMS_MAX} 条）
        </Button>
      ) : null}
      {save.error ? <CallErrorNote className='commitment-draft-form__error' error={save.error} /> : null}
      {submit.error ? <CallErrorNote className='commitment-draft-form__error' error={submit.error} /> : null}
      <Button className='app-button app-button--block commitment-draft-form__submit' disabled={busy} onClick={() => void onSubmit()}>
        {submit.pending ? '正在提交…' : '提交给书记审核'}
      </Button>
      <Button className='app-button app-button--secondary app-button--block commitment-draft-form__save' disabled={busy} onClick={() => void onSave()}>
        {save.submitting ? '正在保存…' : '先保存草稿，以后再提交'}
      </Button>
      <Text className='commitment-draft-form__after'>书记审核通过后，承诺会在本支部承诺榜上公示；之后修改要写明原因，群众能看到修改记录。</Text>
    </View>
  )
}
