/**
 * Time as both tiers count it. Lecture times are Beijing wall-clock time whatever the device's or the
 * process's zone (docs/architecture.md "Time"); China has kept UTC+8 without daylight saving since 1991,
 * so the fixed offset is exact where a zone database is missing.
 */
export const BEIJING_TIME_ZONE = 'Asia/Shanghai'
export const BEIJING_OFFSET_MINUTES = 8 * 60

export const SECOND_MS = 1000
export const MINUTE_MS = 60 * SECOND_MS
export const HOUR_MS = 60 * MINUTE_MS
export const DAY_MS = 24 * HOUR_MS
