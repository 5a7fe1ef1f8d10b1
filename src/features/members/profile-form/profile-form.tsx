import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import type { Profile } from '@contracts'
import { MEMBER_NAME_MAX, MEMBER_POST_MAX, PHONE_LENGTH } from '@contracts/rules'
import { TextField } from '@/components/text-field'
import { CallErrorNote } from '@/features/session'
import { useUpdateProfile } from '../use-update-profile'
import './profile-form.scss'

export interface ProfileFormProps {
  profile: Profile
  onSaved?: (profile: Profile) => void
  onCancel?: () => void
}

/** 编辑资料: name, phone (11 digits, may be left empty), post. */
export function ProfileForm({ profile, onSaved, onCancel }: ProfileFormProps) {
  const [name, setName] = useState(profile.name)
  const [phone, setPhone] = useState(profile.phone)
  const [post, setPost] = useState(profile.post)
  const { submit, submitting, error, fieldErrors } = useUpdateProfile()

  const onSubmit = async () => {
    const saved = await submit({ name, phone, post })
    if (saved) onSaved?.(saved)
  }

  return (
    <View className='profile-form app-card'>
      <Text className='app-card__title'>编辑资料</Text>

      <TextField
        className='profile-form__name-field'
        inputClassName='profile-form__name'
        label='姓名'
        error={fieldErrors.name}
        value={name}
        maxLength={MEMBER_NAME_MAX}
        placeholder='请输入您的真实姓名'
        onInput={setName}
      />

      <TextField
        className='profile-form__phone-field'
        inputClassName='profile-form__phone'
        label='手机号（只有您和支部书记能看到）'
        error={fieldErrors.phone}
        type='number'
        value={phone}
        maxLength={PHONE_LENGTH}
        placeholder={`${PHONE_LENGTH} 位手机号，可不填`}
        onInput={setPhone}
      />

      <TextField
        className='profile-form__post-field'
        inputClassName='profile-form__post'
        label='职务'
        error={fieldErrors.post}
        value={post}
        maxLength={MEMBER_POST_MAX}
        placeholder='例如：社区网格员，可不填'
        onInput={setPost}
      />

      <CallErrorNote className='profile-form__error' error={error} />

      <Button
        className='app-button app-button--block profile-form__submit'
        disabled={submitting}
        onClick={() => void onSubmit()}
      >
        {submitting ? '正在保存…' : '保存'}
      </Button>
      {onCancel ? (
        <Button className='app-button app-button--secondary app-button--block profile-form__cancel' onClick={onCancel}>
          取消
        </Button>
      ) : null}
    </View>
  )
}
