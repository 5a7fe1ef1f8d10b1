/**
 * One Jest, five layers (docs/architecture.md "Tests"). `npm test` runs them all with TZ=UTC; each layer can be run
 * alone with `npm run test:<layer>`.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2020',
    },
    module: { type: 'commonjs' },
  },
]

const node = (displayName, roots, extra = {}) => ({
  displayName,
  testEnvironment: 'node',
  roots,
  testMatch: ['**/*.spec.ts'],
  transform: { '^.+\\.(mjs|[tj]sx?)$': swc },
  ...extra,
})

module.exports = {
  // Jest reads the timeout only at the top level, not per project: generous for the layers that start a
  // local cloud or a browser; unit tests finish in milliseconds anyway.
  testTimeout: 120000,
  projects: [
    // tests/unit/client: the client's pure rules, imported as the app does (`@/`, `@contracts`).
    node('unit', ['<rootDir>/tests/unit'], {
      moduleNameMapper: {
        '^@/(.*)$': '<rootDir>/src/$1',
        '^@contracts$': '<rootDir>/cloudfunctions/contracts',
        '^@contracts/rules$': '<rootDir>/cloudfunctions/contracts/rules',
      },
    }),
    node('local-cloud', ['<rootDir>/tests/local-cloud']),
    // Every query the functions send must be served by a declared index: checked once the run is over
    // (docs/local-cloud.md, "Index coverage").
    node('integration', ['<rootDir>/tests/integration'], {
      globalSetup: '<rootDir>/tests/support/integration/index-coverage.setup.ts',
      globalTeardown: '<rootDir>/tests/support/integration/index-coverage.teardown.ts',
    }),
    {
      displayName: 'app',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/tests/app'],
      testMatch: ['**/*.spec.ts?(x)'],
      transform: { '^.+\\.(mjs|[tj]sx?)$': swc },
      // Taro ships ESM inside nested .pnpm folders of its dist: let those through wherever they sit.
      transformIgnorePatterns: [
        '^(?!.*/node_modules/(@tarojs|@nutui|@stencil|swiper|lodash-es|query-string|decode-uri-component|split-on-first|filter-obj)/).*/node_modules/',
      ],
      setupFiles: ['<rootDir>/tests/support/app/setup.js'],
      moduleNameMapper: {
        '^@nutui/nutui-react-taro$': '@nutui/nutui-react-taro/dist/es/packages/nutui.react.build.js',
        '^@tarojs/taro$': '<rootDir>/tests/support/app/taro.js',
        '^@tarojs/components$': '@tarojs/components/lib/react',
        '\\.(css|scss|sass|less)$': 'identity-obj-proxy',
        '^@/(.*)$': '<rootDir>/src/$1',
        '^@contracts$': '<rootDir>/cloudfunctions/contracts',
        '^@contracts/rules$': '<rootDir>/cloudfunctions/contracts/rules',
      },
      testEnvironmentOptions: { customExportConditions: [''] },
    },
    // The browser tests' queries too: the same hooks, one check at the end of a run that has both layers.
    node('e2e', ['<rootDir>/tests/e2e'], {
      globalSetup: '<rootDir>/tests/support/integration/index-coverage.setup.ts',
      globalTeardown: '<rootDir>/tests/support/integration/index-coverage.teardown.ts',
    }),
  ],
}
