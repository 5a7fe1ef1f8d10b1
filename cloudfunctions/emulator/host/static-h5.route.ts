import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { escapeHtml, sendHtml } from './http-util'

/**
 * Serves the H5 build (dist/h5) the way a CDN would: content-hashed files cached for a year, everything
 * else (index.html above all) revalidated on each load so a rebuild shows up on refresh.
 */

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
}

/** Taro's H5 output names assets `name.[contenthash:8].ext`. */
const HASHED = /\.[0-9a-f]{8,}\.[A-Za-z0-9]+$/

export async function serveH5(req: IncomingMessage, res: ServerResponse, url: URL, h5Dir: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' })
    res.end('Method Not Allowed')
    return
  }
  const root = path.resolve(h5Dir)
  const index = path.join(root, 'index.html')
  if (!(await isFile(index))) {
    sendHtml(res, 503, notBuiltPage(h5Dir))
    return
  }

  let pathname: string
  try {
    pathname = decodeURIComponent(url.pathname)
  } catch {
    pathname = '/'
  }
  // Resolve inside dist/h5 only: `..` and NUL must never reach the disk.
  let file = path.join(root, path.normalize(pathname.includes('\0') ? '/' : pathname))
  if (file !== root && !file.startsWith(root + path.sep)) file = index
  if (pathname.endsWith('/')) file = path.join(file, 'index.html')

  if (!(await isFile(file))) {
    // Page URLs (no extension) fall back to the app, so a browser-mode route survives a reload;
    // a missing asset stays a 404 instead of turning into HTML the browser tries to run.
    if (path.extname(pathname) !== '') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' })
      res.end('Not Found')
      return
    }
    file = index
  }
  await sendFile(req, res, file)
}

async function sendFile(req: IncomingMessage, res: ServerResponse, file: string): Promise<void> {
  const info = await stat(file)
  const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`
  const headers: Record<string, string> = {
    'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'cache-control': HASHED.test(path.basename(file)) ? 'public, max-age=31536000, immutable' : 'no-cache',
    etag,
    'last-modified': info.mtime.toUTCString(),
    'x-content-type-options': 'nosniff',
  }
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers)
    res.end()
    return
  }
  res.writeHead(200, { ...headers, 'content-length': String(info.size) })
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  const stream = createReadStream(file)
  stream.on('error', () => res.destroy())
  stream.pipe(res)
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isFile(),
    () => false,
  )
}

function notBuiltPage(h5Dir: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>H5 页面尚未构建</title>
<style>body{font-family:-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;max-width:640px;margin:40px auto;padding:0 16px;color:#222}
code{background:#f5f5f5;padding:2px 6px;border-radius:4px}</style></head>
<body>
<h1>H5 页面尚未构建</h1>
<p>本地云已在运行，但没有找到 H5 应用（<code>${escapeHtml(path.join(h5Dir, 'index.html'))}</code>）。</p>
<p>请在项目根目录运行 <code>npm run build:h5</code>，然后刷新本页；或者直接用 <code>npm start</code>，它会自动构建需要的部分。</p>
<p>云函数接口 <code>POST /api/&lt;函数名&gt;</code> 和 <a href="/dev/sign-in">演示登录</a> 仍然可用。</p>
</body></html>`
}
