import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { WhoamiOutput } from '@contracts'
import { MEMBER_NAME_MAX, SECRETARY_CODE_LENGTH, SHARED_CODE_LENGTH } from '@contracts/rules'
import { TextField } from '@/components/text-field'
import { CallErrorNote } from '@/features/session'
import { normaliseInviteCode } from '../member-forms.rules'
import { useJoinBranch } from '../use-join-branch'
import './join-form.scss'

export interface JoinFormProps {
  onJoined?: (whoami: WhoamiOutput) => void
}

/**
 * 加入支部: name + invite code. Plain Taro Input/Button (native in WeChat; in H5 a real <input> inside
 * `.join-form__name` / `.join-form__code`, which browser tests can fill).
 */
export function JoinForm({ onJoined }: JoinFormProps) {
  const [name, setName] = useState('')
  const [code, setCode] = useState('')
  const { submit, submitting, error, fieldErrors } = useJoinBranch()

  const onSubmit = async () => {
    const joined = await submit({ name, code })
    if (joined) onJoined?.(joined)
  }

  return (
    <View className='join-form app-card'>
      <Text className='app-card__title'>加入支部</Text>
      <Text className='app-card__hint'>请填写您的姓名和支部书记发给您的邀请码，然后点“加入支部”。群众邀请码立即加入；党员邀请码要等支部书记确认。</Text>

      <TextField
        className='join-form__name-field'
        inputClassName='join-form__name'
        label='姓名'
        error={fieldErrors.name}
        value={name}
        maxLength={MEMBER_NAME_MAX}
        placeholder='请输入您的真实姓名'
        onInput={setName}
      />

      <TextField
        className='join-form__code-field'
        inputClassName='join-form__code'
        label='邀请码'
        error={fieldErrors.code}
        value={code}
        maxLength={SECRETARY_CODE_LENGTH}
        counter={false}
        placeholder={`${SHARED_CODE_LENGTH} 到 ${SECRETARY_CODE_LENGTH} 位字母或数字`}
        onInput={(x) => setCode(normaliseInviteCode(x))}
      />
      {process.env.TARO_ENV === 'weapp' ? (
        <Button
          className='app-button app-button--secondary app-button--block join-form__scan'
          onClick={() =>
            void Taro.scanCode({ scanType: ['qrCode'] }).then(
              (res) => setCode(normaliseInviteCode(res.result).slice(0, SECRETARY_CODE_LENGTH)),
              () => undefined, // cancelled: nothing to do
            )
          }
        >
          扫码填写邀请码
        </Button>
      ) : null}

      <CallErrorNote className='join-form__error' error={error} />

      <Button
        className='app-button app-button--block join-form__submit'
        disabled={submitting}
        onClick={() => void onSubmit()}
      >
        {submitting ? '正在加入…' : '加入支部'}
      </Button>
    </View>
  )
}
