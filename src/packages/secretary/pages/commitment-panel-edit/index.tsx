import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, Textarea, View } from '@tarojs/components'
import { COMMITMENT_HOTLINE_MAX, COMMITMENT_PANEL_LINE_MAX, COMMITMENT_PANEL_LINES_MAX } from '@contracts/rules'
import { ErrorNote } from '@/components/error-note'
import { FormField } from '@/components/form-field'
import { LoadingState } from '@/components/loading-state'
import { TextField } from '@/components/text-field'
import { linesOf, panelDraftErrors, panelDraftOf, savePanel, type PanelDraft, type PanelField } from '@/features/commitments/commitment-admin.actions'
import { useCommitmentBoardView } from '@/features/commitments/hooks/use-commitment-month'
import { SecretaryOnly } from '@/features/members/secretary-only'
import { CallErrorView } from '@/features/session'
import { useAction } from '@/features/shared/use-action'
import { ROUTES } from '@/routes'
import './index.scss'

// Room for the most lines the contract allows, each at its longest, with their line breaks.
const BOX_MAX = COMMITMENT_PANEL_LINES_MAX * (COMMITMENT_PANEL_LINE_MAX + 1)

const BOXES: { field: Exclude<PanelField, 'hotline'>; label: string; placeholder: string }[] = [
  { field: 'responsibilities', label: '职责清单', placeholder: '例如：宣传贯彻党的路线方针政策' },
  { field: 'tasks', label: '任务清单', placeholder: '例如：每月开展一次主题党日活动' },
  { field: 'process', label: '服务流程', placeholder: '例如：群众来电或来访登记' },
]

/**
 * 亮职责 (secretary): the branch's responsibility and task lists, service process and hotline, shown at
 * the top of every month's board. One entry per line; the lines are kept in the order written.
 */
export default function CommitmentPanelEditPage() {
  return (
    <SecretaryOnly
      className='commitment-panel-edit'
      deniedTitle='只有支部书记可以编辑亮职责'
      deniedHint='支部的职责清单和服务热线由本支部书记填写。'
      back={{ tab: ROUTES.mine, text: '回到“我的”' }}
    >
      {(me) => <PanelEditor branchId={me.branch.id} />}
    </SecretaryOnly>
  )
}

function PanelEditor({ branchId }: { branchId: string }) {
  const board = useCommitmentBoardView(branchId, null)
  const [draft, setDraft] = useState<PanelDraft | null>(null)
  const [errors, setErrors] = useState<Partial<Record<PanelField, string>>>({})
  const saving = useAction({
    ...savePanel,
    onError: (e) => setErrors(Object.fromEntries(Object.entries(e.fields ?? {}).map(([k, v]) => [k.split('.')[0], v]))),
  })
  const loaded = board.data?.panel ?? null

  // The saved panel fills the form once; later reloads do not overwrite what is being typed.
  useEffect(() => {
    if (loaded && draft === null) setDraft(panelDraftOf(loaded))
  }, [loaded, draft])

  if (!draft) {
    return (
      <View className='commitment-panel-edit'>
        {board.status === 'error' && board.error ? <CallErrorView error={board.error} onRetry={() => void board.reload()} /> : <LoadingState />}
      </View>
    )
  }

  const set = (field: PanelField, value: string) => {
    setDraft((d) => (d ? { ...d, [field]: value } : d))
    setErrors((e) => ({ ...e, [field]: undefined }))
  }

  const save = async () => {
    const found = panelDraftErrors(draft)
    setErrors(found)
    if (Object.keys(found).length > 0) return
    const saved = await saving.run(draft)
    if (!saved) return
    setDraft(panelDraftOf(saved))
    void Taro.showToast({ title: '已保存', icon: 'success' })
  }

  return (
    <View className='commitment-panel-edit'>
      <View className='app-card commitment-panel-edit__form'>
        <Text className='app-card__hint'>
          每行一条，每项最多 {COMMITMENT_PANEL_LINES_MAX} 条、每条最多 {COMMITMENT_PANEL_LINE_MAX} 个字。保存后显示在本支部每个月承诺榜的最上方。
        </Text>
        {BOXES.map((b) => (
          <FormField key={b.field} className={`commitment-panel-edit__field commitment-panel-edit__${b.field}`} label={b.label} hint={`${linesOf(draft[b.field]).length} 条`} error={errors[b.field]}>
            <Textarea
              className={`commitment-panel-edit__textarea${errors[b.field] ? ' commitment-panel-edit__textarea--invalid' : ''}`}
              value={draft[b.field]}
              maxlength={BOX_MAX}
              autoHeight
              placeholder={b.placeholder}
              onInput={(e) => set(b.field, e.detail.value)}
            />
          </FormField>
        ))}
        <TextField
          className='commitment-panel-edit__hotline'
          inputClassName='commitment-panel-edit__hotline-input'
          label='服务热线'
          hint='座机或手机号，可含区号和 -；不填则不显示'
          value={draft.hotline}
          error={errors.hotline}
          maxLength={COMMITMENT_HOTLINE_MAX}
          counter={false}
          onInput={(v) => set('hotline', v)}
        />
        {saving.error ? <ErrorNote className='commitment-panel-edit__error' message={saving.error.message} /> : null}
        <Button className='app-button app-button--block commitment-panel-edit__submit' disabled={saving.pending !== null} onClick={() => void save()}>
          {saving.pending !== null ? '正在保存…' : '保存'}
        </Button>
      </View>
    </View>
  )
}
