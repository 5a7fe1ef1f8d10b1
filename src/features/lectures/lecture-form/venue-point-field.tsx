import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { DEFAULT_VENUE_RADIUS } from '@contracts/rules'
import { FormField } from '@/components/form-field'
import { OptionGroup } from '@/components/option-group'
import { RADIUS_CHOICES, formatVenuePoint, type LocateFailure, type VenuePoint } from '../rules/venue-point.rules'
import { openLocationSetting, pickVenue } from '../platform/pick-venue'

export interface VenuePointFieldProps {
  value?: VenuePoint
  error?: string
  onPicked: (point: VenuePoint, placeName: string) => void
  onRadius: (radius: number) => void
  onClear: () => void
}

type RadiusValue = `${number}`

/**
 * 场地定位（可选）: a point and a radius so check-ins far from the venue are flagged (never refused —
 * phone positioning drifts). WeChat picks the place on a map; a browser uses where the secretary is
 * standing now, which the copy says plainly so nobody sets the point from home by mistake.
 */
export function VenuePointField({ value, error, onPicked, onRadius, onClear }: VenuePointFieldProps) {
  const weapp = process.env.TARO_ENV === 'weapp'
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<{ failure: LocateFailure; message: string } | null>(null)
  // A radius picked before any point is kept for the point that comes next.
  const [radius, setRadius] = useState<number>(value?.radius ?? DEFAULT_VENUE_RADIUS)

  const locate = async () => {
    if (busy) return
    setBusy(true)
    setProblem(null)
    const picked = await pickVenue(value?.radius ?? radius)
    setBusy(false)
    if (picked.kind === 'picked') onPicked(picked.point, picked.placeName)
    else if (picked.message) setProblem({ failure: picked.failure, message: picked.message })
  }

  const radiusOptions = RADIUS_CHOICES.map((r) => ({ value: String(r) as RadiusValue, label: `${r} 米` }))
  const current = value?.radius ?? radius
  // A radius kept from an edited lecture that is not one of the choices is still shown, as chosen.
  if (!RADIUS_CHOICES.some((r) => r === current)) radiusOptions.push({ value: String(current) as RadiusValue, label: `${current} 米` })

  return (
    <FormField
      className='lecture-form__venue'
      hint={
        value
          ? undefined
          : weapp
            ? '在地图上选出会场，签到时离会场太远的人会被标记（仍算签到），方便核对。不设置也可以。'
            : '请在会场用手机打开本页再点下面的按钮：会以你此刻的位置作为会场位置。不设置也可以。'
      }
      error={error}
    >
      {value ? (
        <View className='lecture-form__venue-point'>
          <Text className='lecture-form__venue-chosen'>已定位：{formatVenuePoint(value)}</Text>
          <Text className='app-card__hint'>签到时离这里超过下面的范围，会在签到名单里标记“不在现场”，但仍算签到。</Text>
        </View>
      ) : null}

      <FormField className='lecture-form__venue-radius-field' label='签到范围'>
        <OptionGroup
          className='lecture-form__venue-radius'
          options={radiusOptions}
          value={String(current) as RadiusValue}
          onChange={(x) => {
            const r = Number(x)
            setRadius(r)
            if (value) onRadius(r)
          }}
        />
      </FormField>

      <Button className='app-button app-button--secondary app-button--block lecture-form__venue-locate' disabled={busy} onClick={() => void locate()}>
        {busy ? '正在定位…' : value ? '重新定位' : weapp ? '在地图上选择会场位置' : '使用我当前的位置'}
      </Button>
      {value ? (
        <Button
          className='app-button app-button--secondary app-button--block lecture-form__venue-clear'
          onClick={() => {
            setProblem(null)
            onClear()
          }}
        >
          清除定位
        </Button>
      ) : null}

      {problem ? (
        <View className='lecture-form__venue-problem'>
          <Text className='lecture-form__venue-error'>{problem.message}</Text>
          {weapp && problem.failure === 'denied' ? (
            <Button className='app-button app-button--secondary app-button--block lecture-form__venue-settings' onClick={openLocationSetting}>
              去设置
            </Button>
          ) : null}
        </View>
      ) : null}
    </FormField>
  )
}
