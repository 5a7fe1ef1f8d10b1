import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import type { CommitmentAction, CommitmentItemView, CommitmentPlanDetail } from '@contracts'
import {
  COMMITMENT_ACTION_LABELS,
  COMMITMENT_CATEGORIES,
  COMMITMENT_CATEGORY_LABELS,
  COMMITMENT_EVIDENCE_MAX,
  COMMITMENT_MEASURE_MAX,
  COMMITMENT_MEMBER_OUTCOMES,
  COMMITMENT_NOTE_MAX,
  COMMITMENT_OUTCOME_LABELS,
  COMMITMENT_PHOTOS_MAX,
  COMMITMENT_REASON_MAX,
  COMMITMENT_TEXT_MAX,
  type CommitmentCategory,
  type CommitmentMemberOutcome,
} from '@contracts/rules'
import { FormField } from '@/components/form-field'
import { OptionGroup } from '@/components/option-group'
import { TextField } from '@/components/text-field'
import { CallErrorNote } from '@/features/session'
import { CommitmentNoteField } from '../commitment-note-field'
import { CommitmentPhotoField } from '../commitment-photos'
import { useAddProgress, useReviseItem, useSetOutcome } from '../hooks/use-commitment-forms'
import { EMPTY_OUTCOME, EMPTY_PROGRESS, type OutcomeValues, type ProgressValues, type ReviseValues } from '../rules/commitment-form.rules'
import './commitment-item-forms.scss'

type ItemAction = Extract<CommitmentAction, 'revise' | 'addProgress' | 'setOutcome'>
const ITEM_ACTIONS: ItemAction[] = ['addProgress', 'setOutcome', 'revise']

const CATEGORY_OPTIONS = COMMITMENT_CATEGORIES.map((c) => ({ value: c, label: COMMITMENT_CATEGORY_LABELS[c] }))
const OUTCOME_OPTIONS = COMMITMENT_MEMBER_OUTCOMES.map((o) => ({ value: o, label: COMMITMENT_OUTCOME_LABELS[o] }))

export interface CommitmentItemFormsProps {
  planId: string
  item: CommitmentItemView
  /** What the author may do with this item now (the plan's `itemActions`). */
  actions: CommitmentAction[]
  onChanged: (plan: CommitmentPlanDetail) => void
}

/**
 * The author's buttons under an item — 晒进度, 晒业绩, 修改承诺 — each opening its form in place. A form
 * keeps what was typed while it is open, whatever the server answers; a success closes it.
 */
export function CommitmentItemForms({ planId, item, actions, onChanged }: CommitmentItemFormsProps) {
  const [open, setOpen] = useState<ItemAction | null>(null)
  const offered = ITEM_ACTIONS.filter((a) => actions.includes(a))
  if (offered.length === 0) return null
  const done = (plan: CommitmentPlanDetail) => {
    setOpen(null)
    onChanged(plan)
  }
  return (
    <View className='commitment-item-forms'>
      {open === null ? (
        <View className='commitment-item-forms__buttons'>
          {offered.map((a) => (
            <Button
              key={a}
              className={`app-button ${a === 'revise' ? 'app-button--secondary ' : ''}commitment-item-forms__open commitment-item-forms__open--${a}`}
              onClick={() => setOpen(a)}
            >
              {a === 'setOutcome' && item.outcome ? '改写业绩' : COMMITMENT_ACTION_LABELS[a]}
            </Button>
          ))}
        </View>
      ) : null}
      {open === 'addProgress' ? <ProgressForm planId={planId} item={item} onDone={done} onCancel={() => setOpen(null)} /> : null}
      {open === 'setOutcome' ? <OutcomeForm planId={planId} item={item} onDone={done} onCancel={() => setOpen(null)} /> : null}
      {open === 'revise' ? <ReviseForm planId={planId} item={item} onDone={done} onCancel={() => setOpen(null)} /> : null}
    </View>
  )
}

interface FormProps {
  planId: string
  item: CommitmentItemView
  onDone: (plan: CommitmentPlanDetail) => void
  onCancel: () => void
}

function Buttons({ name, submitting, label, onSubmit, onCancel }: { name: string; submitting: boolean; label: string; onSubmit: () => void; onCancel: () => void }) {
  return (
    <View className='commitment-item-forms__actions'>
      <Button className={`app-button commitment-item-forms__submit ${name}__submit`} disabled={submitting} onClick={onSubmit}>
        {submitting ? '正在提交…' : label}
      </Button>
      <Button className={`app-button app-button--secondary commitment-item-forms__cancel ${name}__cancel`} disabled={submitting} onClick={onCancel}>
        取消
      </Button>
    </View>
  )
}

/** 晒进度: how far, what was done, optional photos. */
function ProgressForm({ planId, item, onDone, onCancel }: FormProps) {
  const [v, setV] = useState<ProgressValues>({ ...EMPTY_PROGRESS, percent: item.percent > 0 ? String(item.percent) : '' })
  const form = useAddProgress(planId, item.itemId)
  const e = form.fieldErrors
  const send = async () => {
    const plan = await form.submit(v)
    if (plan) onDone(plan)
  }
  return (
    <View className='commitment-item-forms__form commitment-progress-form'>
      <Text className='commitment-item-forms__title'>晒进度</Text>
      <TextField
        className='commitment-progress-form__percent-field'
        inputClassName='commitment-progress-form__percent'
        label='完成了多少（%）'
        hint='填 0 到 100 的数，例如完成一半填 50。'
        error={e.percent}
        type='number'
        value={v.percent}
        maxLength={3}
        onInput={(x) => setV((p) => ({ ...p, percent: x }))}
      />
      <CommitmentNoteField
        className='commitment-progress-form__note-field'
        inputClassName='commitment-progress-form__note'
        label='做了哪些事'
        error={e.note}
        value={v.note}
        maxLength={COMMITMENT_NOTE_MAX}
        placeholder='例如：本周走访了 3 户，帮王大爷修好了门锁'
        onInput={(x) => setV((p) => ({ ...p, note: x }))}
      />
      <CommitmentPhotoField label='照片（可不加）' error={e.photos} photos={v.photos} max={COMMITMENT_PHOTOS_MAX} onChange={(photos) => setV((p) => ({ ...p, photos }))} />
      <CallErrorNote className='commitment-item-forms__error' error={form.error} />
      <Buttons name='commitment-progress-form' submitting={form.submitting} label='晒出进度' onSubmit={() => void send()} onCancel={onCancel} />
    </View>
  )
}

/** 晒业绩: kept, partly or not, with evidence; the reason when not kept in full shows on the board (晒问题). */
function OutcomeForm({ planId, item, onDone, onCancel }: FormProps) {
  const o = item.outcome
  const [v, setV] = useState<OutcomeValues>(
    o && o.outcome !== 'overdue' ? { outcome: o.outcome, evidence: o.evidence, reason: o.reason ?? '', photos: o.photos.map((p) => ({ fileID: p.fileID, preview: p.url })) } : EMPTY_OUTCOME,
  )
  const form = useSetOutcome(planId, item.itemId)
  const e = form.fieldErrors
  const send = async () => {
    const plan = await form.submit(v)
    if (plan) onDone(plan)
  }
  return (
    <View className='commitment-item-forms__form commitment-outcome-form'>
      <Text className='commitment-item-forms__title'>晒业绩</Text>
      <FormField className='commitment-outcome-form__outcome-field' label='兑现情况' error={e.outcome}>
        <OptionGroup<CommitmentMemberOutcome | ''> className='commitment-outcome-form__outcome' options={OUTCOME_OPTIONS} value={v.outcome} onChange={(x) => setV((p) => ({ ...p, outcome: x }))} />
      </FormField>
      <CommitmentNoteField
        className='commitment-outcome-form__evidence-field'
        inputClassName='commitment-outcome-form__evidence'
        label='做成了什么（兑现情况说明）'
        error={e.evidence}
        value={v.evidence}
        maxLength={COMMITMENT_EVIDENCE_MAX}
        placeholder='例如：全月走访 9 户，解决了 4 件难事'
        onInput={(x) => setV((p) => ({ ...p, evidence: x }))}
      />
      {v.outcome === 'partial' || v.outcome === 'unkept' ? (
        <CommitmentNoteField
          className='commitment-outcome-form__reason-field'
          inputClassName='commitment-outcome-form__reason'
          label='没有完全兑现的原因'
          hint='会和承诺一起公示（晒问题），写清楚原因和下一步打算。'
          error={e.reason}
          value={v.reason}
          maxLength={COMMITMENT_REASON_MAX}
          onInput={(x) => setV((p) => ({ ...p, reason: x }))}
        />
      ) : null}
      <CommitmentPhotoField label='证明照片（可不加）' error={e.photos} photos={v.photos} max={COMMITMENT_PHOTOS_MAX} onChange={(photos) => setV((p) => ({ ...p, photos }))} />
      <CallErrorNote className='commitment-item-forms__error' error={form.error} />
      <Buttons name='commitment-outcome-form' submitting={form.submitting} label='晒出业绩' onSubmit={() => void send()} onCancel={onCancel} />
    </View>
  )
}

/** 修改承诺 after it was published: a new version with its reason; the earlier one stays readable. */
function ReviseForm({ planId, item, onDone, onCancel }: FormProps) {
  const [v, setV] = useState<ReviseValues>({ text: item.text, category: item.category, measure: item.measure, reason: '' })
  const form = useReviseItem(planId, item)
  const e = form.fieldErrors
  const send = async () => {
    const plan = await form.submit(v)
    if (plan) onDone(plan)
  }
  return (
    <View className='commitment-item-forms__form commitment-revise-form'>
      <Text className='commitment-item-forms__title'>修改承诺</Text>
      <Text className='commitment-item-forms__hint'>已公示的承诺修改后，承诺榜会显示“已修改”，原来的内容和修改原因都能查看。</Text>
      <CommitmentNoteField
        className='commitment-revise-form__text-field'
        inputClassName='commitment-revise-form__text'
        label='承诺做什么'
        error={e.text}
        value={v.text}
        maxLength={COMMITMENT_TEXT_MAX}
        onInput={(x) => setV((p) => ({ ...p, text: x }))}
      />
      <FormField label='类别' error={e.category}>
        <OptionGroup<CommitmentCategory | ''> className='commitment-revise-form__category' options={CATEGORY_OPTIONS} value={v.category} onChange={(x) => setV((p) => ({ ...p, category: x }))} />
      </FormField>
      <TextField
        inputClassName='commitment-revise-form__measure'
        label='衡量标准'
        error={e.measure}
        value={v.measure}
        maxLength={COMMITMENT_MEASURE_MAX}
        onInput={(x) => setV((p) => ({ ...p, measure: x }))}
      />
      <CommitmentNoteField
        className='commitment-revise-form__reason-field'
        inputClassName='commitment-revise-form__reason'
        label='为什么修改'
        error={e.reason}
        value={v.reason}
        maxLength={COMMITMENT_REASON_MAX}
        placeholder='例如：社区活动改期，走访次数相应调整'
        onInput={(x) => setV((p) => ({ ...p, reason: x }))}
      />
      <CallErrorNote className='commitment-item-forms__error' error={form.error} />
      <Buttons name='commitment-revise-form' submitting={form.submitting} label='保存修改' onSubmit={() => void send()} onCancel={onCancel} />
    </View>
  )
}
