export { FormField, INVALID_FIELD_SELECTOR, type FormFieldProps } from './form-field'
