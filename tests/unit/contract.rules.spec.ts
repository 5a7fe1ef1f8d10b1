import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'
import { checkInQrContent, lectureTimesProblem, ratingWindow, ratingWindowState, sceneFor, sceneFromText } from '../../cloudfunctions/contracts/rules'

dayjs.extend(utc)
dayjs.extend(timezone)
const bj = (s: string) => dayjs.tz(s, 'Asia/Shanghai').valueOf()

/** The contracts' zod-free rules: what both tiers decide the same way. */
describe('lecture times (process TZ is UTC)', () => {
  it.each([
    ['19:30 to 21:00', bj('2026-11-22 19:30'), bj('2026-11-22 21:00'), null],
    ['across Beijing midnight', bj('2026-11-22 23:30'), bj('2026-11-23 00:30'), null],
    ['exactly a day', bj('2026-11-22 08:00'), bj('2026-11-23 08:00'), null],
    ['an end at the start', bj('2026-11-22 19:30'), bj('2026-11-22 19:30'), 'endNotAfterStart'],
    ['an end before the start', bj('2026-11-22 19:30'), bj('2026-11-22 19:00'), 'endNotAfterStart'],
    ['a minute over a day', bj('2026-11-22 08:00'), bj('2026-11-23 08:01'), 'tooLong'],
    ['an unreadable time', Number.NaN, bj('2026-11-22 21:00'), 'endNotAfterStart'],
  ])('%s', (_label, start, end, problem) => {
    expect(lectureTimesProblem(start, end)).toBe(problem)
  })
})

describe('rating window', () => {
  it('offers nothing for unreadable times (a client given a malformed answer)', () => {
    expect(ratingWindowState(bj('2026-11-22 20:00'), ratingWindow(Number.NaN, Number.NaN))).toBe('closed')
  })
})

describe('check-in QR content', () => {
  const scene = sceneFor('Labc1234567', 'Xy7Kp2QmZa')
  it.each([
    ['the in-app link', undefined],
    ['the H5 page', 'http://127.0.0.1:8080/#/pages/check-in/index'],
    ['an H5 page with a query', 'https://example.org/h5/?from=poster#/pages/check-in/index?x=1'],
  ])('is read back from %s', (_label, h5Url) => {
    expect(sceneFromText(checkInQrContent(scene, h5Url))).toEqual({ lectureId: 'Labc1234567', token: 'Xy7Kp2QmZa' })
  })
})
