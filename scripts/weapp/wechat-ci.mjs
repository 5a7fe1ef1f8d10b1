// miniprogram-ci, WeChat's CI module (the compiler and checks of DevTools, without DevTools): compiles the
// project as an upload would, runs the code-quality check DevTools shows before an upload, and uploads.
// Compiling and checking need no key and no network when the project is handed its attributes locally.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { requireTool } from './on-demand-tools.mjs'

export function loadCi() {
  // Loading it prints a line of its own: keep the check's output to its one line.
  const log = console.log
  console.log = () => {}
  try {
    return requireTool('miniprogram-ci')
  } finally {
    console.log = log
  }
}

export function readProjectConfig(projectPath) {
  return JSON.parse(readFileSync(path.join(projectPath, 'project.config.json'), 'utf8'))
}

/** Paths miniprogram-ci need not walk (it lists every file under the project before it filters). */
const IGNORES = ['.tools/**/*', '.data/**/*', '.tmp/**/*', 'coverage/**/*', 'dist/h5/**/*']

/**
 * A project that is compiled and checked locally: `attr` hands miniprogram-ci the attributes it would
 * otherwise fetch from WeChat with the upload key (its own defaults, the limits of an ordinary
 * mini-program), so the key is a placeholder that nothing reads.
 */
export function localProject(ci, projectPath) {
  return new ci.Project({
    appid: readProjectConfig(projectPath).appid || 'touristappid',
    type: 'miniProgram',
    projectPath,
    privateKey: 'unused: compiled and checked locally',
    ignores: IGNORES,
    attr: async () => ci.DefaultProjectAttr,
  })
}

/** The project the upload uses: the real appid and key, so WeChat answers with the real attributes. */
export function uploadProject(ci, projectPath, { appid, privateKeyPath }) {
  return new ci.Project({ appid, type: 'miniProgram', projectPath, privateKeyPath, ignores: IGNORES })
}

/**
 * Runs `fn` with the console captured: miniprogram-ci logs its progress (and, offline, that it could not
 * fetch its list of allowed file types, so it uses the list it ships). Returns the value, the captured
 * lines, and those written with console.error, which is also how some of its checks report an exception
 * they then count as passed.
 */
export async function quietly(fn) {
  const names = ['log', 'info', 'warn', 'error', 'debug']
  const saved = Object.fromEntries(names.map((name) => [name, console[name]]))
  const lines = []
  const errors = []
  for (const name of names) {
    console[name] = (...args) => {
      const line = args.map((a) => (a instanceof Error ? a.stack : typeof a === 'string' ? a : JSON.stringify(a))).join(' ')
      lines.push(`[${name}] ${line}`)
      if (name === 'error') errors.push(line)
    }
  }
  try {
    return { value: await fn(), lines, errors }
  } finally {
    Object.assign(console, saved)
  }
}

/**
 * The package an upload would send, compiled with the project's own settings (project.config.json:
 * JS/WXML/WXSS compression, unused files left out): path under miniprogramRoot → contents.
 */
export function compileForUpload(ci, project) {
  return ci.getCompiledResult({ project, setting: { useProjectConfig: true } })
}

/** Bytes per package as WeChat counts them: each file of the compiled package in its subpackage or the main one. */
export function packageSizes(files, subPackageRoots) {
  const sizes = { main: 0, ...Object.fromEntries(subPackageRoots.map((root) => [root, 0])) }
  for (const [file, contents] of Object.entries(files)) {
    const owner = subPackageRoots.find((root) => file.startsWith(`${root}/`)) ?? 'main'
    sizes[owner] += Buffer.byteLength(contents)
  }
  return sizes
}

/** Checks whose `detail` lists what they found; a finding fails them here even where WeChat only warns. */
function findings(check) {
  const detail = check.detail
  if (Array.isArray(detail)) return detail
  if (detail && typeof detail === 'object') return [...(detail.files ?? []), ...(detail.comps ?? [])]
  return []
}

/**
 * DevTools' code-quality check (11 checks). A check passes when WeChat says so and its detail lists
 * nothing: WeChat passes "unused files" whenever unused files are left out of the upload, and "components
 * only a subpackage uses" always, whatever they found.
 */
export async function checkQuality(ci, project) {
  const { value: results, errors } = await quietly(() => ci.checkCodeQuality(project))
  const checks = results.map((check) => {
    const found = findings(check)
    return { name: check.name, passed: check.success && found.length === 0, text: check.text, found, detail: check.detail }
  })
  return { checks, errors }
}
