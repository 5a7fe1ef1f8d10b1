export { LectureCard, type LectureCardProps } from './lecture-card'
