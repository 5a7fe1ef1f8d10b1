import { Button, Text, View } from '@tarojs/components'
import type { PendingComment } from '@contracts'
import './pending-comments.scss'

export interface PendingCommentsProps {
  comments: PendingComment[]
  /** The comment whose decision is on its way (its buttons are disabled and say so). */
  pendingKey: string | null
  /** The server's refusal of the last decision, shown above the list. */
  error?: string | null
  onPass: (key: string) => void
  onReject: (key: string) => void
}

/**
 * 待审核评语, for the branch secretary: comments the content check held, as bare texts (nobody's
 * name), each with 通过 (the speaker will read it) and 不展示 (the scores still count). Shown only when
 * there is something to decide.
 */
export function PendingComments({ comments, pendingKey, error, onPass, onReject }: PendingCommentsProps) {
  if (comments.length === 0) return null
  return (
    <View className='app-card pending-comments'>
      <Text className='app-card__title'>待审核评语（{comments.length} 条）</Text>
      <Text className='app-card__hint pending-comments__hint'>
        这些评语可能含有联系方式等不宜公开的内容，系统先替你拦下了。通过后主讲人才能看到；不展示的评语，评分照样计入。
      </Text>
      {error ? <Text className='pending-comments__error'>{error}</Text> : null}
      {comments.map((c) => {
        const busy = pendingKey === c.key
        return (
          <View key={c.key} className='pending-comments__item'>
            <Text className='pending-comments__text'>{c.text}</Text>
            <View className='pending-comments__actions'>
              <Button
                className='app-button app-button--secondary pending-comments__reject'
                disabled={pendingKey !== null}
                onClick={() => onReject(c.key)}
              >
                不展示
              </Button>
              <Button className='app-button pending-comments__pass' disabled={pendingKey !== null} onClick={() => onPass(c.key)}>
                {busy ? '正在处理…' : '通过'}
              </Button>
            </View>
          </View>
        )
      })}
    </View>
  )
}
