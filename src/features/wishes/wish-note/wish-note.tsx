import { Button, Text, View } from '@tarojs/components'
import type { WishDetail, WishNote } from '@contracts'
import { useAction } from '@/features/shared/use-action'
import { formatMoment } from '@/utils/beijing-time'
import { reviewWishText } from '../wish.actions'
import './wish-note.scss'

export interface WishNoteLineProps {
  wishId: string
  note: WishNote
  /** The wish after the secretary decided on a held text. */
  onChanged: (wish: WishDetail) => void
}

/**
 * A text written on the wish (progress, the proof's note, the thanks). One the content check held is
 * marked as waiting; the branch secretary (who alone gets its `key`) decides whether it shows.
 */
export function WishNoteLine({ wishId, note, onChanged }: WishNoteLineProps) {
  const review = useAction(reviewWishText)
  if (note.rejected && !note.key) return null
  const decide = async (decision: 'pass' | 'reject') => {
    if (!note.key) return
    const next = await review.run(wishId, note.key, decision)
    if (next) onChanged(next)
  }
  return (
    <View className={`wish-note${note.held ? ' wish-note--held' : ''}`}>
      <Text className='wish-note__when'>
        {formatMoment(note.at)}
        {note.held ? '（等待书记审核后公开）' : note.rejected ? '（书记决定不公开）' : ''}
      </Text>
      <Text className='wish-note__text'>{note.text}</Text>
      {note.held && note.key ? (
        <View className='wish-note__review'>
          <Button className='app-button wish-note__pass' disabled={review.pending !== null} onClick={() => void decide('pass')}>
            可以公开
          </Button>
          <Button className='app-button app-button--secondary wish-note__reject' disabled={review.pending !== null} onClick={() => void decide('reject')}>
            不公开
          </Button>
        </View>
      ) : null}
      {review.error ? <Text className='wish-note__error'>{review.error.message}</Text> : null}
    </View>
  )
}
