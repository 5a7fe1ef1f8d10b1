import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { LoadingState } from '@/components/loading-state'
import { RoleBadge } from '@/components/role-badge'
import { useWhoami } from '@/features/members/use-whoami'
import { CallErrorView } from '@/features/session'
import { usePullToRefresh } from '@/features/shared/use-page-refresh'
import { ROUTES } from '@/routes'
import './index.scss'

/**
 * 首页: a welcome with the branch's name, and what can be done today. Only what exists is offered;
 * the activities still to come are described in words, not as tiles that lead nowhere.
 */
export default function IndexPage() {
  const whoami = useWhoami()

  usePullToRefresh(whoami.reload)

  const profile = whoami.data?.profile ?? null
  const branch = whoami.data?.branch ?? null
  const role = profile?.role ?? null
  const inBranch = Boolean(branch && role)

  return (
    <View className='home-page'>
      <View className='home-page__hero'>
        {inBranch && branch ? (
          <>
            <Text className='home-page__greeting'>{profile?.name ? `${profile.name}，您好` : '您好'}</Text>
            <Text className='home-page__branch'>{branch.name}</Text>
            {role ? <RoleBadge role={role} className='home-page__role' /> : null}
          </>
        ) : (
          <>
            <Text className='home-page__greeting'>欢迎使用</Text>
            <Text className='home-page__branch'>支部活动</Text>
          </>
        )}
      </View>

      {whoami.status === 'loading' || whoami.status === 'idle' ? <LoadingState /> : null}
      {whoami.status === 'error' && whoami.error ? (
        <CallErrorView error={whoami.error} onRetry={() => void whoami.reload()} />
      ) : null}

      {whoami.status === 'ready' && !inBranch ? (
        <View className='app-card home-page__join'>
          <Text className='app-card__title'>第一步：加入您的支部</Text>
          <Text className='app-card__hint'>向支部书记要一个邀请码，在“我的”页面填写姓名和邀请码，就能加入。</Text>
          <Button
            className='app-button app-button--block home-page__to-join'
            onClick={() => void Taro.switchTab({ url: ROUTES.mine })}
          >
            去“我的”加入支部
          </Button>
        </View>
      ) : null}

      {whoami.status === 'ready' && inBranch ? (
        <View className='app-card home-page__lectures'>
          <Text className='app-card__title'>近期党课</Text>
          <Text className='app-card__hint'>看看本支部和各支部开放的党课：时间、地点、学习资料；到会场后扫码签到。</Text>
          <Button
            className='app-button app-button--block home-page__to-lectures'
            onClick={() => void Taro.switchTab({ url: ROUTES.lectures })}
          >
            查看近期党课
          </Button>
        </View>
      ) : null}

      {whoami.status === 'ready' && inBranch ? (
        role === 'resident' ? (
          <View className='app-card home-page__wishes'>
            <Text className='app-card__title'>有困难？发布一个微心愿</Text>
            <Text className='app-card__hint'>修水龙头、陪同看病、孩子的学习用品……写下来，书记审核后党员会认领，帮您实现。</Text>
            <Button className='app-button app-button--block home-page__to-post-wish' onClick={() => void Taro.navigateTo({ url: ROUTES.wishPost })}>
              我要许愿
            </Button>
          </View>
        ) : (
          <View className='app-card home-page__wishes'>
            <Text className='app-card__title'>群众的心愿在等您认领</Text>
            <Text className='app-card__hint'>看看本支部群众的微心愿，认领一个，帮他实现。</Text>
            <Button className='app-button app-button--block home-page__to-wishes' onClick={() => void Taro.switchTab({ url: ROUTES.wishes })}>
              去看心愿
            </Button>
          </View>
        )
      ) : null}

      {whoami.status === 'ready' && inBranch ? (
        <View className='app-card home-page__commitments'>
          <Text className='app-card__title'>党员公开承诺</Text>
          <Text className='app-card__hint'>本支部党员本月的承诺和进展，欢迎评议。</Text>
          <Button className='app-button app-button--block home-page__to-commitments' onClick={() => void Taro.navigateTo({ url: ROUTES.commitmentBoard })}>
            看承诺榜
          </Button>
        </View>
      ) : null}

      {whoami.status === 'ready' && inBranch && branch ? (
        <View className='app-card home-page__now'>
          <Text className='app-card__title'>现在可以做的事</Text>
          <Text className='home-page__counts'>
            本支部有书记 {branch.counts.secretary} 人、党员 {branch.counts.member} 人、群众 {branch.counts.resident} 人。
          </Text>
          <Button
            className='app-button app-button--secondary app-button--block home-page__to-mine'
            onClick={() => void Taro.switchTab({ url: ROUTES.mine })}
          >
            查看和修改我的资料
          </Button>
          {role === 'secretary' ? (
            <>
              <Button
                className='app-button app-button--block home-page__to-members'
                onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryMembers })}
              >
                成员管理
              </Button>
              <Button
                className='app-button app-button--secondary app-button--block home-page__to-invite-codes'
                onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryInviteCodes })}
              >
                邀请码与二维码
              </Button>
            </>
          ) : null}
        </View>
      ) : null}

      <View className='app-card home-page__about'>
        <Text className='app-card__title'>支部活动能帮什么</Text>
        <Text className='home-page__about-text home-page__about-now'>
          现在可以：加入支部、管理成员；参加开放式党课，到场扫码签到；签到后在党课页面为党课评议（不记名打分、写评语）；群众发布微心愿，党员认领并帮助实现，实现后展示在圆梦墙上；党员公开承诺，群众评议。
        </Text>
      </View>
    </View>
  )
}
