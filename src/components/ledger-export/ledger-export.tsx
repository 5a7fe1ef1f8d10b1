import { Button, Text, View } from '@tarojs/components'
import './ledger-export.scss'

/** What an export answered: the file's name, its rows and a temporary download link. */
export interface LedgerFile {
  fileName: string
  rows: number
  url: string
}

export interface LedgerExportProps {
  pending: boolean
  /** Why the last export failed, in the server's words. */
  error: string | null
  exported: LedgerFile | null
  /** The file was made but the phone or browser did not open it: offer the link instead. */
  openFailed: boolean
  onExport: () => void
  onCopyLink: (url: string) => void
}

/** 导出台账（Excel）, what came of it, and the link to copy when the file did not open by itself. */
export function LedgerExport({ pending, error, exported, openFailed, onExport, onCopyLink }: LedgerExportProps) {
  return (
    <View className='ledger-export'>
      <Button className='app-button app-button--secondary app-button--block ledger-export__button' disabled={pending} onClick={onExport}>
        {pending ? '正在生成台账…' : '导出台账（Excel）'}
      </Button>
      {error ? <Text className='ledger-export__error'>{error}</Text> : null}
      {exported ? (
        <View className='ledger-export__result'>
          <Text className='ledger-export__text'>
            已生成《{exported.fileName}》，共 {exported.rows} 条记录。
            {openFailed ? '没有自动打开，可以复制下面的链接到浏览器下载。' : process.env.TARO_ENV === 'h5' ? '浏览器已开始下载。' : ''}
          </Text>
          {openFailed ? (
            <Button className='app-button app-button--secondary app-button--block ledger-export__copy-link' onClick={() => onCopyLink(exported.url)}>
              复制下载链接
            </Button>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}
