import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import type { WishDetail } from '@contracts'
import { canSubscribeWish, subscribeWish } from '../platform/subscribe-wish'
import './wish-subscribe.scss'

const STILL_MOVING = new Set(['pending', 'open', 'claimed', 'fulfilled'])

/**
 * 「有进展时微信通知我」 on the wish page of its poster (after posting) or its claimer (after claiming),
 * in the mini-program with templates configured; nothing anywhere else.
 */
export function WishSubscribe({ wish }: { wish: WishDetail }) {
  const [state, setState] = useState<'idle' | 'asking' | 'accepted' | 'declined'>('idle')
  const relation = wish.relation
  const offered = (relation === 'poster' || (relation === 'claimer' && wish.status === 'claimed')) && STILL_MOVING.has(wish.status) && canSubscribeWish(relation)
  if (!offered) return null
  const ask = () => {
    if (state === 'asking') return
    setState('asking')
    void subscribeWish(relation).then((ok) => setState(ok ? 'accepted' : 'declined'))
  }
  return (
    <View className='app-card wish-subscribe'>
      <Text className='app-card__hint'>
        {relation === 'poster' ? '审核、认领、完成时，微信会通知您。' : '心愿人确认、或认领快到期时，微信会通知您。'}
      </Text>
      {state === 'accepted' ? (
        <Text className='wish-subscribe__done'>好的，有进展时会通知您。</Text>
      ) : (
        <Button className='app-button app-button--secondary app-button--block wish-subscribe__ask' disabled={state === 'asking'} onClick={ask}>
          {state === 'declined' ? '再试一次：有进展时通知我' : '有进展时微信通知我'}
        </Button>
      )}
    </View>
  )
}
