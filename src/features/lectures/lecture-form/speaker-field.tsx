import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import type { MemberRow, Role } from '@contracts'
import { ROLE_LABELS, SPEAKER_NAME_MAX as SPEAKER_MAX } from '@contracts/rules'
import { TextField } from '@/components/text-field'
import { SpeakerPicker } from '../speaker-picker'

export interface SpeakerFieldProps {
  name: string
  /** The linked member; absent for an outside lecturer. */
  openid?: string
  /** The linked member's role when known (picked on this form). */
  role?: Role
  error?: string
  /** A name typed by hand (the form drops the link). */
  onType: (name: string) => void
  onPick: (member: MemberRow) => void
  /** 取消关联: keep the name, drop the link. */
  onUnlink: () => void
}

/**
 * 主讲人: a member of the branch picked from the list (name and openid: they then see the attendance and
 * the rating report), or an outside lecturer's name typed by hand. Which one it is, is said under the
 * field in words.
 */
export function SpeakerField({ name, openid, role, error, onType, onPick, onUnlink }: SpeakerFieldProps) {
  const [picking, setPicking] = useState(false)
  const linked = Boolean(openid)

  return (
    <>
      <TextField
        className='lecture-form__speaker-field'
        inputClassName='lecture-form__speaker'
        label='主讲人'
        error={error}
        value={name}
        maxLength={SPEAKER_MAX}
        placeholder='外请讲师直接填写姓名'
        onInput={onType}
      />

      {linked ? (
        <View className='lecture-form__speaker-link lecture-form__speaker-link--member'>
          <Text className='lecture-form__speaker-status'>
            已关联：{name}（本支部{role ? ROLE_LABELS[role] : '成员'}）
          </Text>
          <Text className='app-card__hint'>主讲人能在小程序里查看这场党课的签到名单和评议结果。</Text>
        </View>
      ) : name.trim() ? (
        <View className='lecture-form__speaker-link lecture-form__speaker-link--outside'>
          <Text className='lecture-form__speaker-status'>外请讲师</Text>
          <Text className='app-card__hint'>没有关联本支部成员，主讲人在小程序里看不到签到名单和评议结果。主讲人是本支部成员的，请从下面选择。</Text>
        </View>
      ) : (
        <Text className='app-card__hint lecture-form__speaker-hint'>本支部党员或书记主讲，请从中选择；群众或外请讲师直接填写姓名。</Text>
      )}

      <Button
        className='app-button app-button--secondary app-button--block lecture-form__speaker-choose'
        onClick={() => setPicking((p) => !p)}
      >
        {picking ? '收起成员列表' : linked ? '改选其他成员' : '从本支部成员中选择'}
      </Button>
      {linked ? (
        <Button className='app-button app-button--secondary app-button--block lecture-form__speaker-unlink' onClick={onUnlink}>
          取消关联（改为外请讲师）
        </Button>
      ) : null}
      {picking ? (
        <SpeakerPicker
          active
          selected={openid ?? null}
          onSelect={(member) => {
            onPick(member)
            setPicking(false)
          }}
        />
      ) : null}
    </>
  )
}
