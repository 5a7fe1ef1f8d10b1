import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { MyCommitmentCard } from '@contracts'
import { COMMITMENT_POST_MAX, PHONE_LENGTH } from '@contracts/rules'
import { FormField, INVALID_FIELD_SELECTOR } from '@/components/form-field'
import { LoadingState } from '@/components/loading-state'
import { OptionGroup } from '@/components/option-group'
import { TextField } from '@/components/text-field'
import { CommitmentMemberCard } from '@/features/commitments/commitment-member-card'
import { CommitmentPhotoField } from '@/features/commitments/commitment-photos'
import { useSaveCard } from '@/features/commitments/hooks/use-commitment-forms'
import { useMyCommitmentCard } from '@/features/commitments/hooks/use-commitment-plan'
import type { CardValues } from '@/features/commitments/rules/commitment-form.rules'
import { CallErrorNote, CallErrorView } from '@/features/session'
import { usePullToRefresh } from '@/features/shared/use-page-refresh'
import { useScrollToError } from '@/features/shared/use-scroll-to-error'
import './index.scss'

const PHONE_OPTIONS = [
  { value: 'show', label: '公开电话' },
  { value: 'hide', label: '不公开' },
] as const

/** 亮身份: my public card — photo, post, and a phone shown on the board only if I choose. */
export default function MyCommitmentCardPage() {
  const card = useMyCommitmentCard()
  usePullToRefresh(card.reload)

  if (card.status === 'loading') {
    return (
      <View className='my-commitment-card my-commitment-card--loading'>
        <LoadingState text='正在加载我的名片…' />
      </View>
    )
  }
  if (!card.data) {
    return <View className='my-commitment-card my-commitment-card--error'>{card.error ? <CallErrorView error={card.error} onRetry={() => void card.reload()} /> : null}</View>
  }
  return (
    <View className='my-commitment-card'>
      <View className='app-card my-commitment-card__preview'>
        <Text className='app-card__title'>承诺榜上的我</Text>
        <CommitmentMemberCard card={card.data} size='full' />
      </View>
      <CardForm card={card.data} onSaved={card.replace} />
    </View>
  )
}

function valuesOf(card: MyCommitmentCard): CardValues {
  return { photo: card.photo ? { fileID: card.photo.fileID, preview: card.photo.url } : null, post: card.post, phone: card.ownPhone, showPhone: card.showPhone }
}

/** The values live here, so a refused save keeps everything typed. */
function CardForm({ card, onSaved }: { card: MyCommitmentCard; onSaved: (card: MyCommitmentCard) => void }) {
  const [v, setV] = useState<CardValues>(() => valuesOf(card))
  const form = useSaveCard()
  const e = form.fieldErrors
  useScrollToError(e, INVALID_FIELD_SELECTOR)
  const save = async () => {
    const saved = await form.submit(v)
    if (!saved) return
    onSaved(saved)
    void Taro.showToast({ title: '已保存', icon: 'success' })
  }
  return (
    <View className='app-card my-commitment-card__form'>
      <Text className='app-card__title'>修改名片</Text>
      <CommitmentPhotoField
        className='my-commitment-card__photo'
        label='照片'
        hint='用一张清楚的正面照片；不传就用微信头像。'
        error={e.photo}
        photos={v.photo ? [v.photo] : []}
        max={1}
        onChange={(photos) => setV((p) => ({ ...p, photo: photos[0] ?? null }))}
      />
      <TextField
        className='my-commitment-card__post-field'
        inputClassName='my-commitment-card__post'
        label='岗位'
        hint='群众从岗位知道有事可以找您做什么。'
        error={e.post}
        value={v.post}
        maxLength={COMMITMENT_POST_MAX}
        placeholder='例如：3 号楼楼栋长'
        onInput={(post) => setV((p) => ({ ...p, post }))}
      />
      <TextField
        className='my-commitment-card__phone-field'
        inputClassName='my-commitment-card__phone'
        label='手机号'
        error={e.phone}
        type='number'
        value={v.phone}
        maxLength={PHONE_LENGTH}
        placeholder={`${PHONE_LENGTH} 位手机号`}
        onInput={(phone) => setV((p) => ({ ...p, phone }))}
      />
      <FormField className='my-commitment-card__show-field' label='在承诺榜上公开电话吗？' hint='不公开时，只有您自己能看到这个号码。' error={e.showPhone}>
        <OptionGroup<'show' | 'hide'>
          className='my-commitment-card__show'
          options={[...PHONE_OPTIONS]}
          value={v.showPhone ? 'show' : 'hide'}
          onChange={(x) => setV((p) => ({ ...p, showPhone: x === 'show' }))}
        />
      </FormField>
      <CallErrorNote className='my-commitment-card__error' error={form.error} />
      <Button className='app-button app-button--block my-commitment-card__submit' disabled={form.submitting} onClick={() => void save()}>
        {form.submitting ? '正在保存…' : '保存名片'}
      </Button>
    </View>
  )
}
