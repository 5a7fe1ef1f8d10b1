export { PagedListFooter, type PagedListFooterProps } from './paged-list-footer'
