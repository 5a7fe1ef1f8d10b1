export { OptionGroup, type OptionGroupOption, type OptionGroupProps } from './option-group'
