export { JoinForm, type JoinFormProps } from './join-form'
