import type { CommitmentPanel, MyCommitmentCard } from '../../contracts/commitment.contract'
import type { MemberDoc } from '../../shared/caller'
import { Collections } from '../../shared/collections'
import { checkText, ContentScene } from '../../shared/content-check'
import { findById } from '../../shared/db'
import { CommonErrors } from '../../shared/errors'
import { checkOwnFiles, tempFileUrls } from '../../shared/file-storage'
import type { ContextFor } from '../../shared/router'
import { CommitmentErrors } from './commitment.errors'
import { toCard, toPanel } from './commitment.mapper'
import type { CardDoc, PanelDoc } from './commitment.repository'

/**
 * 亮身份 and 亮职责: a member's own card and the branch's panel. The card keeps only what the profile
 * does not (photo, post, the phone and whether to show it); name, avatar and role come from `members`.
 * The phone leaves the server only when its owner chose to show it (docs/architecture.md "Privacy"),
 * except to its owner here, who edits it.
 */

async function myCardOf(member: MemberDoc, card: CardDoc | null): Promise<MyCommitmentCard> {
  const urls = await tempFileUrls(card?.photo ? [card.photo] : [])
  return { ...toCard(member, card ?? undefined, urls), ownPhone: card?.phone ?? member.phone, showPhone: card?.showPhone ?? false }
}

export async function myCard(_input: Record<string, never>, ctx: ContextFor<'partyMember'>): Promise<MyCommitmentCard> {
  return myCardOf(ctx.member, await findById<CardDoc>(ctx.db, Collections.commitmentCards, ctx.openid))
}

export interface CardInput {
  photo?: string
  post: string
  phone: string
  showPhone: boolean
}

/** Saves the caller's own card (`_id` = openid: a second save replaces the first). */
export async function saveCard(input: CardInput, ctx: ContextFor<'partyMember'>): Promise<MyCommitmentCard> {
  if (input.showPhone && input.phone === '') throw CommonErrors.invalidInput({ phone: '要公开电话，请先填写手机号；或选择不公开' })
  const photo = input.photo ?? null
  if (photo) await checkOwnFiles([photo], 'photo')
  // Anyone who opens the board reads the post, and a card has no review queue: only a clean one is kept.
  if ((await checkText(ctx.openid, input.post, ContentScene.profile)) !== 'pass') throw CommitmentErrors.textRejected('post')
  const doc: CardDoc = {
    _id: ctx.openid,
    branchId: ctx.member.branchId,
    photo,
    post: input.post,
    phone: input.phone,
    showPhone: input.showPhone,
    updatedAt: ctx.now,
  }
  const { _id, ...data } = doc
  await ctx.db.collection(Collections.commitmentCards).doc(_id).set({ data })
  return myCardOf(ctx.member, doc)
}

export interface PanelInput {
  responsibilities: string[]
  tasks: string[]
  process: string[]
  hotline: string
}

/** The secretary writes their own branch's panel (`_id` = branchId); it replaces the last one whole. */
export async function savePanel(input: PanelInput, ctx: ContextFor<'secretary'>): Promise<CommitmentPanel> {
  const lists = { responsibilities: input.responsibilities, tasks: input.tasks, process: input.process }
  // One check per list: its lines are short and read together on the notice board.
  for (const [field, lines] of Object.entries(lists)) {
    if (lines.length > 0 && (await checkText(ctx.openid, lines.join('\n'), ContentScene.profile)) === 'risky') throw CommitmentErrors.textRejected(field)
  }
  const doc: PanelDoc = { _id: ctx.member.branchId, ...lists, hotline: input.hotline, updatedAt: ctx.now }
  const { _id, ...data } = doc
  await ctx.db.collection(Collections.commitmentPanels).doc(_id).set({ data })
  return toPanel(doc)
}
