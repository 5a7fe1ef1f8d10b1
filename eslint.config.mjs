// Lint: typescript-eslint's recommended rules plus the house-style boundaries written as rules rather
// than sentences (docs/architecture.md "Module directions").
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'

const restrictPaths = (patterns) => ['error', { patterns }]

/**
 * Which module may import which, one tier at a time: each module names the modules it may import, and
 * importing any other is an error, so there is no cycle (a rating is of a lecture: ratings → lectures,
 * never back; lectures reach ratings through modules/lectures/lecture-ratings.port.ts). A new module
 * gets its entry here. Written on the typescript-eslint copy of the rule so that the layer rules below,
 * which set `no-restricted-imports` per folder, neither override these nor are overridden by them.
 */
const moduleGraph = (tier, base, graph) => {
  const modules = Object.keys(graph)
  return modules.map((module) => ({
    files: [`${base[module] ?? base['*']}${module}/**/*.{ts,tsx}`],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrictPaths(
        modules
          .filter((other) => other !== module && !graph[module].includes(other))
          .map((other) => ({
            group: [`**/${other}`, `**/${other}/**`],
            message: `${tier}: ${module} may import ${graph[module].join(', ') || 'no other module'}, not ${other} (eslint.config.mjs)`,
          })),
      ),
    },
  }))
}

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', '.data/**', '.tmp/**', 'coverage/**', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['tests/app/**/*.{js,ts,tsx}', 'tests/support/app/**/*.{js,ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.jest } },
  },
  {
    files: ['tests/e2e/**/*.ts', 'tests/support/e2e/**/*.ts'],
    rules: {
      // The browser tests drive the built app: their helpers are tests/support/e2e and the shared files.
      'no-restricted-imports': restrictPaths([
        { group: ['**/support/app/**', '**/support/sdk/**', '**/support/host/**', '../app/**', '../unit/**', '../local-cloud/**', '../integration/**'], message: 'e2e imports only tests/support/e2e and the files shared at the top of tests/support' },
      ]),
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // The client reaches cloudfunctions only through the contracts (types and schemas).
      'no-restricted-imports': restrictPaths([
        { group: ['**/cloudfunctions/*', '!**/cloudfunctions/contracts', '**/cloudfunctions/contracts/*/**'], message: 'src/ may import only cloudfunctions/contracts' },
        { group: ['wx-server-sdk'], message: 'the SDK belongs to cloud functions' },
      ]),
      // One source for every rule the client shows, and no zod in the mini-program: values come from the
      // contracts' zod-free part (@contracts/rules); the schema modules give types only.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@contracts', allowTypeImports: true, message: 'import values from @contracts/rules; @contracts gives types only (its schemas would bring zod into the bundle)' }],
          patterns: [
            { group: ['@contracts/*', '!@contracts/rules'], allowTypeImports: true, message: 'import values from @contracts/rules; the contract modules give types only' },
            { group: ['**/cloudfunctions/**'], allowTypeImports: true, message: 'reach the contracts through @contracts (types) and @contracts/rules (values)' },
            { group: ['zod', 'zod/*'], message: 'zod stays on the server: take limits and rules from @contracts/rules' },
          ],
        },
      ],
      // Only src/services/cloud knows how a function is called on each platform.
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='Taro'][property.name='cloud']", message: 'Taro.cloud only inside src/services/cloud/' },
        { selector: "MemberExpression[object.name='wx'][property.name='cloud']", message: 'wx.cloud only inside src/services/cloud/' },
      ],
    },
  },
  {
    files: ['src/services/cloud/**/*.{ts,tsx}'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  // shared and session serve every feature; members is used by lectures, lectures by ratings.
  ...moduleGraph('client features', { '*': 'src/features/' }, {
    shared: [],
    session: ['shared'],
    members: ['shared', 'session'],
    lectures: ['shared', 'session', 'members'],
    ratings: ['shared', 'session', 'members', 'lectures'],
    wishes: ['shared', 'session', 'members'],
    // 公开承诺 picks and checks its photos with the wishes' picker rather than a copy of it.
    commitments: ['shared', 'session', 'members', 'wishes'],
  }),
  {
    files: ['src/components/**/*.{ts,tsx}'],
    rules: {
      // Components are presentational: props in, events out, no service calls.
      'no-restricted-imports': restrictPaths([
        { group: ['**/services/**', '@/services/**', '**/features/**', '@/features/**'], message: 'components are presentational: no services or feature hooks' },
        { group: ['**/cloudfunctions/*', '!**/cloudfunctions/contracts'], message: 'src/ may import only cloudfunctions/contracts' },
      ]),
    },
  },
  {
    files: ['src/features/shared/**/*.{ts,tsx}'],
    rules: {
      // Shared hooks are generic state around a call they are handed: no feature, no service of their own.
      'no-restricted-imports': restrictPaths([
        { group: ['**/services/**', '@/services/**', '@/features/*', '!@/features/shared', '**/features/*', '!**/features/shared'], message: 'features/shared is generic: callers pass the cloud call in' },
        { group: ['**/cloudfunctions/*', '!**/cloudfunctions/contracts'], message: 'src/ may import only cloudfunctions/contracts' },
      ]),
    },
  },
  {
    files: ['src/**/*.rules.ts'],
    rules: {
      // Client rules are pure functions of their arguments, table-tested without a runtime.
      'no-restricted-imports': restrictPaths([
        { group: ['@tarojs/*', '@nutui/*', 'react', 'react-dom'], message: 'rules files are pure: no platform or React (put the call in a platform/ module or a hook)' },
        { group: ['**/components/**', '@/components/**', '**/use-*', '**/*.store'], message: 'rules files are pure: no components, hooks or stores' },
        // Error codes are data: services/cloud/errors is the one part of the services a rule may name.
        { regex: '(^|/)services(/(?!cloud/errors$)|$)', message: 'rules files are pure: no services (error codes come from @/services/cloud/errors)' },
        { group: ['**/cloudfunctions/*', '!**/cloudfunctions/contracts', '**/cloudfunctions/contracts/*/**'], message: 'src/ may import only cloudfunctions/contracts' },
      ]),
    },
  },
  {
    files: ['cloudfunctions/{contracts,shared,modules,functions}/**/*.ts'],
    rules: {
      // Only the emulator knows the local backend exists (docs/architecture.md "Shape": no `if (local)` in domain code).
      'no-restricted-imports': restrictPaths([{ group: ['**/emulator/**', '**/emulator'], message: 'domain code must not know the local backend' }]),
    },
  },
  // cloudfunctions/shared serves every module; lectures use members (the branch), ratings use lectures.
  ...moduleGraph('server modules', { shared: 'cloudfunctions/', '*': 'cloudfunctions/modules/' }, {
    shared: [],
    members: ['shared'],
    lectures: ['shared', 'members'],
    ratings: ['shared', 'members', 'lectures'],
    wishes: ['shared', 'members'],
    commitments: ['shared', 'members'],
  }),
  {
    files: ['cloudfunctions/**/*.rules.ts'],
    rules: {
      // Rules are pure: no SDK, no database, no clock of their own.
      'no-restricted-imports': restrictPaths([
        { group: ['wx-server-sdk', '**/db', '**/router', '**/caller', '**/*.repository', '**/*.use-case', '**/emulator/**'], message: 'rules files are pure functions' },
      ]),
    },
  },
  {
    files: ['cloudfunctions/contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': restrictPaths([
        { group: ['wx-server-sdk', '**/shared/**', '**/modules/**', '**/emulator/**', 'crypto', 'fs', 'path'], message: 'contracts are shared with the client: schemas and types only' },
      ]),
    },
  },
  {
    files: ['cloudfunctions/contracts/rules/**/*.ts'],
    rules: {
      // The part the client bundles: constants and pure functions that import only each other.
      'no-restricted-imports': restrictPaths([
        { group: ['zod', 'zod/*'], message: 'contracts/rules is zod-free: the client bundles it' },
        { group: ['../*', '../**'], message: 'contracts/rules imports only its own files (the schema modules bring zod)' },
        { group: ['wx-server-sdk', 'crypto', 'fs', 'path'], message: 'contracts/rules is pure: the client bundles it' },
      ]),
    },
  },
)
