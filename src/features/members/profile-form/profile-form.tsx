import { useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import type { Profile } from '@contracts'
import { MEMBER_NAME_MAX, MEMBER_POST_MAX, PHONE_LENGTH } from '@contracts/rules'
import { SignInHint } from '@/features/session'
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

      <View className='profile-form__field'>
        <Text className='profile-form__label'>姓名</Text>
        <Input
          className={`profile-form__input profile-form__name${fieldErrors.name ? ' profile-form__input--invalid' : ''}`}
          type='text'
          value={name}
          maxlength={MEMBER_NAME_MAX}
          placeholder='请输入您的真实姓名'
          onInput={(e) => setName(e.detail.value)}
        />
        {fieldErrors.name ? <Text className='profile-form__field-error'>{fieldErrors.name}</Text> : null}
      </View>

      <View className='profile-form__field'>
        <Text className='profile-form__label'>手机号（只有您和支部书记能看到）</Text>
        <Input
          className={`profile-form__input profile-form__phone${fieldErrors.phone ? ' profile-form__input--invalid' : ''}`}
          type='number'
          value={phone}
          maxlength={PHONE_LENGTH}
          placeholder={`${PHONE_LENGTH} 位手机号，可不填`}
          onInput={(e) => setPhone(e.detail.value)}
        />
        {fieldErrors.phone ? <Text className='profile-form__field-error'>{fieldErrors.phone}</Text> : null}
      </View>

      <View className='profile-form__field'>
        <Text className='profile-form__label'>职务</Text>
        <Input
          className={`profile-form__input profile-form__post${fieldErrors.post ? ' profile-form__input--invalid' : ''}`}
          type='text'
          value={post}
          maxlength={MEMBER_POST_MAX}
          placeholder='例如：社区网格员，可不填'
          onInput={(e) => setPost(e.detail.value)}
        />
        {fieldErrors.post ? <Text className='profile-form__field-error'>{fieldErrors.post}</Text> : null}
      </View>

      {error ? (
        <View className='profile-form__error'>
          <Text className='profile-form__error-text'>{error.message}</Text>
          <SignInHint error={error} />
        </View>
      ) : null}

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
