export { LectureForm, type LectureFormProps } from './lecture-form'
