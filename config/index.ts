import { readdirSync } from 'node:fs'
import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'

/**
 * Taro build config for both targets (`taro build --type weapp|h5`).
 *
 * - `dist/weapp` and `dist/h5` sit side by side; `dist/cloudfunctions` is written by
 *   config/build-functions.mjs (not this file).
 * - WeChat DevTools opens the REPOSITORY ROOT: /project.config.json there says
 *   `miniprogramRoot: dist/weapp/` and `cloudfunctionRoot: dist/cloudfunctions/`.
 *   Taro also writes a project.config.json into dist/weapp. Copied verbatim from the root it would carry
 *   `cloudfunctionRoot: dist/cloudfunctions/`, which is wrong relative to dist/weapp. So Taro is pointed at
 *   a separate file (`projectConfigName` → config/project.weapp.json): miniprogramRoot './' and no
 *   cloudfunctionRoot, for someone who opens dist/weapp alone (client only). Both ways stay valid.
 * - NutUI is designed at 375px, our own styles at 750px: `designWidth` is a function.
 */
const root = path.resolve(__dirname, '..')

/**
 * H5 on a wide screen. Taro sets the root font from the window's shorter side (40 px per 750 design px,
 * capped), so a laptop drew a phone 750 CSS px wide at twice a phone's size, one card filling the
 * screen. Capping the root at this column's width keeps 750 design px (the whole design) at most
 * H5_COLUMN_MAX CSS px; src/app.scss centres the app in a column of 750 design px, and the 签到大屏
 * (sized by vh/vw) opts out of the column.
 */
const DESIGN_WIDTH = 750
const ROOT_PER_DESIGN_WIDTH = 40
const H5_COLUMN_MAX = 480
const H5_MAX_ROOT_SIZE = (ROOT_PER_DESIGN_WIDTH * H5_COLUMN_MAX) / DESIGN_WIDTH

/** The contracts' zod-free part (constants, labels, pure helpers), which the client imports as values. */
const contractRules = path.join(root, 'cloudfunctions/contracts/rules')

/** Every page's `index.config.ts` under src/ (Taro reads them outside webpack's module graph). */
function pageConfigFiles(dir = path.join(root, 'src')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return pageConfigFiles(full)
    return entry.name === 'index.config.ts' ? [full] : []
  })
}

/**
 * Webpack's persistent cache, invalidated by what it cannot see: Taro injects page configs (title,
 * navigationStyle) and the TARO_APP_* values without webpack tracking them, so a changed page config
 * or template id would otherwise come out of the cache unchanged.
 */
const buildCache = {
  enable: true,
  buildDependencies: { pages: pageConfigFiles() },
  version: JSON.stringify(Object.entries(process.env).filter(([k]) => k.startsWith('TARO_APP_')).sort()),
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'zhibu-huodong',
    date: '2026-11-22',
    designWidth(input) {
      // `input` is the postcss Input of the stylesheet being converted (or a number/string from Taro).
      const file = typeof input === 'object' && input?.file ? input.file.replace(/\\+/g, '/') : ''
      return file.includes('@nutui') ? 375 : DESIGN_WIDTH
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    projectConfigName: 'config/project.weapp.json',
    plugins: [],
    alias: {
      '@': path.join(root, 'src'),
      // Values: the contracts' zod-free rules, the one part of cloudfunctions/ the client bundles.
      '@contracts/rules': contractRules,
      // Types only (`import type … from '@contracts'`, lint-enforced): the schemas and zod stay out.
      '@contracts': path.join(root, 'cloudfunctions/contracts'),
    },
    env: {
      // Always defined so the weapp transport never reads an undefined `process`.
      TARO_APP_CLOUD_ENV: JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? ''),
      // The speaker's subscribe-message template (the same id as RATING_REPORT_TEMPLATE_ID on `rating`).
      TARO_APP_RATING_REPORT_TEMPLATE_ID: JSON.stringify(process.env.TARO_APP_RATING_REPORT_TEMPLATE_ID ?? ''),
      // The wish's subscribe-message templates (comma-separated; the same ids as the `wish` function's):
      // asked of the poster and of the claimer on the wish page.
      TARO_APP_WISH_POSTER_TEMPLATE_IDS: JSON.stringify(process.env.TARO_APP_WISH_POSTER_TEMPLATE_IDS ?? ''),
      TARO_APP_WISH_CLAIMER_TEMPLATE_IDS: JSON.stringify(process.env.TARO_APP_WISH_CLAIMER_TEMPLATE_IDS ?? ''),
      // The commitment reminders' templates (commit, progress, result; the same ids as the `commitment`
      // function's COMMITMENT_*_TEMPLATE_ID): asked on 我的承诺.
      TARO_APP_COMMITMENT_TEMPLATE_IDS: JSON.stringify(process.env.TARO_APP_COMMITMENT_TEMPLATE_IDS ?? ''),
    },
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: buildCache,
    mini: {
      // Taro compiles only src/ unless told: the contract rules are TypeScript outside it.
      compile: { include: [contractRules] },
      // The rules are constants and pure functions: a rules file none of the main package's pages use
      // (commitment.rules.ts, used by a subpackage) stays out of the main package's shared chunk instead
      // of coming in with the `@contracts/rules` barrel (docs/architecture.md "Budgets").
      webpackChain(chain) {
        chain.module.rule('contract-rules-pure').test(/\.ts$/).include.add(contractRules).end().set('sideEffects', false)
      },
      // Our stylesheets use one block prefix each, so their order across shared chunks does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      compile: { include: [contractRules] },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        pxtransform: { enable: true, config: { maxRootSize: H5_MAX_ROOT_SIZE } },
        cssModules: { enable: false },
      },
    },
  }
  return merge({}, baseConfig)
})
