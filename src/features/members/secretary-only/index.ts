export { SecretaryOnly, isSecretary, type SecretaryOnlyProps, type SecretaryWhoami } from './secretary-only'
