import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { BranchSummary, Profile, WhoamiOutput } from '@contracts'
import { RATING_THRESHOLD } from '@contracts/rules'
import { LoadingState } from '@/components/loading-state'
import { RoleBadge, roleLabel } from '@/components/role-badge'
import { useCommitmentQueueCount } from '@/features/commitments/hooks/use-commitment-queue-count'
import { CallErrorView } from '@/features/session'
import { JoinForm } from '@/features/members/join-form'
import { JoinRequestCard } from '@/features/members/join-request-card'
import { ProfileForm } from '@/features/members/profile-form'
import { useWhoami } from '@/features/members/use-whoami'
import { usePullToRefresh } from '@/features/shared/use-page-refresh'
import { useReviewCount } from '@/features/wishes/hooks/use-review-count'
import { ROUTES, withQuery } from '@/routes'
import './index.scss'

/** 我的: who I am in which branch; join a branch; edit my profile; my check-ins; secretary entries. */
export default function MinePage() {
  const whoami = useWhoami()
  const [editing, setEditing] = useState(false)
  const [joined, setJoined] = useState<WhoamiOutput | null>(null)

  const review = useReviewCount(whoami.data?.profile?.role === 'secretary', whoami.data?.pendingJoinRequests ?? 0)
  const commitmentQueue = useCommitmentQueueCount(whoami.data?.profile?.role === 'secretary')

  usePullToRefresh(() => Promise.all([whoami.reload(), review.reload(), commitmentQueue.reload()]))

  if (whoami.status === 'idle' || whoami.status === 'loading') {
    return (
      <View className='mine-page mine-page--loading'>
        <LoadingState />
      </View>
    )
  }

  if (!whoami.data) {
    return (
      <View className='mine-page mine-page--error'>
        {whoami.error ? <CallErrorView error={whoami.error} onRetry={() => void whoami.reload()} /> : null}
      </View>
    )
  }

  const { profile, branch, inviteCodes, joinRequest } = whoami.data

  if (!profile || !profile.role || !branch) {
    const pending = joinRequest?.status === 'pending'
    return (
      <View className={`mine-page mine-page--guest${pending ? ' mine-page--pending' : ''}`}>
        <View className='mine-page__intro'>
          <Text className='mine-page__intro-title'>{pending ? '等待支部书记确认' : '您还没有加入支部'}</Text>
          <Text className='mine-page__intro-text'>
            {pending ? '书记确认后，您就是支部党员了。' : '加入后就能看到本支部的活动。邀请码请向支部书记索取。'}
          </Text>
        </View>
        {joinRequest ? <JoinRequestCard request={joinRequest} isResident={false} /> : null}
        {pending ? null : <JoinForm onJoined={setJoined} />}
      </View>
    )
  }

  const role = profile.role
  return (
    <View className='mine-page mine-page--member'>
      <View className='mine-page__header'>
        <Text className='mine-page__name'>{profile.name || '未填写姓名'}</Text>
        <View className='mine-page__header-line'>
          <RoleBadge role={role} className='mine-page__role' />
          <Text className='mine-page__branch'>{branch.name}</Text>
        </View>
      </View>

      {joined ? (
        <View className='mine-page__notice'>
          <Text className='mine-page__notice-text'>
            加入成功！您已加入「{branch.name}」，身份是{roleLabel(role)}。
          </Text>
        </View>
      ) : null}

      {joinRequest ? <JoinRequestCard request={joinRequest} isResident={role === 'resident'} /> : null}

      {editing ? (
        <ProfileForm
          profile={profile}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false)
            void Taro.showToast({ title: '已保存', icon: 'success' })
          }}
        />
      ) : (
        <ProfileDetails profile={profile} onEdit={() => setEditing(true)} />
      )}

      <View className='app-card mine-page__activity'>
        <Text className='app-card__title'>我的党课</Text>
        <Text className='app-card__hint'>参加过哪些党课，什么时候签的到。</Text>
        <Button
          className='app-button app-button--secondary app-button--block mine-page__to-check-ins'
          onClick={() => void Taro.navigateTo({ url: ROUTES.myCheckIns })}
        >
          签到记录
        </Button>
      </View>

      {role !== 'resident' ? (
        <View className='app-card mine-page__speaking'>
          <Text className='app-card__title'>我主讲的党课</Text>
          <Text className='app-card__hint'>您主讲过的党课和每一场的评议结果（满 {RATING_THRESHOLD} 人评议后显示）。</Text>
          <Button
            className='app-button app-button--secondary app-button--block mine-page__to-my-lectures'
            onClick={() => void Taro.navigateTo({ url: ROUTES.myLectures })}
          >
            主讲记录与评议
          </Button>
        </View>
      ) : null}

      <View className='app-card mine-page__wishes'>
        <Text className='app-card__title'>微心愿</Text>
        <Text className='app-card__hint'>{role === 'resident' ? '您发布的心愿走到了哪一步。' : '您代录的心愿，和您认领、正在帮忙实现的心愿。'}</Text>
        <Button
          className='app-button app-button--secondary app-button--block mine-page__to-my-wishes'
          onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.myWishes, { kind: 'mine' }) })}
        >
          {role === 'resident' ? '我的心愿' : '我登记的心愿'}
        </Button>
        {role !== 'resident' ? (
          <Button
            className='app-button app-button--secondary app-button--block mine-page__to-my-claims'
            onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.myWishes, { kind: 'claims' }) })}
          >
            我认领的
          </Button>
        ) : null}
      </View>

      {role === 'secretary' ? (
        <SecretaryEntries
          branch={branch}
          codes={inviteCodes}
          reviewCount={review.count}
          joinCount={whoami.data.pendingJoinRequests ?? 0}
          commitmentCount={commitmentQueue.more ? `${commitmentQueue.count}+` : commitmentQueue.count}
        />
      ) : null}

      {whoami.error ? (
        <View className='mine-page__stale'>
          <Text className='mine-page__stale-text'>刷新没有成功：{whoami.error.message}</Text>
        </View>
      ) : null}
    </View>
  )
}

function ProfileDetails({ profile, onEdit }: { profile: Profile; onEdit: () => void }) {
  return (
    <View className='app-card mine-page__details'>
      <Text className='app-card__title'>个人资料</Text>
      <DetailRow label='姓名' value={profile.name} className='mine-page__detail-name' />
      <DetailRow label='手机号' value={profile.phone} className='mine-page__phone' />
      <DetailRow label='职务' value={profile.post} className='mine-page__post' />
      <Button className='app-button app-button--secondary app-button--block mine-page__edit' onClick={onEdit}>
        编辑资料
      </Button>
    </View>
  )
}

function DetailRow({ label, value, className }: { label: string; value: string; className: string }) {
  return (
    <View className='mine-page__detail'>
      <Text className='mine-page__detail-label'>{label}</Text>
      <Text className={`mine-page__detail-value ${className}${value ? '' : ' mine-page__detail-value--empty'}`}>
        {value || '未填写'}
      </Text>
    </View>
  )
}

interface SecretaryEntriesProps {
  branch: BranchSummary
  codes: WhoamiOutput['inviteCodes']
  reviewCount: number
  /** Requests to join as 党员 waiting for this secretary. */
  joinCount: number
  /** Plans waiting to be published or returned (`50+` past one page of the queue). */
  commitmentCount: number | string
}

function SecretaryEntries({ branch, codes, reviewCount, joinCount, commitmentCount }: SecretaryEntriesProps) {
  return (
    <View className='app-card mine-page__secretary'>
      <Text className='app-card__title'>支部管理</Text>
      <Text className='app-card__hint mine-page__counts'>
        书记 {branch.counts.secretary} 人 · 党员 {branch.counts.member} 人 · 群众 {branch.counts.resident} 人
      </Text>
      {codes ? (
        <View className='mine-page__codes'>
          <Text className='mine-page__code-line'>
            党员邀请码 <Text className='mine-page__code mine-page__code--member'>{codes.member}</Text>
          </Text>
          <Text className='mine-page__code-line'>
            群众邀请码 <Text className='mine-page__code mine-page__code--resident'>{codes.resident}</Text>
          </Text>
        </View>
      ) : null}
      {joinCount > 0 ? (
        <View className='mine-page__join-alert'>
          <Text className='mine-page__join-badge'>{joinCount > 99 ? '99+' : joinCount}</Text>
          <Text className='mine-page__join-alert-text'>有 {joinCount} 人申请以党员身份加入，等您确认</Text>
        </View>
      ) : null}
      <Button
        className={`app-button app-button--block mine-page__to-join-requests${joinCount > 0 ? '' : ' app-button--secondary'}`}
        onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryJoinRequests })}
      >
        {joinCount > 0 ? `党员身份确认（${joinCount} 个待确认）` : '党员身份确认'}
      </Button>
      <Button
        className='app-button app-button--block mine-page__to-members'
        onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryMembers })}
      >
        成员管理
      </Button>
      <Button
        className='app-button app-button--secondary app-button--block mine-page__to-invite-codes'
        onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryInviteCodes })}
      >
        邀请码与二维码
      </Button>
      <Button
        className='app-button app-button--secondary app-button--block mine-page__to-wish-review'
        onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryWishReview })}
      >
        {reviewCount > 0 ? `心愿审核（${reviewCount} 个待审核）` : '心愿审核'}
      </Button>
      <Button
        className='app-button app-button--secondary app-button--block mine-page__to-wish-figures'
        onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryWishFigures })}
      >
        心愿统计
      </Button>
      <Button
        className='app-button app-button--secondary app-button--block mine-page__to-commitment-review'
        onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryCommitmentReview })}
      >
        {commitmentCount !== 0 ? `承诺审核（${commitmentCount} 份待审核）` : '承诺审核'}
      </Button>
      <Button
        className='app-button app-button--secondary app-button--block mine-page__to-commitment-month'
        onClick={() => void Taro.navigateTo({ url: ROUTES.secretaryCommitmentMonth })}
      >
        承诺榜与统计
      </Button>
    </View>
  )
}
