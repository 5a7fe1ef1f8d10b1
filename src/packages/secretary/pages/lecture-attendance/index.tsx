import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { AttendanceOrder, AttendanceRow as AttendanceRowData, ExportResult } from '@contracts'
import { ATTENDANCE_ORDER_LABELS, ATTENDANCE_ORDERS, ATTENDANCE_SEARCH_MAX } from '@contracts/rules'
import { AttendanceRow } from '@/components/attendance-row'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { EmptyState } from '@/components/empty-state'
import { LoadingState } from '@/components/loading-state'
import { OptionGroup } from '@/components/option-group'
import { PagedList } from '@/components/paged-list'
import { TextField } from '@/components/text-field'
import { LedgerExport } from '@/components/ledger-export'
import { AttendeePicker, type AttendeeChoice } from '@/features/lectures/attendee-picker'
import { openLedger } from '@/features/lectures/platform/open-ledger'
import { useAttendance } from '@/features/lectures/hooks/use-attendance'
import { useLecture } from '@/features/lectures/hooks/use-lecture'
import { CallErrorView } from '@/features/session'
import { usePagedListPage } from '@/features/shared/use-page-refresh'
import { formatLectureTime, formatMoment } from '@/utils/beijing-time'
import { safeDecode } from '@/utils/safe-decode'
import './index.scss'

const SEARCH_PAUSE_MS = 300

const ORDERS = ATTENDANCE_ORDERS.map((value) => ({ value, label: ATTENDANCE_ORDER_LABELS[value] }))
/** What the search box says about the list under it. */
const ORDER_HINTS: Record<AttendanceOrder, string> = { time: '按签到时间排列', name: '按姓名拼音排列' }

type Marking = { kind: 'add' } | { kind: 'remove'; row: AttendanceRowData } | { kind: 'restore'; row: AttendanceRowData }

/**
 * 签到名单 (secretary, or the lecture's speaker to read): who checked in, when (Beijing) and how; 补录 and
 * 撤销 with a reason that stays in the ledger; 导出台账 as .xlsx. The speaker's list is what the server
 * sends a speaker — present attendees, masked names, no openids or reasons — so it has nothing to change.
 */
export default function LectureAttendancePage() {
  const router = useRouter()
  const lectureId = router.params.id ? safeDecode(router.params.id) : null
  const lecture = useLecture(lectureId)
  const l = lecture.data
  const mayRead = Boolean(l && l.me.canSeeAttendance)
  const canManage = Boolean(l && l.me.canManage && l.status === 'published')
  const [typed, setTyped] = useState('')
  const [search, setSearch] = useState('')
  // The list follows the box after a pause in typing, not at every keystroke.
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), SEARCH_PAUSE_MS)
    return () => clearTimeout(timer)
  }, [typed])
  // The secretary's choice (the speaker's list is always by time); a new order starts from its first page.
  const [order, setOrder] = useState<AttendanceOrder>('time')
  const att = useAttendance(lectureId, { enabled: mayRead, search, order })
  const [marking, setMarking] = useState<Marking | null>(null)
  const [picked, setPicked] = useState<AttendeeChoice | null>(null)
  const [exported, setExported] = useState<ExportResult | null>(null)
  const [openFailed, setOpenFailed] = useState(false)
  const rows = att.rows

  usePagedListPage(att, () => Promise.all([lecture.reload(), att.refresh()]))

  if (lecture.status === 'loading') return <View className='lecture-attendance'><LoadingState /></View>
  if (!l) {
    return <View className='lecture-attendance'>{lecture.error ? <CallErrorView error={lecture.error} onRetry={() => void lecture.reload()} /> : null}</View>
  }
  if (!l.me.canSeeAttendance) {
    return (
      <View className='lecture-attendance lecture-attendance--denied'>
        <EmptyState title='只有本支部书记和主讲人可以查看签到名单' hint='如需了解签到情况，请联系支部书记。' />
      </View>
    )
  }

  const open = (m: Marking) => {
    att.clearMarkError()
    setPicked(null)
    setMarking(m)
  }

  const confirmMark = async (reason: string) => {
    if (!marking) return
    let row: AttendanceRowData | null
    if (marking.kind !== 'add') row = await att.mark(marking.row.openid, marking.kind !== 'remove', reason)
    else if (picked?.kind === 'guest') row = await att.addGuest(picked.name, reason)
    else if (picked) row = await att.mark(picked.openid, true, reason)
    else return
    if (!row) return
    setMarking(null)
    void Taro.showToast({ title: marking.kind === 'remove' ? '已撤销' : '已补录', icon: 'success' })
  }

  const exportLedger = async () => {
    setOpenFailed(false)
    const file = await att.exportLedger()
    if (!file) return
    setExported(file)
    const opened = await openLedger(file)
    if (!opened) setOpenFailed(true)
  }

  const markingName = marking && marking.kind !== 'add' ? marking.row.name : picked?.name ?? ''
  const openLecture = l.audience === 'open'
  const addVerb = picked?.kind === 'guest' ? '登记来宾' : picked?.restore ? '恢复' : '补录'

  return (
    <View className='lecture-attendance'>
      <View className='lecture-attendance__head'>
        <Text className='lecture-attendance__title'>{l.title}</Text>
        <Text className='lecture-attendance__when'>{formatLectureTime(l.startAt, l.endAt)}</Text>
        <Text className='lecture-attendance__count'>
          已签到 <Text className='lecture-attendance__count-number'>{att.count ?? l.checkinCount}</Text> 人
        </Text>
      </View>

      {l.me.canManage ? (
        <View className='app-card lecture-attendance__tools'>
          {canManage ? (
            <Button className='app-button app-button--block lecture-attendance__add' onClick={() => open({ kind: 'add' })}>
              补录签到
            </Button>
          ) : null}
          <LedgerExport
            pending={att.exporting}
            error={att.exportError?.message ?? null}
            exported={exported}
            openFailed={openFailed}
            onExport={() => void exportLedger()}
            onCopyLink={(url) => void Taro.setClipboardData({ data: url })}
          />
        </View>
      ) : null}

      {rows.view === 'speaker' ? (
        <Text className='lecture-attendance__speaker-note'>作为主讲人，你看到的是到场人员（姓名已部分隐去）；完整台账由支部书记保管。</Text>
      ) : null}
      {rows.view === 'secretary' ? (
        <View className='lecture-attendance__find'>
          <OptionGroup className='lecture-attendance__order' options={ORDERS} value={order} onChange={setOrder} />
          <TextField
            className='lecture-attendance__search'
            inputClassName='lecture-attendance__search-input'
            value={typed}
            onInput={setTyped}
            maxLength={ATTENDANCE_SEARCH_MAX}
            placeholder='按姓名查找'
            hint={ORDER_HINTS[order]}
          />
        </View>
      ) : null}
      <PagedList
        list={att}
        className='lecture-attendance__list'
        loadingText='正在加载签到名单…'
        errorView={CallErrorView}
        empty={
          search ? (
            <EmptyState className='lecture-attendance__empty' title={`没有找到姓名含“${search}”的签到记录`} hint='换个字再找，或清空搜索框查看全部。' />
          ) : (
            <EmptyState
              className='lecture-attendance__empty'
              title='还没有人签到'
              hint={canManage ? '大家扫描签到大屏上的二维码后会出现在这里；没带手机的人可以点“补录签到”。' : '大家扫码签到后会出现在这里。'}
            />
          )
        }
        endText='已经到底了'
        renderItem={(r) =>
          'openid' in r ? (
            <AttendanceRow
              key={r.openid}
              row={r}
              atText={formatMoment(r.at)}
              canManage={canManage}
              busy={att.marking === r.openid}
              onRemove={(row) => open({ kind: 'remove', row })}
              onRestore={(row) => open({ kind: 'restore', row })}
            />
          ) : (
            <AttendanceRow key={r.key} row={r} atText={formatMoment(r.at)} />
          )
        }
      />

      <ConfirmDialog
        visible={marking !== null}
        tone={marking?.kind === 'remove' ? 'danger' : 'normal'}
        title={marking?.kind === 'add' ? '补录签到' : marking?.kind === 'remove' ? `撤销「${markingName}」的签到` : `恢复「${markingName}」的签到`}
        message={
          marking?.kind === 'add'
            ? openLecture
              ? '为到场但没能扫码的人登记签到：本支部成员、其他支部来听课的人，或没有加入支部的来宾。原因会记入台账。'
              : '为到场但没能扫码的本支部成员登记签到。原因会记入台账。'
            : marking?.kind === 'remove'
              ? '撤销后不再计入签到人数（例如代签）。记录和原因会保留在台账里。'
              : '恢复后重新计入签到人数。原因会记入台账。'
        }
        reason={{ label: marking?.kind === 'remove' ? '撤销原因' : '补录原因', placeholder: marking?.kind === 'remove' ? '例如：本人未到场，属代签' : '例如：手机没电，现场核实到会' }}
        confirmText={
          marking?.kind === 'remove'
            ? '确认撤销'
            : marking?.kind === 'restore'
              ? `确认恢复「${markingName}」`
              : picked
                ? `确认${addVerb}「${markingName}」`
                : '请先选择人员'
        }
        confirmDisabled={marking?.kind === 'add' && !picked}
        submitting={att.marking !== null}
        error={att.markError?.message ?? null}
        onConfirm={(reason) => void confirmMark(reason)}
        onCancel={() => setMarking(null)}
      >
        {marking?.kind === 'add' && lectureId ? <AttendeePicker lectureId={lectureId} audience={l.audience} choice={picked} onChoose={setPicked} /> : null}
      </ConfirmDialog>
    </View>
  )
}
