import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, Textarea, View } from '@tarojs/components'
import type { WishDetail, WishSatisfaction } from '@contracts'
import {
  WISH_ACTION_LABELS,
  WISH_NOTE_MAX,
  WISH_PHOTOS_MAX,
  WISH_REASON_MAX,
  WISH_SATISFACTION_LABELS,
  WISH_SATISFACTIONS,
  WISH_THANKS_MAX,
  type WishAction,
} from '@contracts/rules'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { FormField } from '@/components/form-field'
import { OptionGroup } from '@/components/option-group'
import { TextField } from '@/components/text-field'
import { CallErrorNote } from '@/features/session'
import { useAction } from '@/features/shared/use-action'
import { wishWaitingText } from '../rules/wish-next-step.rules'
import type { WishFormPhoto } from '../rules/wish-form.rules'
import { WishPhotoField } from '../wish-photos'
import { addWishProgress, claimWish, confirmWish, confirmWishOnBehalf, fulfilWish, giveBackWish, withdrawWish } from '../wish.actions'
import { WishReviewDialogs, type ReviewDecision } from './wish-review-dialogs'
import './wish-action-panel.scss'

export interface WishActionPanelProps {
  wish: WishDetail
  /** The wish as the function answered after an action. */
  onChanged: (wish: WishDetail) => void
}

type Dialog = 'claim' | 'withdraw' | 'addProgress' | 'giveBack' | 'confirmOnBehalf'

/** The way forward first (the big button); giving back or withdrawing, which undo, last. */
const ORDER: WishAction[] = ['review', 'claim', 'confirm', 'fulfil', 'addProgress', 'confirmOnBehalf', 'giveBack', 'withdraw']

const DONE_TOAST: Record<WishAction, string> = {
  review: '已审核',
  withdraw: '已撤回',
  claim: '认领成功',
  addProgress: '已记录',
  giveBack: '已交还',
  fulfil: '已标记完成',
  confirm: '已确认',
  confirmOnBehalf: '已代为确认',
}

/**
 * What the viewer can do with the wish now, from the function's `actions` (it checks them again):
 * the way forward is the big button; the rest sit under it. With nothing to do, who acts next.
 */
export function WishActionPanel({ wish: w, onChanged }: WishActionPanelProps) {
  const [dialog, setDialog] = useState<Dialog | null>(null)
  const [form, setForm] = useState<'fulfil' | 'confirm' | null>(null)
  const [review, setReview] = useState<ReviewDecision | null>(null)

  const done = (action: WishAction) => (next: WishDetail) => {
    setDialog(null)
    setForm(null)
    setReview(null)
    onChanged(next)
    void Taro.showToast({ title: DONE_TOAST[action], icon: 'success' })
  }

  if (w.actions.length === 0) {
    return (
      <View className='app-card wish-action-panel wish-action-panel--none'>
        <Text className='wish-action-panel__waiting'>{wishWaitingText(w)}</Text>
      </View>
    )
  }

  const actions = [...w.actions].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b))
  const open = (a: WishAction) => {
    if (a === 'fulfil' || a === 'confirm') setForm(a)
    else if (a !== 'review') setDialog(a)
  }

  return (
    <View className='app-card wish-action-panel'>
      <Text className='app-card__title'>{actions.includes('review') ? '审核这个心愿' : '您可以'}</Text>
      {actions.map((a, i) =>
        a === 'review' ? (
          <View key={a} className='wish-action-panel__review'>
            <Button className='app-button app-button--block wish-action-panel__approve' onClick={() => setReview('approve')}>
              审核通过
            </Button>
            <Button className='app-button app-button--secondary app-button--block wish-action-panel__reject' onClick={() => setReview('reject')}>
              不通过
            </Button>
          </View>
        ) : form === a ? null : (
          <Button
            key={a}
            className={`app-button ${i === 0 ? '' : 'app-button--secondary '}app-button--block wish-action-panel__action wish-action-panel__${a}`}
            onClick={() => open(a)}
          >
            {a === 'claim' ? '我来认领' : WISH_ACTION_LABELS[a]}
          </Button>
        ),
      )}

      {form === 'fulfil' ? <FulfilForm wishId={w.id} onDone={done('fulfil')} onCancel={() => setForm(null)} /> : null}
      {form === 'confirm' ? <ConfirmForm wish={w} onDone={done('confirm')} onCancel={() => setForm(null)} /> : null}

      <SimpleDialogs wish={w} dialog={dialog} onDone={(a, next) => done(a)(next)} onClose={() => setDialog(null)} />
      <WishReviewDialogs
        target={review ? { id: w.id, title: w.title, decision: review } : null}
        onDone={done('review')}
        onClose={() => setReview(null)}
      />
    </View>
  )
}

function SimpleDialogs({ wish: w, dialog, onDone, onClose }: { wish: WishDetail; dialog: Dialog | null; onDone: (a: WishAction, w: WishDetail) => void; onClose: () => void }) {
  const claim = useAction(claimWish)
  const withdraw = useAction(withdrawWish)
  const progress = useAction(addWishProgress)
  const giveBack = useAction(giveBackWish)
  const onBehalf = useAction(confirmWishOnBehalf)
  const close = () => {
    for (const a of [claim, withdraw, progress, giveBack, onBehalf]) a.clearError()
    onClose()
  }
  const after = (a: WishAction) => (next: WishDetail | null) => {
    if (next) onDone(a, next)
  }

  return (
    <>
      <ConfirmDialog
        className='wish-action-panel__claim-dialog'
        visible={dialog === 'claim'}
        title='认领这个心愿'
        message='认领后您能看到心愿人的电话和地址，请尽快联系。一个心愿只由一位党员认领，做不了可以交还。'
        confirmText='确认认领'
        submitting={claim.pending !== null}
        error={claim.error?.message ?? null}
        onConfirm={() => void claim.run(w.id).then(after('claim'))}
        onCancel={close}
      />
      <ConfirmDialog
        className='wish-action-panel__withdraw-dialog'
        visible={dialog === 'withdraw'}
        title='撤回心愿'
        message='撤回后党员就看不到这个心愿了。确定撤回吗？'
        confirmText='确认撤回'
        tone='danger'
        submitting={withdraw.pending !== null}
        error={withdraw.error?.message ?? null}
        onConfirm={() => void withdraw.run(w.id, '').then(after('withdraw'))}
        onCancel={close}
      />
      <ConfirmDialog
        className='wish-action-panel__progress-dialog'
        visible={dialog === 'addProgress'}
        title='记录进展'
        message='心愿人会看到这条进展。'
        confirmText='保存进展'
        reason={{ label: '这次做了什么', placeholder: '例如：已买好书包，周六送去', maxLength: WISH_NOTE_MAX }}
        submitting={progress.pending !== null}
        error={progress.error?.message ?? null}
        onConfirm={(note) => void progress.run(w.id, note).then(after('addProgress'))}
        onCancel={close}
      />
      <ConfirmDialog
        className='wish-action-panel__give-back-dialog'
        visible={dialog === 'giveBack'}
        title='交还心愿'
        message='交还后心愿会重新等待其他党员认领。'
        confirmText='确认交还'
        tone='danger'
        reason={{ label: '交还的原因', placeholder: '例如：临时出差，无法完成', maxLength: WISH_REASON_MAX }}
        submitting={giveBack.pending !== null}
        error={giveBack.error?.message ?? null}
        onConfirm={(reason) => void giveBack.run(w.id, reason).then(after('giveBack'))}
        onCancel={close}
      />
      <ConfirmDialog
        className='wish-action-panel__on-behalf-dialog'
        visible={dialog === 'confirmOnBehalf'}
        title='代为确认'
        message='心愿人 7 天内没有确认。代为确认后，记录上会注明“书记代为确认”。'
        confirmText='确认'
        submitting={onBehalf.pending !== null}
        error={onBehalf.error?.message ?? null}
        onConfirm={() => void onBehalf.run(w.id).then(after('confirmOnBehalf'))}
        onCancel={close}
      />
    </>
  )
}

function FulfilForm({ wishId, onDone, onCancel }: { wishId: string; onDone: (w: WishDetail) => void; onCancel: () => void }) {
  const [note, setNote] = useState('')
  const [photos, setPhotos] = useState<WishFormPhoto[]>([])
  const action = useAction(fulfilWish)
  const fields = action.error?.fields ?? {}
  const submit = async () => {
    const next = await action.run(
      wishId,
      note,
      photos.map((p) => p.fileID),
    )
    if (next) onDone(next)
  }
  return (
    <View className='wish-action-panel__form wish-fulfil-form'>
      <FormField label='是怎么完成的' error={fields.note}>
        <Textarea
          className={`wish-action-panel__textarea wish-fulfil-form__note${fields.note ? ' wish-action-panel__textarea--invalid' : ''}`}
          value={note}
          maxlength={WISH_NOTE_MAX}
          autoHeight
          placeholder='例如：书包已送到，孩子很喜欢'
          onInput={(e) => setNote(e.detail.value)}
        />
      </FormField>
      <WishPhotoField
        className='wish-fulfil-form__photos'
        label='完成照片'
        hint='至少 1 张，心愿人同意后会展示在圆梦墙上。'
        error={fields.photos}
        photos={photos}
        max={WISH_PHOTOS_MAX}
        onChange={setPhotos}
      />
      <CallErrorNote className='wish-action-panel__error' error={action.error} />
      <Button className='app-button app-button--block wish-fulfil-form__submit' disabled={action.pending !== null} onClick={() => void submit()}>
        {action.pending !== null ? '正在提交…' : '提交，请心愿人确认'}
      </Button>
      <Button className='app-button app-button--secondary app-button--block wish-fulfil-form__cancel' onClick={onCancel}>
        先不提交
      </Button>
    </View>
  )
}

const SATISFACTION_OPTIONS = WISH_SATISFACTIONS.map((s) => ({ value: s, label: WISH_SATISFACTION_LABELS[s] }))
const WALL_OPTIONS = [
  { value: 'yes' as const, label: '同意', hint: '完成照片会出现在圆梦墙上（名字都会隐去）' },
  { value: 'no' as const, label: '不同意', hint: '圆梦墙上只有文字，没有照片' },
]

function ConfirmForm({ wish: w, onDone, onCancel }: { wish: WishDetail; onDone: (w: WishDetail) => void; onCancel: () => void }) {
  const [satisfaction, setSatisfaction] = useState<WishSatisfaction | ''>('')
  const [thanks, setThanks] = useState('')
  const [reason, setReason] = useState('')
  const [wall, setWall] = useState<'yes' | 'no'>('yes')
  const [missing, setMissing] = useState(false)
  const action = useAction(confirmWish)
  const fields = action.error?.fields ?? {}
  const submit = async () => {
    if (!satisfaction) {
      setMissing(true)
      return
    }
    const next = await action.run(w.id, { satisfaction, thanks, reason, showProofOnWall: wall === 'yes' })
    if (next) onDone(next)
  }
  return (
    <View className='wish-action-panel__form wish-confirm-form'>
      <FormField label='心愿实现得怎么样' error={missing && !satisfaction ? '请选一项' : undefined}>
        <OptionGroup<WishSatisfaction | ''>
          className='wish-confirm-form__satisfaction'
          layout='column'
          options={SATISFACTION_OPTIONS}
          value={satisfaction}
          onChange={setSatisfaction}
        />
      </FormField>
      {satisfaction === 'unsatisfied' ? (
        <TextField
          className='wish-confirm-form__reason-field'
          inputClassName='wish-confirm-form__reason'
          label='哪里不满意'
          hint={w.returned ? '这次之后心愿就结束了。' : '认领人会看到，并再来完善一次。'}
          error={fields.reason}
          value={reason}
          maxLength={WISH_REASON_MAX}
          placeholder='例如：书包尺寸太小'
          onInput={setReason}
        />
      ) : (
        <TextField
          className='wish-confirm-form__thanks-field'
          inputClassName='wish-confirm-form__thanks'
          label='想对认领人说的话（可不填）'
          error={fields.thanks}
          value={thanks}
          maxLength={WISH_THANKS_MAX}
          placeholder='例如：谢谢小张，书包很合适'
          onInput={setThanks}
        />
      )}
      {w.fulfilment && w.fulfilment.photos.length > 0 ? (
        <FormField label='完成照片能否放上圆梦墙'>
          <OptionGroup className='wish-confirm-form__wall' layout='column' options={WALL_OPTIONS} value={wall} onChange={setWall} />
        </FormField>
      ) : null}
      <CallErrorNote className='wish-action-panel__error' error={action.error} />
      <Button className='app-button app-button--block wish-confirm-form__submit' disabled={action.pending !== null} onClick={() => void submit()}>
        {action.pending !== null ? '正在提交…' : '提交确认'}
      </Button>
      <Button className='app-button app-button--secondary app-button--block wish-confirm-form__cancel' onClick={onCancel}>
        先不确认
      </Button>
    </View>
  )
}
