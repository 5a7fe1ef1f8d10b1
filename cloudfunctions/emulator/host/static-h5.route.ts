import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants as zlibConstants, deflateSync, gzip } from 'node:zlib'
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

/** Worth compressing: text; images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt'])
/** Below this a compressed answer saves nothing worth a header. */
const COMPRESS_MIN_BYTES = 1024

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
    // The build has no icon: every page load would log a 404 for the one browsers ask for by themselves.
    if (pathname === '/favicon.ico') {
      sendFavicon(req, res)
      return
    }
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
  const ext = path.extname(file).toLowerCase()
  const compressible = COMPRESSIBLE.has(ext) && info.size >= COMPRESS_MIN_BYTES
  const encoding = compressible ? pickEncoding(req.headers['accept-encoding']) : null
  const version = `${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}`
  // One tag per representation: a cache must not answer 304 for a gzip body to a client asking for br.
  const etag = `W/"${version}${encoding ? `-${encoding === 'br' ? 'br' : 'gz'}` : ''}"`
  const headers: Record<string, string> = {
    'content-type': TYPES[ext] ?? 'application/octet-stream',
    'cache-control': HASHED.test(path.basename(file)) ? 'public, max-age=31536000, immutable' : 'no-cache',
    etag,
    'last-modified': info.mtime.toUTCString(),
    'x-content-type-options': 'nosniff',
    ...(compressible ? { vary: 'Accept-Encoding' } : {}),
  }
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers)
    res.end()
    return
  }
  if (encoding) {
    const body = await compressed(file, version, encoding)
    res.writeHead(200, { ...headers, 'content-encoding': encoding, 'content-length': String(body.length) })
    res.end(req.method === 'HEAD' ? undefined : body)
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

type Encoding = 'br' | 'gzip'

/** The client's preferred encoding we can make: br over gzip at equal weight; none refused by `q=0`. */
function pickEncoding(header: string | string[] | undefined): Encoding | null {
  const raw = Array.isArray(header) ? header.join(',') : (header ?? '')
  const weights = new Map<string, number>()
  for (const part of raw.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    if (!name) continue
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const weight = q ? Number(q.slice(2)) : 1
    weights.set(name, Number.isFinite(weight) ? weight : 0)
  }
  const weightOf = (e: Encoding) => weights.get(e) ?? (e === 'gzip' ? weights.get('x-gzip') : undefined) ?? weights.get('*') ?? 0
  const best = (['br', 'gzip'] as const).filter((e) => weightOf(e) > 0).sort((a, b) => weightOf(b) - weightOf(a))
  return best[0] ?? null
}

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)
/** Each file compressed once per version and encoding (the H5 build is a few files; a rebuild replaces them). */
const compressedCache = new Map<string, { version: string; body: Promise<Buffer> }>()

function compressed(file: string, version: string, encoding: Encoding): Promise<Buffer> {
  const key = `${encoding}:${file}`
  const cached = compressedCache.get(key)
  if (cached && cached.version === version) return cached.body
  const body = readFile(file).then((raw) =>
    encoding === 'br'
      ? brotli(raw, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 9, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
      : gzipAsync(raw, { level: 9 }),
  )
  // A failed read is not remembered: the next request tries again.
  body.catch(() => compressedCache.delete(key))
  compressedCache.set(key, { version, body })
  return body
}

/** A 32×32 PNG in the app's red with a white bar (made once; a PNG is what every browser takes at /favicon.ico). */
const FAVICON = makeIcon(32)

function sendFavicon(req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(FAVICON.length), 'cache-control': 'public, max-age=86400' })
  res.end(req.method === 'HEAD' ? undefined : FAVICON)
}

function makeIcon(size: number): Buffer {
  const rows: Buffer[] = []
  for (let y = 0; y < size; y += 1) {
    const row = Buffer.alloc(1 + size * 3)
    for (let x = 0; x < size; x += 1) {
      const bar = y >= size * 0.42 && y < size * 0.58 && x >= size * 0.2 && x < size * 0.8
      row.set(bar ? [0xff, 0xff, 0xff] : [0xc8, 0x10, 0x2e], 1 + x * 3)
    }
    rows.push(row)
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header.set([8, 2, 0, 0, 0], 8)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.concat(rows))),
    pngChunk('IEND', Buffer.alloc(0)),
  ])
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length, 0)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body), 0)
  return Buffer.concat([length, body, crc])
}

function crc32(bytes: Buffer): number {
  let c = 0xffffffff
  for (const b of bytes) {
    c ^= b
    for (let k = 0; k < 8; k += 1) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1
  }
  return (c ^ 0xffffffff) >>> 0
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
