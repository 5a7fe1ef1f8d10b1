// WeChat's and CloudBase's own tools, installed on first use into .tools/<name>/ (gitignored), each at one pinned
// version. They stay out of package.json: miniprogram-ci alone installs over 1,000 packages (275 MB), and
// an everyday `npm install` should not pay for what only the weapp check and the upload use.
import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const toolsDir = path.join(root, '.tools')

/** name → exact version. Raise a version here and the next run reinstalls that tool. */
export const TOOL_VERSIONS = {
  'miniprogram-compiler': '0.2.3',
  'miniprogram-ci': '2.1.42',
  // The CloudBase CLI (`tcb`) that `npm run deploy` drives (scripts/deploy.mjs), and the manager library
  // bundled in that CLI, for what the CLI cannot do (scripts/deploy-database.mjs).
  '@cloudbase/cli': '2.12.10',
  '@cloudbase/manager-node': '4.10.6',
}

function installedVersion(folder, name) {
  const manifest = path.join(folder, 'node_modules', name, 'package.json')
  return existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).version : null
}

/**
 * The folder of `name` at its pinned version, installing it first if needed. The install goes to a
 * scratch folder that is renamed into place when complete, so an interrupted install, or two runs at
 * once (the check and the fixture test), never leave a half-installed tool behind.
 */
export function ensureTool(name) {
  const version = TOOL_VERSIONS[name]
  const folder = path.join(toolsDir, name)
  if (installedVersion(folder, name) === version) return path.join(folder, 'node_modules', name)

  const scratch = `${folder}.partial-${process.pid}`
  rmSync(scratch, { recursive: true, force: true })
  mkdirSync(scratch, { recursive: true })
  writeFileSync(path.join(scratch, 'package.json'), `${JSON.stringify({ private: true, description: `${name} for scripts/weapp (installed on demand)` }, null, 2)}\n`)
  process.stderr.write(`installing ${name}@${version} into .tools/${name} (first run only)…\n`)
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  const res = spawnSync(npm, ['install', '--prefix', scratch, '--no-audit', '--no-fund', '--save-exact', `${name}@${version}`], {
    cwd: scratch,
    encoding: 'utf8',
    shell: process.platform === 'win32',
  })
  if (res.status !== 0) {
    rmSync(scratch, { recursive: true, force: true })
    throw new Error(`npm install ${name}@${version} failed (exit ${res.status}):\n${res.stderr || res.error}`)
  }
  if (installedVersion(folder, name) !== version) {
    rmSync(folder, { recursive: true, force: true })
    try {
      renameSync(scratch, folder)
    } catch (error) {
      // Another run finished first: use its copy if it is the right one.
      if (installedVersion(folder, name) !== version) throw error
    }
  }
  rmSync(scratch, { recursive: true, force: true })
  return path.join(folder, 'node_modules', name)
}

/** The file a tool's package.json names as its command `bin` (e.g. `tcb` of @cloudbase/cli), to run with node. */
export function toolBin(name, bin) {
  const dir = ensureTool(name)
  const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'))
  const file = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.[bin]
  if (!file) throw new Error(`${name}@${TOOL_VERSIONS[name]} has no command ${bin}`)
  return path.join(dir, file)
}

/** `require` of a tool's own entry point (both tools are CommonJS). */
export function requireTool(name) {
  const dir = ensureTool(name)
  return createRequire(path.join(dir, 'package.json'))(dir)
}

/** The wcc (WXML) and wcsc (WXSS) binaries for this platform, shipped inside miniprogram-compiler. */
export function wechatCompilers() {
  const dir = ensureTool('miniprogram-compiler')
  const platform = { darwin: 'mac', linux: 'linux', win32: 'windows' }[process.platform]
  if (!platform) throw new Error(`miniprogram-compiler has no wcc/wcsc for ${process.platform}`)
  const exe = process.platform === 'win32' ? '.exe' : ''
  const bin = (tool) => {
    const file = path.join(dir, 'bin', platform, `${tool}${exe}`)
    // The package is published without the executable bit.
    if (process.platform !== 'win32') chmodSync(file, 0o755)
    return file
  }
  return { wcc: bin('wcc'), wcsc: bin('wcsc') }
}
