import { lectureInputSchema } from '../../../cloudfunctions/contracts'
import { distanceMeters } from '../../../cloudfunctions/modules/lectures/check-in.rules'
import { checkLectureForm } from '@/features/lectures/rules/lecture-form-check.rules'
import { formErrorsFromServer } from '@/features/lectures/rules/lecture-form-errors.rules'
import { withVenuePoint, withoutVenuePoint } from '@/features/lectures/rules/lecture-form-updates.rules'
import { emptyLectureForm, type LectureFormValues } from '@/features/lectures/rules/lecture-form-values.rules'
import {
  classifyLocateError,
  formatVenuePoint,
  gcj02ToWgs84,
  locateFailureMessage,
  placeNameFrom,
  venuePointError,
  venuePointFrom,
  wgs84ToGcj02,
  type LocateFailure,
} from '@/features/lectures/rules/venue-point.rules'

function form(over: Partial<LectureFormValues> = {}): LectureFormValues {
  return {
    ...emptyLectureForm('2026-11-22'),
    title: '学习党章',
    speakerName: '王建国',
    startTime: '19:30',
    endTime: '21:00',
    locationName: '社区党群服务中心二楼',
    ...over,
  }
}

describe('venue point datum (GCJ-02 from the map picker, WGS-84 for check-in)', () => {
  it.each([
    ['Beijing, Tiananmen', 39.9087, 116.3975],
    ['Shanghai, People’s Square', 31.2304, 121.4737],
    ['Urumqi', 43.8256, 87.6168],
    ['Sanya', 18.2528, 109.512],
  ])('shifts a point in %s by 100–800 m and converts it back within a metre', (_place, latitude, longitude) => {
    const wgs = { latitude, longitude }
    const gcj = wgs84ToGcj02(wgs)
    const shift = distanceMeters(wgs, gcj)
    expect(shift).toBeGreaterThan(100)
    expect(shift).toBeLessThan(800)
    expect(distanceMeters(gcj02ToWgs84(gcj), wgs)).toBeLessThan(1)
  })

  it.each([
    ['London', 51.5074, -0.1278],
    ['Sydney', -33.8688, 151.2093],
  ])('leaves a point outside China (%s) as it is', (_place, latitude, longitude) => {
    expect(gcj02ToWgs84({ latitude, longitude })).toEqual({ latitude, longitude })
    expect(wgs84ToGcj02({ latitude, longitude })).toEqual({ latitude, longitude })
  })
})

describe('venuePointFrom', () => {
  it('keeps a WGS-84 answer as it is, rounded to six decimals, with the radius', () => {
    expect(venuePointFrom({ latitude: 31.23041234, longitude: 121.47370987 }, 'wgs84', 500)).toEqual({
      latitude: 31.230412,
      longitude: 121.47371,
      radius: 500,
    })
  })

  it('converts a GCJ-02 pick so check-in at that spot is within a few metres', () => {
    const spot = { latitude: 31.2304, longitude: 121.4737 }
    const picked = venuePointFrom(wgs84ToGcj02(spot), 'gcj02')
    if (!picked) throw new Error('expected a point')
    expect(picked.radius).toBe(300)
    expect(distanceMeters(picked, spot)).toBeLessThan(1)
  })

  it.each<[string, { latitude: unknown; longitude: unknown }]>([
    ['NaN', { latitude: Number.NaN, longitude: 121 }],
    ['Infinity', { latitude: 31, longitude: Number.POSITIVE_INFINITY }],
    ['a string', { latitude: '31.2', longitude: 121 }],
    ['missing', { latitude: undefined, longitude: 121 }],
    ['0,0 (positioning off on some phones)', { latitude: 0, longitude: 0 }],
    ['out of range', { latitude: 91, longitude: 121 }],
  ])('refuses %s', (_label, raw) => {
    expect(venuePointFrom(raw, 'wgs84')).toBeNull()
  })
})

describe('classifyLocateError and its copy', () => {
  it.each<[string, LocateFailure]>([
    ['chooseLocation:fail cancel', 'cancelled'],
    ['chooseLocation:fail auth deny', 'denied'],
    ['chooseLocation:fail authorize no response', 'denied'],
    ['getLocation:fail auth denied', 'denied'],
    ['User denied Geolocation', 'denied'],
    ['getLocation:fail system permission denied', 'systemOff'],
    ['getLocation:fail:ERROR_NOCELL&WIFI_LOCATIONSWITCHOFF', 'systemOff'],
    ['Only secure origins are allowed (see: https://goo.gl/Y0ZkNV).', 'insecure'],
    ['Timeout expired', 'timeout'],
    ['getLocation:fail timeout', 'timeout'],
    ['The current browser does not support this feature', 'unsupported'],
    ['chooseLocation:fail the api need to be declared in the requiredPrivateInfos field in app.json', 'notDeclared'],
    ['chooseLocation:fail api scope is not declared in the privacy agreement', 'notDeclared'],
    ['something odd', 'failed'],
  ])('%s → %s', (errMsg, kind) => {
    expect(classifyLocateError(errMsg)).toBe(kind)
  })

  it('says nothing for a cancel and says what to do for everything else, per platform', () => {
    expect(locateFailureMessage('cancelled', 'weapp')).toBeNull()
    expect(locateFailureMessage('denied', 'weapp')).toContain('去设置')
    expect(locateFailureMessage('denied', 'h5')).toContain('允许“位置”')
    for (const kind of ['denied', 'systemOff', 'insecure', 'unsupported', 'timeout', 'notDeclared', 'failed'] as const) {
      expect(locateFailureMessage(kind, 'h5')).toMatch(/[\u4e00-\u9fa5]/)
    }
  })
})

describe('venue point on the lecture form', () => {
  const point = { latitude: 31.2304, longitude: 121.4737, radius: 300 }

  it('fills an empty place name from the pick, never one typed by hand', () => {
    expect(withVenuePoint(form({ locationName: '' }), point, '幸福里社区党群服务中心').locationName).toBe('幸福里社区党群服务中心')
    expect(withVenuePoint(form({ locationName: '二楼会议室' }), point, '幸福里社区党群服务中心').locationName).toBe('二楼会议室')
    expect(withVenuePoint(form({ locationName: '' }), point, '长'.repeat(80)).locationName).toBe('长'.repeat(60))
    expect(placeNameFrom({ name: '  ', address: ' 上海市黄浦区人民大道 200 号 ' }, 60)).toBe('上海市黄浦区人民大道 200 号')
    expect(placeNameFrom({ name: undefined, address: 3 }, 60)).toBe('')
  })

  it('sends the point with the location, and nothing of it once cleared', () => {
    const withPoint = checkLectureForm(withVenuePoint(form(), { ...point, radius: 1000 }, ''))
    if (!withPoint.ok) throw new Error(JSON.stringify(withPoint.errors))
    expect(withPoint.value.location).toEqual({ name: '社区党群服务中心二楼', latitude: 31.2304, longitude: 121.4737, radius: 1000 })
    expect(lectureInputSchema.safeParse(withPoint.value).success).toBe(true)

    const cleared = checkLectureForm(withoutVenuePoint(withVenuePoint(form(), point, '')))
    if (!cleared.ok) throw new Error(JSON.stringify(cleared.errors))
    expect(cleared.value.location).toEqual({ name: '社区党群服务中心二楼' })
  })

  it.each([
    ['a radius under 50 m', { ...point, radius: 20 }, '签到范围应在 50 到 5000 米之间，请重新选择'],
    ['a fractional radius', { ...point, radius: 300.5 }, '签到范围应在 50 到 5000 米之间，请重新选择'],
    ['a latitude past the pole', { ...point, latitude: 95 }, '场地定位不正确，请清除后重新定位'],
    ['a NaN longitude', { ...point, longitude: Number.NaN }, '场地定位不正确，请清除后重新定位'],
  ])('refuses %s as the contract would', (_label, bad, message) => {
    expect(venuePointError(bad)).toBe(message)
    expect(checkLectureForm(form({ venuePoint: bad }))).toEqual({ ok: false, errors: { venuePoint: message } })
    expect(lectureInputSchema.safeParse({ title: 't', speaker: { name: 's' }, startAt: '2026-11-22T19:30:00+08:00', endAt: '2026-11-22T21:00:00+08:00', location: { name: 'x', ...bad } }).success).toBe(false)
  })

  it("places the server's location messages on the venue point", () => {
    expect(formErrorsFromServer({ 'location.radius': '太小' })).toEqual({ venuePoint: '太小' })
    expect(formErrorsFromServer({ 'location.latitude': '格式不正确' })).toEqual({ venuePoint: '格式不正确' })
  })

  it('shows the point in words', () => {
    expect(formatVenuePoint({ latitude: 31.2304, longitude: 121.4737 })).toBe('北纬 31.23040°，东经 121.47370°')
    expect(formatVenuePoint({ latitude: -33.8688, longitude: -70.6693 })).toBe('南纬 33.86880°，西经 70.66930°')
  })
})
