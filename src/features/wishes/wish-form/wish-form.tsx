import { useState } from 'react'
import { Button, Text, Textarea, View } from '@tarojs/components'
import type { WishDetail } from '@contracts'
import {
  PHONE_LENGTH,
  WISH_ADDRESS_MAX,
  WISH_CATEGORIES,
  WISH_CATEGORY_LABELS,
  WISH_COST_MAX,
  WISH_DESCRIPTION_MAX,
  WISH_NAME_MAX,
  WISH_NEIGHBOURHOOD_MAX,
  WISH_PHOTOS_MAX,
  WISH_TITLE_MAX,
  type WishCategory,
} from '@contracts/rules'
import { FormField, INVALID_FIELD_SELECTOR } from '@/components/form-field'
import { OptionGroup } from '@/components/option-group'
import { TextField } from '@/components/text-field'
import { CallErrorNote } from '@/features/session'
import { useScrollToError } from '@/features/shared/use-scroll-to-error'
import { usePostWish } from '../hooks/use-post-wish'
import { EMPTY_WISH_FORM, type WishFormValues } from '../rules/wish-form.rules'
import { WishPhotoField } from '../wish-photos'
import './wish-form.scss'

export interface WishFormProps {
  /** 代录: a member or the secretary records the wish of a resident with no phone, naming them. */
  onBehalf: boolean
  onPosted: (wish: WishDetail) => void
}

const CATEGORY_OPTIONS = WISH_CATEGORIES.map((c) => ({ value: c, label: WISH_CATEGORY_LABELS[c] }))

/**
 * 发布心愿 (or 代录): what is wished for, its category and rough cost, up to 3 photos, and where to
 * reach the person. The values live here, so a refused submit keeps everything that was typed.
 */
export function WishForm({ onBehalf, onPosted }: WishFormProps) {
  const [v, setValues] = useState<WishFormValues>(EMPTY_WISH_FORM)
  const { submit, submitting, error, fieldErrors: errors } = usePostWish(onBehalf)
  useScrollToError(errors, INVALID_FIELD_SELECTOR)
  const set = <K extends keyof WishFormValues>(key: K, value: WishFormValues[K]) => setValues((prev) => ({ ...prev, [key]: value }))

  const onSubmit = async () => {
    const posted = await submit(v)
    if (posted) onPosted(posted)
  }

  return (
    <View className='wish-form'>
      <View className='app-card'>
        <Text className='app-card__title'>{onBehalf ? '代群众登记心愿' : '我的心愿'}</Text>
        {onBehalf ? (
          <TextField
            className='wish-form__name-field'
            inputClassName='wish-form__name'
            label='心愿人姓名'
            hint='为没有手机的群众代录，心愿会标明“代录”。'
            error={errors.beneficiaryName}
            value={v.beneficiaryName}
            maxLength={WISH_NAME_MAX}
            placeholder='例如：赵桂兰'
            onInput={(x) => set('beneficiaryName', x)}
          />
        ) : null}
        <TextField
          className='wish-form__title-field'
          inputClassName='wish-form__title'
          label='心愿（一句话）'
          error={errors.title}
          value={v.title}
          maxLength={WISH_TITLE_MAX}
          placeholder='例如：想给孙子买一个新书包'
          onInput={(x) => set('title', x)}
        />
        <FormField className='wish-form__description-field' label='具体说一说' hint='需要什么、为什么需要，写清楚了党员更好帮忙。' error={errors.description}>
          <Textarea
            className={`wish-form__textarea wish-form__description${errors.description ? ' wish-form__textarea--invalid' : ''}`}
            value={v.description}
            maxlength={WISH_DESCRIPTION_MAX}
            autoHeight
            placeholder='例如：孙子今年上三年级，书包背带断了'
            onInput={(e) => set('description', e.detail.value)}
          />
        </FormField>
        <FormField className='wish-form__category-field' label='心愿类别' error={errors.category}>
          <OptionGroup<WishCategory | ''> className='wish-form__category' options={CATEGORY_OPTIONS} value={v.category} onChange={(c) => set('category', c)} />
        </FormField>
        <TextField
          className='wish-form__cost-field'
          inputClassName='wish-form__cost'
          label='预计花费（元）'
          hint={`微心愿不超过 ${WISH_COST_MAX} 元；不需要花钱就填 0。`}
          error={errors.cost}
          type='number'
          value={v.cost}
          maxLength={3}
          placeholder='例如：80'
          onInput={(x) => set('cost', x)}
        />
        <WishPhotoField
          className='wish-form__photos'
          label='照片（可不加）'
          hint={`最多 ${WISH_PHOTOS_MAX} 张，例如坏了的东西。`}
          error={errors.photos}
          photos={v.photos}
          max={WISH_PHOTOS_MAX}
          onChange={(p) => set('photos', p)}
        />
      </View>

      <View className='app-card'>
        <Text className='app-card__title'>怎么联系</Text>
        <Text className='app-card__hint'>电话和详细地址只有认领的党员和支部书记能看到。</Text>
        <TextField
          className='wish-form__phone-field'
          inputClassName='wish-form__phone'
          label='联系电话'
          error={errors.phone}
          type='number'
          value={v.phone}
          maxLength={PHONE_LENGTH}
          placeholder={`${PHONE_LENGTH} 位手机号`}
          onInput={(x) => set('phone', x)}
        />
        <TextField
          className='wish-form__neighbourhood-field'
          inputClassName='wish-form__neighbourhood'
          label='所在小区'
          hint='党员在列表里只看到小区，看不到门牌。'
          error={errors.neighbourhood}
          value={v.neighbourhood}
          maxLength={WISH_NEIGHBOURHOOD_MAX}
          placeholder='例如：幸福小区'
          onInput={(x) => set('neighbourhood', x)}
        />
        <TextField
          className='wish-form__address-field'
          inputClassName='wish-form__address'
          label='详细地址'
          error={errors.address}
          value={v.address}
          maxLength={WISH_ADDRESS_MAX}
          placeholder='例如：5 栋 1 单元 202'
          onInput={(x) => set('address', x)}
        />
      </View>

      <CallErrorNote className='wish-form__error' error={error} />
      <Button className='app-button app-button--block wish-form__submit' disabled={submitting} onClick={() => void onSubmit()}>
        {submitting ? '正在提交…' : '提交心愿'}
      </Button>
      <Text className='wish-form__after'>提交后由支部书记审核，通过后党员就能看到并认领。</Text>
    </View>
  )
}
