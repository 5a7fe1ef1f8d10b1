// `npm run check:weapp`: the mini-program build as WeChat's own tools see it, run by .ci/run after
// `npm run build:weapp`. 1) wcc/wcsc compile every WXML and WXSS, and every page of app.json (subpackages
// included) must have a compiled template and a script; 2) miniprogram-ci compiles the project as an upload
// would, and its output goes through wcc/wcsc again; 3) DevTools' code-quality check, 11 of 11. Prints one
// line with the results and the package sizes; any compile error or failed check exits 1, each problem
// on its own line naming its file. The tools install on first use (scripts/weapp/on-demand-tools.mjs).
//
//   node scripts/check-weapp.mjs [--project <dir>] [--compile-only] [--json]
//   --project       the folder holding project.config.json (default: the repository root)
//   --compile-only  step 1 only (no miniprogram-ci)
//   --json          the result as one line of JSON (scripts/upload-weapp.mjs reads it)
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { root } from './weapp/on-demand-tools.mjs'
import { appPages, compileMiniProgram } from './weapp/wechat-compilers.mjs'
import { checkQuality, compileForUpload, loadCi, localProject, packageSizes, quietly, readProjectConfig } from './weapp/wechat-ci.mjs'

const LOG = path.join(root, '.tmp/check-weapp.log')

/** Writes the compiled package to a scratch folder, to put it through wcc/wcsc as it will be uploaded. */
function compileUploadedCopy(files) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'weapp-upload-'))
  try {
    for (const [file, contents] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
      writeFileSync(path.join(dir, file), contents)
    }
    return compileMiniProgram(dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * Runs the checks on the project at `projectPath`. Returns `{ ok, summary, problems, sizes, pages, logLines }`;
 * stops after step 1 when it found a problem (miniprogram-ci is not worth installing for a broken build).
 */
async function checkWeapp({ projectPath = root, compileOnly = false } = {}) {
  const config = readProjectConfig(projectPath)
  const appDir = path.join(projectPath, config.miniprogramRoot ?? '')
  const relAppDir = path.relative(process.cwd(), appDir) || '.'
  if (!existsSync(path.join(appDir, 'app.json'))) {
    return { ok: false, summary: `no build in ${relAppDir}`, problems: [`${relAppDir}/app.json: missing — run npm run build:weapp first`], logLines: [] }
  }
  const pages = appPages(appDir)
  const source = compileMiniProgram(appDir)
  const compiled = `wcc ${source.wxml} WXML, wcsc ${source.wxss} WXSS, ${source.withTemplate}/${source.pages} pages with a template`
  if (source.errors.length > 0 || compileOnly) {
    return { ok: source.errors.length === 0, summary: compiled, problems: source.errors, pages, logLines: [] }
  }

  const ci = loadCi()
  const project = localProject(ci, projectPath)
  const build = await quietly(() => compileForUpload(ci, project))
  const files = build.value
  const sizes = packageSizes(files, pages.subPackages.map((sub) => sub.root))
  const uploaded = compileUploadedCopy(files)
  const quality = await checkQuality(ci, project)

  const problems = [
    ...uploaded.errors.map((e) => `as uploaded (miniprogram-ci output): ${e}`),
    ...quality.checks.filter((c) => !c.passed).map((c) => `quality ${c.name}: ${c.text}${c.found.length ? ` — ${c.found.join(', ')}` : ''}`),
    ...quality.errors.map((e) => `quality check threw (WeChat counts that check as passed): ${e.split('\n')[0]}`),
  ]
  const passed = quality.checks.filter((c) => c.passed).length
  const sizeText = Object.entries(sizes)
    .map(([pkg, bytes]) => `${pkg} ${bytes.toLocaleString('en-US')} B`)
    .join(', ')
  const summary = `${compiled}; miniprogram-ci compiled ${Object.keys(files).length} files; quality ${passed}/${quality.checks.length}; ${sizeText} (as uploaded)`
  return { ok: problems.length === 0 && quality.checks.length > 0, summary, problems, sizes, pages, logLines: build.lines }
}

function parseArgs(argv) {
  const options = { projectPath: root, compileOnly: false, json: false }
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--project') options.projectPath = path.resolve(argv[++i])
    else if (argv[i] === '--compile-only') options.compileOnly = true
    else if (argv[i] === '--json') options.json = true
    else throw new Error(`unknown argument ${argv[i]} (use --project <dir>, --compile-only, --json)`)
  }
  return options
}

async function main() {
  const started = performance.now()
  const options = parseArgs(process.argv.slice(2))
  const { logLines, ...result } = await checkWeapp(options)
  mkdirSync(path.dirname(LOG), { recursive: true })
  writeFileSync(LOG, logLines.join('\n'))
  const seconds = Number(((performance.now() - started) / 1000).toFixed(1))
  if (options.json) console.log(JSON.stringify({ ...result, seconds }))
  else {
    console.log(`weapp check ${result.ok ? 'passed' : 'FAILED'}: ${result.summary}; ${seconds} s`)
    for (const problem of result.problems) console.log(`  ${problem}`)
  }
  return result.ok ? 0 : 1
}

let exitCode = 1
try {
  exitCode = await main()
} catch (error) {
  console.error(`weapp check FAILED: ${error instanceof Error ? error.message : error}`)
}
// miniprogram-ci leaves a file watcher running: end here rather than wait for it.
process.exit(exitCode)
