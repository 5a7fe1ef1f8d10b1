import {
  useLectureFunction,
  call,
  ok,
  errorCode,
  store,
  SEC,
  SEC2,
  MEMBER,
  OTHER,
  RESIDENT,
  NOBODY,
  minutes,
  lectureInput,
  publishedLecture,
  secretOf,
  type Json,
} from '../../support/integration/lecture-function'

/** The `lecture` function's management by the branch secretary: create, update, publish, cancel, and who may not. */
useLectureFunction()

describe('lecture: create, publish, cancel', () => {
  it('creates a draft that only its branch secretary sees, then publishes it', async () => {
    const created = await ok<Json>(SEC, lectureInput())
    expect(created).toMatchObject({ status: 'draft', audience: 'branch', checkinMode: 'rotating', checkinCount: 0, branchName: '示范社区第一党支部' })
    expect(JSON.stringify(created)).not.toContain(await secretOf(String(created.id)))
    expect(await errorCode(MEMBER, { action: 'get', lectureId: created.id })).toBe('LECTURE.NOT_FOUND')
    const published = await ok<Json>(SEC, { action: 'publish', lectureId: created.id })
    expect(published.status).toBe('published')
    expect(await ok<Json>(MEMBER, { action: 'get', lectureId: created.id })).toMatchObject({ id: created.id, me: { checkedIn: false, canManage: false } })
  })

  it('links the speaker only to a person in a branch, on create and on update', async () => {
    const refused = await call(SEC, lectureInput({ speaker: { name: '冒名', openid: 'nobody-at-all' } }))
    expect(refused).toMatchObject({ ok: false, error: { code: 'LECTURE.SPEAKER_NOT_FOUND', fields: { 'speaker.openid': expect.any(String) } } })
    expect(await errorCode(SEC, lectureInput({ speaker: { name: '孙丽', openid: NOBODY } }))).toBe('LECTURE.SPEAKER_NOT_FOUND')
    // A teacher from another branch may speak; an outside lecturer is a name only.
    const created = await ok<{ id: string }>(SEC, lectureInput({ speaker: { name: '刘洋', openid: OTHER } }))
    expect(await errorCode(SEC, { action: 'update', lectureId: created.id, speaker: { name: '冒名', openid: 'nobody-at-all' } })).toBe('LECTURE.SPEAKER_NOT_FOUND')
    expect(await ok<Json>(SEC, { action: 'get', lectureId: created.id })).toMatchObject({ speaker: { name: '刘洋', openid: OTHER } })
    expect(await ok<Json>(SEC, { action: 'update', lectureId: created.id, speaker: { name: '党校刘老师' } })).toMatchObject({ speaker: { name: '党校刘老师', openid: null } })
  })

  it('links only a 党员 or a secretary as the speaker, never a 群众 (by name only is still fine)', async () => {
    const refused = await call(SEC, lectureInput({ speaker: { name: '赵桂兰', openid: RESIDENT } }))
    expect(refused).toMatchObject({ ok: false, error: { code: 'LECTURE.SPEAKER_NOT_PARTY_MEMBER', fields: { 'speaker.openid': expect.any(String) } } })
    const created = await ok<{ id: string }>(SEC, lectureInput({ speaker: { name: '李秀英', openid: MEMBER } }))
    expect(await errorCode(SEC, { action: 'update', lectureId: created.id, speaker: { name: '赵桂兰', openid: RESIDENT } })).toBe('LECTURE.SPEAKER_NOT_PARTY_MEMBER')
    expect(await ok<Json>(SEC, { action: 'update', lectureId: created.id, speaker: { name: '王建国', openid: SEC } })).toMatchObject({ speaker: { openid: SEC } })
    expect(await ok<Json>(SEC, { action: 'update', lectureId: created.id, speaker: { name: '赵桂兰' } })).toMatchObject({ speaker: { name: '赵桂兰', openid: null } })
  })

  it('refuses an end before the start', async () => {
    expect(await errorCode(SEC, lectureInput({ startAt: minutes(60), endAt: minutes(30) }))).toBe('LECTURE.BAD_TIMES')
  })

  // A double tap, or a retry after an answer was lost: the lecture is where it was asked to go, so the
  // second press answers it as it is (no error to puzzle over) and changes nothing, whether it raced
  // the first press or came after it.
  it.each<[string, 'at once' | 'one after the other', 'publish' | 'cancel']>([
    ['publishes', 'at once', 'publish'],
    ['publishes', 'one after the other', 'publish'],
    ['cancels', 'at once', 'cancel'],
    ['cancels', 'one after the other', 'cancel'],
  ])('%s once when the button is pressed twice %s', async (_label, timing, action) => {
    const id = action === 'publish' ? (await ok<{ id: string }>(SEC, lectureInput())).id : await publishedLecture()
    const press = (n: number) => call(SEC, action === 'publish' ? { action, lectureId: id } : { action, lectureId: id, reason: n === 1 ? '场地临时维修' : '主讲人临时出差' })
    const target = action === 'publish' ? 'published' : 'cancelled'
    const storedDoc = async () => (await store().find('lectures', { _id: id }))[0] as Json

    let answers: Awaited<ReturnType<typeof call>>[]
    if (timing === 'at once') {
      answers = await Promise.all([press(1), press(2)])
    } else {
      const first = await press(1)
      const afterFirst = await storedDoc()
      answers = [first, await press(2)]
      // The second press wrote nothing: not even updatedAt, publishedAt or the reason moved.
      expect(await storedDoc()).toEqual(afterFirst)
    }
    const stored = await storedDoc()
    expect(stored.status).toBe(target)
    for (const res of answers) {
      expect(res).toMatchObject({ ok: true, data: { id, status: target, cancelReason: stored.cancelReason } })
    }
    if (action === 'cancel') {
      expect(['场地临时维修', '主讲人临时出差']).toContain(stored.cancelReason)
      if (timing === 'one after the other') expect(stored.cancelReason).toBe('场地临时维修')
    }
  })

  it('cannot publish or edit a cancelled lecture', async () => {
    const created = await ok<{ id: string }>(SEC, lectureInput())
    await ok(SEC, { action: 'cancel', lectureId: created.id, reason: '场地临时维修' })
    expect(await errorCode(SEC, { action: 'publish', lectureId: created.id })).toBe('LECTURE.WRONG_STATE')
    expect(await errorCode(SEC, { action: 'update', lectureId: created.id, title: '新标题' })).toBe('LECTURE.CANCELLED')
  })

  it('updates fields of its own lecture', async () => {
    const id = await publishedLecture()
    const updated = await ok<Json>(SEC, { action: 'update', lectureId: id, title: '改革开放史专题', audience: 'open', materials: [{ title: '学习材料', url: 'https://example.org/a.pdf' }] })
    expect(updated).toMatchObject({ title: '改革开放史专题', audience: 'open', materials: [{ title: '学习材料', url: 'https://example.org/a.pdf' }] })
  })

  it.each([
    ['secretary of another branch', SEC2, 'LECTURE.NOT_FOUND'],
    ['member', MEMBER, 'AUTH.FORBIDDEN'],
    ['member of another branch', OTHER, 'AUTH.FORBIDDEN'],
    ['resident', RESIDENT, 'AUTH.FORBIDDEN'],
    ['person without a branch', NOBODY, 'AUTH.NO_PROFILE'],
    ['nobody signed in', null, 'AUTH.REQUIRED'],
  ])('refuses management by a %s', async (_label, openid, code) => {
    const id = await publishedLecture()
    for (const event of [
      { action: 'update', lectureId: id, title: '篡改' },
      { action: 'publish', lectureId: id },
      { action: 'cancel', lectureId: id, reason: '捣乱' },
      { action: 'displayCode', lectureId: id },
      { action: 'markAttendance', lectureId: id, openid: MEMBER, present: true, reason: '补录' },
      { action: 'exportAttendance', lectureId: id },
    ]) {
      expect(await errorCode(openid, event)).toBe(code)
    }
    if (openid !== SEC2) expect(await errorCode(openid, lectureInput())).toBe(code)
  })
})
