// The mini-program's templates and styles through WeChat's own compilers (wcc for WXML and WXS, wcsc for
// WXSS; the binaries DevTools uses, from the miniprogram-compiler package), and every page of app.json
// looked up among the compiled templates. Called the way miniprogram-compiler's own wrapper calls them.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'
import { wechatCompilers } from './on-demand-tools.mjs'

const MAX_OUTPUT = 256 * 1024 * 1024

/** Files under `dir` ending in `ext`, as forward-slash paths relative to `dir`. */
function filesWith(dir, ext, rel = '') {
  return readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((entry) => {
    const child = rel ? `${rel}/${entry.name}` : entry.name
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesWith(dir, ext, child)
    return entry.name.endsWith(ext) ? [child] : []
  })
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

/** wcc's or wcsc's complaint, one line per problem, with the file:line:col the compiler printed. */
function complaint(res, fallback) {
  const text = `${res.stderr ?? ''}`.trim() || `${res.error ?? ''}`.trim() || fallback
  return text
    .split('\n')
    .map((line) => line.trim().replace(/^ERR: /, ''))
    .filter((line) => line && !/^error file count/.test(line))
}

/** Every WXML (with the WXS it uses) in one wcc run: the generated template module, or the errors. */
function compileWxml(dir, wcc) {
  const wxml = filesWith(dir, '.wxml')
  const wxs = filesWith(dir, '.wxs')
  // `-cc` wants, for each template whose .json declares components: its path, their count and names.
  const declaring = wxml.flatMap((file) => {
    const used = readJson(path.join(dir, file.replace(/\.wxml$/, '.json')))?.usingComponents
    return used ? [[file, Object.keys(used)]] : []
  })
  const componentArgs = [declaring.length, ...declaring.flatMap(([file, names]) => [file, names.length, ...names])]
  const res = spawnSync(wcc, ['-d', '-cc', componentArgs.join(' '), ...wxml, ...wxs, '-gn', '$gwx'], { cwd: dir, maxBuffer: MAX_OUTPUT })
  if (res.status !== 0) return { files: wxml.length, errors: complaint(res, `wcc exited with ${res.status}`) }
  return { files: wxml.length, module: res.stdout.toString() }
}

/**
 * Every WXSS in one wcsc run (page and component styles first, as `-pc` counts them). wcsc stops at the
 * first error, so on failure each file is compiled alone to name every broken one.
 */
function compileWxss(dir, wcsc) {
  const wxss = filesWith(dir, '.wxss')
  const ownsJson = (file) => existsSync(path.join(dir, file.replace(/\.wxss$/, '.json')))
  const ordered = [...wxss.filter(ownsJson), ...wxss.filter((file) => !ownsJson(file))]
  const res = spawnSync(wcsc, ['-db', '-pc', String(wxss.filter(ownsJson).length), ...ordered], { cwd: dir, maxBuffer: MAX_OUTPUT })
  if (res.status === 0) return { files: wxss.length, errors: [] }
  const errors = wxss.flatMap((file) => {
    const alone = spawnSync(wcsc, ['-db', '-pc', '0', file], { cwd: dir, maxBuffer: MAX_OUTPUT })
    return alone.status === 0 ? [] : complaint(alone, `${file}: wcsc exited with ${alone.status}`)
  })
  return { files: wxss.length, errors: errors.length > 0 ? errors : complaint(res, `wcsc exited with ${res.status}`) }
}

/** The pages app.json declares, subpackages included, as paths without extension ('packages/x/pages/y/index'). */
export function appPages(dir) {
  const app = readJson(path.join(dir, 'app.json'))
  if (!app) return null
  const subPackages = app.subPackages ?? app.subpackages ?? []
  return {
    main: app.pages ?? [],
    subPackages: subPackages.map((sub) => {
      const rootDir = sub.root.replace(/^\.?\/+|\/+$/g, '')
      return { root: rootDir, pages: (sub.pages ?? []).map((page) => `${rootDir}/${page}`) }
    }),
  }
}

/**
 * The pages without a compiled template: the module wcc generated is evaluated (in a sandbox with the
 * two globals it touches while loading) and asked for each page's template, as the WeChat runtime asks it.
 */
function pagesWithoutTemplate(templateModule, pages) {
  const sandbox = vm.createContext({ window: {}, navigator: { userAgent: '' } })
  const gwx = vm.runInContext(`(function (global) {\n${templateModule}\n;return $gwx\n})`, sandbox)({})
  return pages.filter((page) => typeof gwx(`${page}.wxml`) !== 'function')
}

/**
 * Compiles a mini-program folder (the one holding app.json) with wcc and wcsc and checks every page.
 * Returns counts and `errors`: one line per problem, each naming its file.
 */
export function compileMiniProgram(dir) {
  const pages = appPages(dir)
  if (!pages) return { wxml: 0, wxss: 0, pages: 0, withTemplate: 0, errors: [`${path.join(dir, 'app.json')}: missing or not JSON`] }
  const allPages = [...pages.main, ...pages.subPackages.flatMap((sub) => sub.pages)]
  const { wcc, wcsc } = wechatCompilers()
  const wxml = compileWxml(dir, wcc)
  const wxss = compileWxss(dir, wcsc)
  const errors = [...(wxml.errors ?? []), ...wxss.errors]
  // When wcc failed there is no module to ask: no page counts as having a template.
  const withoutTemplate = wxml.module ? pagesWithoutTemplate(wxml.module, allPages) : allPages
  if (wxml.module) {
    for (const page of withoutTemplate) {
      errors.push(`${page}.wxml: page "${page}" of app.json has no compiled template (missing from the build)`)
    }
  }
  for (const page of allPages) {
    if (!existsSync(path.join(dir, `${page}.js`))) errors.push(`${page}.js: page "${page}" of app.json has no script (missing from the build)`)
  }
  return { wxml: wxml.files, wxss: wxss.files, pages: allPages.length, withTemplate: allPages.length - withoutTemplate.length, errors }
}
