import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { LectureDetail } from '@contracts'
import { AudienceBadge } from '@/components/audience-badge'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { EmptyState } from '@/components/empty-state'
import { LectureStatusBadge } from '@/components/lecture-status-badge'
import { LoadingState } from '@/components/loading-state'
import { LectureForm } from '@/features/lectures/lecture-form'
import { emptyLectureForm, lectureToForm, type LectureFormValues } from '@/features/lectures/rules/lecture-form-values.rules'
import { cancelLecture, publishLecture } from '@/features/lectures/lecture.actions'
import { useLecture } from '@/features/lectures/hooks/use-lecture'
import { useSaveLecture } from '@/features/lectures/hooks/use-save-lecture'
import { SecretaryOnly } from '@/features/members/secretary-only'
import { CallErrorView } from '@/features/session'
import { useAction } from '@/features/shared/use-action'
import { ROUTES, withQuery } from '@/routes'
import { beijingToday, formatLectureTime } from '@/utils/beijing-time'
import { safeDecode } from '@/utils/safe-decode'
import './index.scss'

/** Back to the lecture's detail: the page underneath when there is one (it reloads itself), else a fresh one. */
function backToDetail(lectureId: string) {
  const pages = Taro.getCurrentPages()
  const below = pages[pages.length - 2]
  if (below && below.route && below.route.replace(/^\//, '') === ROUTES.lectureDetail.replace(/^\//, '')) {
    void Taro.navigateBack()
  } else {
    void Taro.redirectTo({ url: withQuery(ROUTES.lectureDetail, { id: lectureId }) })
  }
}

/**
 * 发布党课 (secretary): a new lecture is saved as a draft first, then 发布 after a confirmation; with
 * `?id=` the same form edits it (titled 编辑党课, as is 继续修改 of a new draft), and 取消党课 (with a
 * reason everyone will see) is offered.
 */
export default function LectureEditPage() {
  const router = useRouter()
  const paramId = router.params.id ? safeDecode(router.params.id) : null
  const existing = useLecture(paramId)
  const save = useSaveLecture()
  const publishing = useAction(publishLecture)
  const cancelling = useAction(cancelLecture)
  const [saved, setSaved] = useState<LectureDetail | null>(null)
  /** After a new draft is saved, 继续修改 edits it in place. */
  const [editingSaved, setEditingSaved] = useState(false)
  const [confirming, setConfirming] = useState<'publish' | 'cancel' | null>(null)
  const today = beijingToday()

  // One page for both: the bar says which (its config's 发布党课 is the new lecture's title).
  const editing = Boolean(paramId) || editingSaved
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: editing ? '编辑党课' : '发布党课' }).catch(() => undefined)
  }, [editing])

  const lecture = paramId ? existing.data : saved
  const lectureId = lecture?.id ?? null

  const publish = async () => {
    if (!lectureId) return
    const done = await publishing.run(lectureId)
    if (!done) return
    setConfirming(null)
    void Taro.showToast({ title: '已发布', icon: 'success' })
    if (paramId) backToDetail(lectureId)
    else void Taro.redirectTo({ url: withQuery(ROUTES.lectureDetail, { id: lectureId }) })
  }

  const cancel = async (reason: string) => {
    if (!lectureId) return
    const done = await cancelling.run(lectureId, reason)
    if (!done) return
    setConfirming(null)
    void Taro.showToast({ title: '已取消', icon: 'success' })
    backToDetail(lectureId)
  }

  const submit = async (values: LectureFormValues) => {
    const result = await save.submit(values, lectureId ?? undefined)
    if (!result) return
    if (paramId) {
      existing.replace(result)
      void Taro.showToast({ title: '已保存', icon: 'success' })
      backToDetail(result.id)
      return
    }
    setSaved(result)
    setEditingSaved(false)
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined)
  }

  const showSavedCard = !paramId && saved && !editingSaved

  return (
    <SecretaryOnly
      className='lecture-edit'
      deniedTitle='只有支部书记可以发布党课'
      deniedHint='想安排党课，请联系本支部书记。'
      back={{ tab: ROUTES.lectures, text: '回到党课' }}
    >
      {() => {
        if (paramId && existing.status === 'loading') return <View className='lecture-edit'><LoadingState text='正在加载党课…' /></View>
        if (paramId && !existing.data) {
          return (
            <View className='lecture-edit'>
              {existing.error ? <CallErrorView error={existing.error} onRetry={() => void existing.reload()} /> : null}
            </View>
          )
        }
        return (
          <View className='lecture-edit'>
            {showSavedCard && saved ? (
              <View className='app-card lecture-edit__saved'>
                <Text className='lecture-edit__saved-title'>已保存为草稿</Text>
                <Text className='app-card__hint'>现在只有你能看到。核对无误后点“发布”，支部成员就能看到并签到。</Text>
                <View className='lecture-edit__summary'>
                  <View className='lecture-edit__badges'>
                    <AudienceBadge audience={saved.audience} fromOtherBranch={false} branchName={saved.branchName} />
                    <LectureStatusBadge status={saved.status} className='lecture-edit__status' />
                  </View>
                  <Text className='lecture-edit__summary-title'>{saved.title}</Text>
                  <Text className='lecture-edit__summary-line'>{formatLectureTime(saved.startAt, saved.endAt)}</Text>
                  <Text className='lecture-edit__summary-line'>{saved.location.name} · 主讲 {saved.speaker.name}</Text>
                </View>
                <Button className='app-button app-button--block lecture-edit__publish' onClick={() => {
                  publishing.clearError()
                  setConfirming('publish')
                }}>
                  发布
                </Button>
                <Button className='app-button app-button--secondary app-button--block lecture-edit__continue' onClick={() => setEditingSaved(true)}>
                  继续修改
                </Button>
                <Button
                  className='app-button app-button--secondary app-button--block lecture-edit__to-detail'
                  onClick={() => void Taro.redirectTo({ url: withQuery(ROUTES.lectureDetail, { id: saved.id }) })}
                >
                  先不发布，查看草稿
                </Button>
              </View>
            ) : null}

            {!showSavedCard && lecture?.status === 'cancelled' ? (
              <EmptyState title='这场党课已取消，不能再修改' hint={lecture.cancelReason ? `取消原因：${lecture.cancelReason}` : undefined}>
                <Button className='app-button app-button--block' onClick={() => backToDetail(lecture.id)}>
                  回到党课详情
                </Button>
              </EmptyState>
            ) : null}

            {!showSavedCard && lecture?.status !== 'cancelled' ? (
              <>
                {lecture ? (
                  <Text className='lecture-edit__intro'>
                    正在修改「{lecture.title}」。{lecture.status === 'published' ? '已发布的党课修改后，大家看到的内容会马上更新。' : ''}
                  </Text>
                ) : (
                  <Text className='lecture-edit__intro'>填好后先保存为草稿，核对无误再发布。</Text>
                )}
                <LectureForm
                  key={lectureId ?? 'new'}
                  initial={lecture ? lectureToForm(lecture) : emptyLectureForm(today)}
                  minDate={lecture && lecture.startAt < new Date().toISOString() ? '' : today}
                  submitText={lecture ? '保存修改' : '保存草稿'}
                  submitting={save.submitting}
                  fieldErrors={save.fieldErrors}
                  error={save.error}
                  onSubmit={(values) => void submit(values)}
                />
                {lecture ? (
                  <View className='lecture-edit__more'>
                    {lecture.status === 'draft' ? (
                      <Button className='app-button app-button--block lecture-edit__publish' onClick={() => {
                        publishing.clearError()
                        setConfirming('publish')
                      }}>
                        发布
                      </Button>
                    ) : null}
                    <Button className='app-button app-button--secondary app-button--block lecture-edit__cancel-lecture' onClick={() => {
                      cancelling.clearError()
                      setConfirming('cancel')
                    }}>
                      取消这场党课
                    </Button>
                  </View>
                ) : null}
              </>
            ) : null}

            <ConfirmDialog
              visible={confirming === 'publish'}
              title='发布这场党课'
              message={lecture ? `发布后，${lecture.audience === 'open' ? '各支部成员' : '本支部成员'}都能看到「${lecture.title}」，并在签到时间内扫码签到。确定发布吗？` : ''}
              confirmText='确认发布'
              submitting={publishing.pending !== null}
              error={publishing.error?.message ?? null}
              onConfirm={() => void publish()}
              onCancel={() => setConfirming(null)}
            />
            <ConfirmDialog
              visible={confirming === 'cancel'}
              tone='danger'
              title='取消这场党课'
              message={lecture ? `取消后「${lecture.title}」不能再签到，也不能再修改。参加的人会看到取消原因。` : ''}
              reason={{ label: '取消原因', placeholder: '例如：场地临时维修，改期另行通知' }}
              confirmText='确认取消党课'
              cancelText='不取消，返回'
              submitting={cancelling.pending !== null}
              error={cancelling.error?.message ?? null}
              onConfirm={(reason) => void cancel(reason)}
              onCancel={() => setConfirming(null)}
            />
          </View>
        )
      }}
    </SecretaryOnly>
  )
}
