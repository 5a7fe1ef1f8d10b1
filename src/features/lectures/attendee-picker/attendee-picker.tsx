import { useEffect, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import type { Audience, AttendeeCandidate } from '@contracts'
import { ATTENDANCE_SEARCH_MAX, GUEST_NAME_MAX, ROLE_LABELS } from '@contracts/rules'
import { PagedListFooter } from '@/components/paged-list-footer'
import { TextField } from '@/components/text-field'
import { useAttendeeCandidates } from '../hooks/use-attendee-candidates'
import { attendeePickerNotice } from '../rules/attendee-picker.rules'
import './attendee-picker.scss'

const SEARCH_PAUSE_MS = 300

/** Whom the secretary is adding: a person with an account (or one to restore), or a guest by name. */
export type AttendeeChoice = { kind: 'person'; openid: string; name: string; restore: boolean } | { kind: 'guest'; name: string }

export interface AttendeePickerProps {
  lectureId: string
  /** An open lecture also offers other branches' people (by full name) and guests. */
  audience: Audience
  choice: AttendeeChoice | null
  onChoose: (choice: AttendeeChoice | null) => void
}

function metaOf(c: AttendeeCandidate): string {
  const who = c.ownBranch ? ROLE_LABELS[c.role] : c.branchName
  if (c.attendance === 'present') return `${who} · 已签到`
  if (c.attendance === 'removed') return `${who} · 已撤销，可恢复`
  return who
}

/**
 * The 补录 dialog's body: find a person by name on the server (their branch, and at an open lecture
 * another branch's visitor by full name), or — at an open lecture — enter a guest by name. When nobody
 * can be offered it says why and what to do instead of showing only greyed rows.
 */
export function AttendeePicker({ lectureId, audience, choice, onChoose }: AttendeePickerProps) {
  const open = audience === 'open'
  const [mode, setMode] = useState<'person' | 'guest'>('person')
  const [typed, setTyped] = useState('')
  const [search, setSearch] = useState('')
  const [guestName, setGuestName] = useState('')
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), SEARCH_PAUSE_MS)
    return () => clearTimeout(timer)
  }, [typed])
  const list = useAttendeeCandidates(lectureId, { enabled: mode === 'person', search })
  const notice = list.status === 'ready' ? attendeePickerNotice({ audience, search, items: list.items, hasMore: list.hasMore }) : null

  const switchTo = (next: 'person' | 'guest') => {
    setMode(next)
    onChoose(next === 'guest' && guestName.trim() ? { kind: 'guest', name: guestName.trim() } : null)
  }

  return (
    <View className='attendee-picker'>
      {open ? (
        <View className='attendee-picker__modes'>
          <Button className={`app-button app-button--secondary attendee-picker__mode attendee-picker__mode--person${mode === 'person' ? ' attendee-picker__mode--on' : ''}`} onClick={() => switchTo('person')}>
            找人
          </Button>
          <Button className={`app-button app-button--secondary attendee-picker__mode attendee-picker__mode--guest${mode === 'guest' ? ' attendee-picker__mode--on' : ''}`} onClick={() => switchTo('guest')}>
            登记来宾
          </Button>
        </View>
      ) : null}

      {mode === 'guest' ? (
        <TextField
          className='attendee-picker__guest'
          inputClassName='attendee-picker__guest-input'
          label='来宾姓名'
          value={guestName}
          onInput={(v) => {
            setGuestName(v)
            onChoose(v.trim() ? { kind: 'guest', name: v.trim() } : null)
          }}
          maxLength={GUEST_NAME_MAX}
          placeholder='例如：李明（街道办）'
          hint='没有加入支部的人，按姓名登记，台账里记为“来宾”。同名的两位，请在姓名后注明单位。'
        />
      ) : (
        <>
          <TextField
            className='attendee-picker__search'
            inputClassName='attendee-picker__search-input'
            value={typed}
            onInput={setTyped}
            maxLength={ATTENDANCE_SEARCH_MAX}
            placeholder='按姓名查找'
            hint={open ? '本支部成员可按姓名中的字查找；其他支部来听课的人，请输入完整姓名。' : '这场党课只对本支部开放，可补录本支部成员。'}
          />
          {list.status === 'loading' ? <Text className='attendee-picker__status'>正在查找…</Text> : null}
          {list.status === 'error' ? (
            <View className='attendee-picker__failed'>
              <Text className='attendee-picker__status attendee-picker__status--error'>{list.error?.message ?? '没有加载成功'}</Text>
              <Button className='app-button app-button--secondary app-button--block attendee-picker__retry' onClick={() => void list.refresh()}>
                重试
              </Button>
            </View>
          ) : null}
          {notice ? (
            <View className='attendee-picker__notice'>
              <Text className='attendee-picker__notice-title'>{notice.title}</Text>
              <Text className='attendee-picker__notice-hint'>{notice.hint}</Text>
            </View>
          ) : null}
          {list.status === 'ready'
            ? list.items.map((c) => {
                const taken = c.attendance === 'present'
                const chosen = choice?.kind === 'person' && choice.openid === c.openid
                return (
                  <View
                    key={c.openid}
                    className={`attendee-picker__person${chosen ? ' attendee-picker__person--selected' : ''}${taken ? ' attendee-picker__person--taken' : ''}`}
                    onClick={() => {
                      if (!taken) onChoose({ kind: 'person', openid: c.openid, name: c.name, restore: c.attendance === 'removed' })
                    }}
                  >
                    <Text className='attendee-picker__name'>
                      {chosen ? '✓ ' : ''}
                      {c.name}
                    </Text>
                    <Text className='attendee-picker__meta'>{metaOf(c)}</Text>
                  </View>
                )
              })
            : null}
          {list.status === 'ready' ? (
            <PagedListFooter
              inline
              hasMore={list.hasMore}
              loading={list.loadingMore}
              errorMessage={list.moreError?.message}
              onLoadMore={() => void list.loadMore()}
              moreLabel='加载更多'
            />
          ) : null}
        </>
      )}
    </View>
  )
}
