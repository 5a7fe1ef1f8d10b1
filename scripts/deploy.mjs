// `npm run deploy`: builds (`npm run build:weapp`), then deploys what cloudbaserc.json declares — each
// function with its configuration and timer trigger, each collection with its permission and indexes —
// to the environment named by TCB_ENV_ID: the functions through the CloudBase CLI (`tcb`), then a check of
// each as deployed and the collections through @cloudbase/manager-node (scripts/deploy-database.mjs says
// why), both installed on first use at the versions pinned in scripts/weapp/on-demand-tools.mjs. Log in
// first with that CLI and an API key (`tcb login --apiKeyId … --apiKey …`); both tools use the key it stores.
//
//   TCB_ENV_ID        the cloud environment's id
//   <NAME>            each function's environment variable named in cloudbaserc.json (`{{env.NAME}}`): the
//                     deploy fills the values in and the CLI replaces the online ones with them, so each
//                     must be set (empty is allowed when set explicitly, e.g. `CHECKIN_H5_URL=`)
//
// `-- --dry-run` needs no account, no network and no variable: it prints the plan, and what of it the
// built dist/cloudfunctions/ does not match; `--json` prints the plan as one JSON line (tests read it).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ENVIRONMENT_FILE, functionConfig } from '../config/build-functions.mjs'
import { applyDatabase, credentials, verifyFunctions } from './deploy-database.mjs'
import { requireTool, root, TOOL_VERSIONS, toolBin } from './weapp/on-demand-tools.mjs'

const CLI = '@cloudbase/cli'
const MANAGER = '@cloudbase/manager-node'
const ENV_ID_VARIABLE = 'TCB_ENV_ID'
const DATABASE_PLUGIN = '@cloudbase/framework-plugin-database'
const TEMPLATE = /^\{\{env\.([A-Za-z_][A-Za-z0-9_]*)\}\}$/

/** The names behind `{{env.NAME}}` values of an `envVariables` object; a literal value is refused (no secrets in the file). */
function variableNames(fn) {
  return Object.entries(fn.envVariables ?? {}).map(([key, value]) => {
    const name = TEMPLATE.exec(value)?.[1]
    if (name !== key) throw new Error(`cloudbaserc.json: ${fn.name}.envVariables.${key} should be "{{env.${key}}}", not a value`)
    return key
  })
}

function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null
}

/** What a function's built folder holds against its declaration: a list of differences, empty when it matches. */
function bundleProblems(functionsDir, name) {
  const dir = path.join(functionsDir, name)
  const problems = []
  if (!existsSync(path.join(dir, 'index.js'))) problems.push(`${name}: no index.js`)
  const manifest = readJson(path.join(dir, 'package.json'))
  if (!manifest) problems.push(`${name}: no package.json`)
  else if (!manifest.dependencies?.['wx-server-sdk']) problems.push(`${name}: package.json does not depend on wx-server-sdk`)
  const config = readJson(path.join(dir, 'config.json'))
  if (!config) problems.push(`${name}: no config.json`)
  else if (JSON.stringify(config) !== JSON.stringify(functionConfig(name))) problems.push(`${name}: config.json differs from cloudbaserc.json (rebuild)`)
  return problems
}

/**
 * The deploy as data: the functions and collections declared, the steps that carry it out in order (CLI
 * commands, then manager-node actions), and what the build does not match. `envId` may be a placeholder
 * for a dry run.
 */
export function deployPlan({ envId = `<${ENV_ID_VARIABLE}>`, functionsDir = path.join(root, 'dist/cloudfunctions') } = {}) {
  const declaration = JSON.parse(readFileSync(ENVIRONMENT_FILE, 'utf8'))
  if (declaration.envId !== `{{env.${ENV_ID_VARIABLE}}}`) throw new Error(`cloudbaserc.json: envId should be "{{env.${ENV_ID_VARIABLE}}}"`)
  const functions = declaration.functions.map((fn) => ({
    name: fn.name,
    runtime: fn.runtime,
    timeout: fn.timeout,
    memorySize: fn.memorySize,
    installDependency: fn.installDependency,
    envVariables: variableNames(fn),
    permissions: fn.permissions?.openapi ?? [],
    triggers: fn.triggers ?? [],
  }))
  const plugins = Object.entries(declaration.framework?.plugins ?? {}).filter(([, plugin]) => plugin.use === DATABASE_PLUGIN)
  if (plugins.length !== 1) throw new Error(`cloudbaserc.json: one framework plugin should use ${DATABASE_PLUGIN}`)
  const [databasePlugin, { inputs }] = plugins[0]
  const collections = inputs.collections.map((c) => ({
    name: c.collectionName,
    permission: c.aclTag,
    indexes: (c.createIndexes ?? []).map((index) => ({ name: index.name, unique: index.unique, keys: index.keys.map((k) => `${k.name}:${k.direction}`) })),
  }))

  const env = ['-e', envId]
  const steps = []
  for (const fn of functions) {
    // Over an existing function --force replaces its code, then its configuration (timeout, memory,
    // variables), then creates its triggers: one command each (the CLI's `fn deploy` documentation).
    const triggers = fn.triggers.length > 0 ? `, timer trigger ${fn.triggers.map((t) => t.name).join(', ')}` : ''
    steps.push({ what: `function ${fn.name}: code, dependencies, configuration${triggers}`, tool: 'tcb', args: ['fn', 'deploy', fn.name, ...env, '--force'] })
  }
  // `fn deploy` exits 0 when an upload, configuration or trigger fails: each function is read back.
  steps.push({ what: `check each function as deployed: status, runtime, timeout, memory, its trigger and no other (${functions.length} functions)`, tool: 'manager', action: 'verifyFunctions' })
  // The CLI cannot run the framework's database plugin (scripts/deploy-database.mjs); its inputs are the declaration.
  steps.push({ what: `collections, permissions and indexes (${collections.length} collections, from framework.plugins.${databasePlugin})`, tool: 'manager', action: 'database' })

  const built = existsSync(functionsDir) ? readdirSync(functionsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name) : []
  const problems = [
    // WeChat Cloud takes one timer trigger per function (docs/local-cloud.md "Timer triggers").
    ...functions.filter((fn) => fn.triggers.length > 1).map((fn) => `${fn.name}: ${fn.triggers.length} timer triggers declared; WeChat Cloud takes one per function`),
    ...functions.flatMap((fn) => bundleProblems(functionsDir, fn.name)),
    ...built.filter((name) => !functions.some((fn) => fn.name === name)).map((name) => `${name}: built but not declared in cloudbaserc.json`),
  ]
  // The CLI joins functionRoot to its working directory (relative, as declared), so it runs from the root.
  return { cli: `${CLI}@${TOOL_VERSIONS[CLI]}`, manager: `${MANAGER}@${TOOL_VERSIONS[MANAGER]}`, envId, cwd: root, functions, collections, steps, problems }
}

function printPlan(plan) {
  console.log(`deploy to ${plan.envId} with ${plan.cli} (run in ${plan.cwd}, --config-file: cloudbaserc.json with the variables filled in) and ${plan.manager}`)
  for (const fn of plan.functions) {
    const triggers = fn.triggers.map((t) => `${t.name} "${t.config}"`).join(', ') || 'none'
    console.log(`  function ${fn.name}: ${fn.runtime}, ${fn.timeout} s, ${fn.memorySize} MB; cloud calls: ${fn.permissions.join(', ') || 'none'}; triggers: ${triggers}; variables: ${fn.envVariables.join(', ') || 'none'}`)
  }
  for (const c of plan.collections) {
    const indexes = c.indexes.map((i) => `${i.unique ? 'unique ' : ''}${i.name}(${i.keys.join(', ')})`).join('; ') || 'none'
    console.log(`  collection ${c.name}: ${c.permission}; indexes: ${indexes}`)
  }
  plan.steps.forEach((step, i) => console.log(`  ${i + 1}. ${step.what}: ${step.tool === 'tcb' ? `tcb ${step.args.join(' ')}` : `manager-node (${step.action})`}`))
  for (const problem of plan.problems) console.log(`  ! ${problem}`)
}

/**
 * cloudbaserc.json with every `{{env.NAME}}` filled from this process's environment, for the CLI's
 * `--config-file`: the values (template ids, admin openids) are kept out of the repository, and an unset
 * one becomes empty here rather than a template left in. Written to a private temporary folder, removed
 * by `dispose`.
 */
export function filledDeclaration(envId) {
  const text = readFileSync(ENVIRONMENT_FILE, 'utf8').replace(/\{\{env\.([A-Za-z_][A-Za-z0-9_]*)\}\}/g, (_, name) =>
    JSON.stringify(name === ENV_ID_VARIABLE ? envId : (process.env[name] ?? '')).slice(1, -1),
  )
  const declaration = JSON.parse(text)
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zbhd-deploy-'))
  const write = (name, content) => {
    const file = path.join(dir, name)
    writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 })
    return file
  }
  return { file: write('cloudbaserc.json', declaration), dispose: () => rmSync(dir, { recursive: true, force: true }) }
}

function run(command, args, label) {
  console.log(`> ${label}`)
  const res = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env, shell: process.platform === 'win32' })
  if (res.status !== 0) throw new Error(`${label} failed (exit ${res.status})`)
}

async function main() {
  const args = process.argv.slice(2)
  const unknown = args.filter((arg) => arg !== '--dry-run' && arg !== '--json')
  if (unknown.length > 0) throw new Error(`unknown argument ${unknown[0]} (only --dry-run, --json)`)
  if (args.includes('--dry-run')) {
    const plan = deployPlan({ envId: process.env[ENV_ID_VARIABLE] || undefined })
    if (args.includes('--json')) console.log(JSON.stringify(plan))
    else printPlan(plan)
    return
  }

  const envId = process.env[ENV_ID_VARIABLE]
  if (!envId) throw new Error(`set ${ENV_ID_VARIABLE} to the cloud environment's id (云开发控制台 → 环境 ID)`)
  const key = credentials() // the login, checked before the build rather than after it
  const unset = deployPlan({ envId }).functions.flatMap((fn) => fn.envVariables.filter((name) => process.env[name] === undefined).map((name) => `${fn.name}.${name}`))
  if (unset.length > 0) {
    // The CLI replaces a function's online variables with the file's: an unset one would erase its value.
    throw new Error(`set these environment variables (empty is allowed, e.g. NAME=): ${[...new Set(unset)].join(', ')}`)
  }
  run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build:weapp'], 'npm run build:weapp')
  const plan = deployPlan({ envId })
  if (plan.problems.length > 0) throw new Error(`the build does not match cloudbaserc.json:\n  ${plan.problems.join('\n  ')}`)
  printPlan(plan)
  const tcb = toolBin(CLI, 'tcb')
  const CloudBase = requireTool(MANAGER)
  const manager = new CloudBase({ ...key, envId })
  const actions = {
    verifyFunctions: () => verifyFunctions(manager, plan.functions, console.log),
    database: () => applyDatabase(manager, envId, plan.collections, console.log),
  }
  const filled = filledDeclaration(envId)
  try {
    for (const step of plan.steps) {
      if (step.tool === 'tcb') run(process.execPath, [tcb, ...step.args, '--config-file', filled.file], `tcb ${step.args.join(' ')}`)
      else {
        console.log(`> ${step.what}`)
        await actions[step.action]()
      }
    }
  } finally {
    filled.dispose()
  }
  console.log(`deployed to ${envId}; left to a person in the console: the subscribe-message templates and the privacy declaration (README, deploy)`)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((error) => {
    console.error(`deploy: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  })
}
