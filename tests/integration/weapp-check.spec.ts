import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * `npm run check:weapp` (scripts/check-weapp.mjs) refuses what WeChat would refuse, naming the file: each
 * case writes a small mini-program project, breaks one thing and runs the check on it as CI runs it on
 * dist/weapp. The compilers are WeChat's wcc and wcsc, installed on first use into .tools/ like the check's.
 */
const root = path.resolve(__dirname, '../..')
const checkScript = path.join(root, 'scripts/check-weapp.mjs')

type Files = Record<string, string>

/** A mini-program in `miniprogram/` with one main page and one subpackage page, every check switched on. */
function intactProject(): Files {
  const page = (title: string, cls: string): Files => ({
    'index.js': 'Page({ data: { title: "" } })\n',
    'index.json': JSON.stringify({ navigationBarTitleText: title }),
    'index.wxml': `<view class="${cls}"><text>{{title}}</text></view>\n`,
    'index.wxss': `.${cls} { padding: 32rpx; }\n`,
  })
  const under = (dir: string, files: Files): Files => Object.fromEntries(Object.entries(files).map(([f, c]) => [`${dir}/${f}`, c]))
  return {
    'project.config.json': JSON.stringify({
      miniprogramRoot: 'miniprogram/',
      appid: 'touristappid',
      compileType: 'miniprogram',
      setting: { minified: true, minifyWXML: true, minifyWXSS: true, ignoreUploadUnusedFiles: true },
    }),
    'miniprogram/app.json': JSON.stringify({
      pages: ['pages/index/index'],
      subPackages: [{ root: 'packages/admin', pages: ['pages/list/index'] }],
      lazyCodeLoading: 'requiredComponents',
    }),
    'miniprogram/app.js': 'App({})\n',
    'miniprogram/app.wxss': 'page { color: #1a1a1a; }\n',
    ...under('miniprogram/pages/index', page('首页', 'home')),
    ...under('miniprogram/packages/admin/pages/list', page('列表', 'list')),
  }
}

const dirs: string[] = []

function check(files: Files, ...args: string[]): { status: number | null; output: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'weapp-fixture-'))
  dirs.push(dir)
  for (const [file, contents] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
    writeFileSync(path.join(dir, file), contents)
  }
  const res = spawnSync(process.execPath, [checkScript, '--project', dir, ...args], { cwd: root, encoding: 'utf8' })
  return { status: res.status, output: `${res.stdout}${res.stderr}` }
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

describe('weapp check', () => {
  it('passes an intact project through wcc and wcsc, every page with its template', () => {
    const { status, output } = check(intactProject(), '--compile-only')
    expect(output).toContain('weapp check passed: wcc 2 WXML, wcsc 3 WXSS, 2/2 pages with a template')
    expect(status).toBe(0)
  })

  it('refuses a broken template, naming its file, line and column', () => {
    const { status, output } = check({ ...intactProject(), 'miniprogram/pages/index/index.wxml': '<view class="home">\n  <text>{{title</text>\n</view>\n' })
    expect(status).toBe(1)
    expect(output).toContain('weapp check FAILED')
    expect(output).toMatch(/^ {2}pages\/index\/index\.wxml:\d+:\d+: .+$/m)
  })

  it('refuses a broken stylesheet, naming its file', () => {
    const { status, output } = check({ ...intactProject(), 'miniprogram/packages/admin/pages/list/index.wxss': '.list { padding: 32rpx;\n' })
    expect(status).toBe(1)
    expect(output).toMatch(/^ {2}packages\/admin\/pages\/list\/index\.wxss\(\d+:\d+\): .+$/m)
  })

  it('refuses pages of app.json missing from the build, in the main package and in a subpackage', () => {
    const { status, output } = check({
      ...intactProject(),
      'miniprogram/app.json': JSON.stringify({
        pages: ['pages/index/index', 'pages/about/index'],
        subPackages: [{ root: 'packages/admin', pages: ['pages/list/index', 'pages/report/index'] }],
        lazyCodeLoading: 'requiredComponents',
      }),
    })
    expect(status).toBe(1)
    expect(output).toContain('2/4 pages with a template')
    expect(output).toMatch(/^ {2}pages\/about\/index\.wxml: page "pages\/about\/index" of app\.json has no compiled template/m)
    expect(output).toMatch(/^ {2}packages\/admin\/pages\/report\/index\.wxml: page "packages\/admin\/pages\/report\/index" of app\.json has no compiled template/m)
  })
})
