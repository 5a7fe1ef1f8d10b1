import { Button, Text, View } from '@tarojs/components'
import type { ErrorBody } from '@contracts'
import { isAuthRequired } from '@/services/cloud'
import './sign-in-hint.scss'

/** The local host's dev sign-in page (outside the app, H5 only). */
export const DEV_SIGN_IN_PATH = '/dev/sign-in'

/** The sign-in page, asked to bring the person back here afterwards (`next` is a same-host path). */
export function signInUrl(loc: Pick<Location, 'pathname' | 'search' | 'hash'>): string {
  return `${DEV_SIGN_IN_PATH}?next=${encodeURIComponent(loc.pathname + loc.search + loc.hash)}`
}

export function shouldOfferSignIn(error: ErrorBody | null | undefined): boolean {
  return process.env.TARO_ENV === 'h5' && isAuthRequired(error)
}

/**
 * In the browser build the caller's identity comes from the local host's sign-in cookie; when the
 * server says AUTH.REQUIRED, offer the way there. In WeChat the identity is always present, so this
 * renders nothing (and the branch is dropped from the weapp bundle).
 */
export function SignInHint({ error }: { error: ErrorBody | null | undefined }) {
  if (process.env.TARO_ENV !== 'h5') return null
  if (!shouldOfferSignIn(error)) return null
  return (
    <View className='sign-in-hint'>
      <Text className='sign-in-hint__text'>这是网页版，请点“去登录”选择身份，选好后会回到这一页。</Text>
      <Button
        className='app-button app-button--block sign-in-hint__link'
        onClick={() => {
          window.location.assign(signInUrl(window.location))
        }}
      >
        去登录
      </Button>
    </View>
  )
}
