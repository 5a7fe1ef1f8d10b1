export { LedgerExport, type LedgerExportProps, type LedgerFile } from './ledger-export'
