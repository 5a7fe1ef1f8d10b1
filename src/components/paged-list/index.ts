export { PagedList, type PagedListProps, type PagedListSource } from './paged-list'
