export { RoleChangeDialog, type RoleChangeDialogProps } from './role-change-dialog'
