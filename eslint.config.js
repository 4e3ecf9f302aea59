// ESLint flat config (STYLE.md §3 and §12): the recommended JavaScript and typescript-eslint rules
// for src/, scripts/ and e2e/, plus the architecture rules that keep the engine pure. Each
// architecture message names the alternative. src/engine/architecture.test.ts checks the same
// rules again without ESLint ("lint rules get disabled; tests get noticed").
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import { defineConfig, globalIgnores } from 'eslint/config'

/** Globals of the Node scripts written in plain JavaScript (there is no `globals` package here). */
const NODE_GLOBALS = Object.fromEntries(
  ['console', 'process', 'Buffer', 'URL', 'URLSearchParams', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'].map((g) => [g, 'readonly']),
)

/** Node's built-in modules, which may also be imported without the node: prefix. */
const NODE_BUILTINS = [
  'assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs', 'fs/promises', 'http', 'http2', 'https', 'module',
  'net', 'os', 'path', 'perf_hooks', 'process', 'readline', 'stream', 'string_decoder', 'timers', 'tls', 'tty', 'url', 'util', 'v8', 'vm',
  'worker_threads', 'zlib',
]

const CLOCK = 'Time comes from the Clock (clock.now(), clock.setTimer()): the engine runs on virtual time.'
const RNG = 'Randomness comes from the seeded Rng (clock/random.ts), so worlds are reproducible.'
const SYNC = 'The engine core is synchronous (STYLE.md §1.2): no async, await or Promise; schedule work on the Clock.'
const NO_DOM = 'No DOM or host APIs in the engine: it runs in the worker and in Node alike.'

/** The engine's import rules (STYLE.md §3, DESIGN.md "Dependency rules"). */
const engineImports = {
  paths: [],
  patterns: [
    {
      regex: '^\\.\\.?/(?:\\.\\./)*(?:ui|worker|lessons|main)(?:/|$)',
      message: 'The engine must not know about the UI, the worker or lessons: they depend on the engine, never the reverse.',
    },
    {
      group: ['react', 'react/**', 'react-dom', 'react-dom/**', 'zustand', 'zustand/**', '@xyflow/*', 'monaco-editor', 'monaco-editor/**', 'monaco-yaml', 'monaco-yaml/**', '@monaco-editor/*', '@xterm/*'],
      message: 'The engine is framework-free: React, the graph, the editor and the terminal live in src/ui.',
    },
    {
      // A regex, not a gitignore-style group: a group 'fs' would also match './fs'.
      regex: `^(?:node:.*|(?:${NODE_BUILTINS.join('|')})(?:/.*)?)$`,
      message: 'The engine is pure TypeScript with no Node APIs: it also runs in the browser. File access belongs in scripts/ or the worker.',
    },
  ],
}

export default defineConfig([
  globalIgnores(['dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'public/', 'docs/']),

  js.configs.recommended,
  tseslint.configs.recommended,

  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: NODE_GLOBALS },
  },

  {
    rules: {
      // Warnings, not errors: tidiness that never changes behaviour. `_`-prefixed names are
      // deliberately unused (handler parameters kept for their position).
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
      'prefer-const': 'warn',
      '@typescript-eslint/no-unused-expressions': ['warn', { allowTernary: false }],
      // `unknown` is the rule at the edges (STYLE.md §14); an `any` left is a warning to revisit.
      '@typescript-eslint/no-explicit-any': 'warn',
      // The Go ports (goCsv, goSort, quantity, the YAML scanner) declare variables with Go's zero
      // values before the branches that assign them, to read like upstream; harmless.
      'no-useless-assignment': 'warn',
      // Terminal and printer code matches ANSI escapes and control characters on purpose.
      'no-control-regex': 'off',
      // Warn: a literal like 9223372036854775807 (Go's MaxInt64) is rounded to 2 ** 63, which
      // is what a float64 comparison with it means in Go too; write 2 ** 63 to silence it.
      'no-loss-of-precision': 'warn',
    },
  },

  // The engine's purity (STYLE.md §1.2, §3; DESIGN.md "virtual clock"). Tests beside the code run
  // in Node and may read fixtures; the engine code itself may not.
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', engineImports],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: `Use clock.setTimer(). ${CLOCK}` },
        { name: 'setInterval', message: `Use clock.setTimer() and re-arm it. ${CLOCK}` },
        { name: 'clearTimeout', message: `Use clock.cancel(). ${CLOCK}` },
        { name: 'clearInterval', message: `Use clock.cancel(). ${CLOCK}` },
        { name: 'setImmediate', message: `Use clock.setTimer(0, ...). ${CLOCK}` },
        { name: 'queueMicrotask', message: `Use clock.setTimer(0, ...). ${SYNC}` },
        { name: 'requestAnimationFrame', message: 'The engine has no frames; the worker paces time.' },
        { name: 'cancelAnimationFrame', message: 'The engine has no frames; the worker paces time.' },
        { name: 'requestIdleCallback', message: 'The engine has no frames; the worker paces time.' },
        { name: 'performance', message: `No wall clock in the engine. ${CLOCK}` },
        { name: 'Promise', message: SYNC },
        { name: 'window', message: NO_DOM },
        { name: 'document', message: NO_DOM },
        { name: 'navigator', message: NO_DOM },
        { name: 'location', message: NO_DOM },
        { name: 'self', message: `${NO_DOM} Only src/worker/worker.ts touches self.` },
        { name: 'postMessage', message: 'src/worker/worker.ts is the only bridge to the UI.' },
        { name: 'localStorage', message: 'No storage in the engine.' },
        { name: 'sessionStorage', message: 'No storage in the engine.' },
        { name: 'indexedDB', message: 'No storage in the engine.' },
        { name: 'fetch', message: 'The engine is offline; registries and hosts are simulated.' },
        { name: 'XMLHttpRequest', message: 'The engine is offline; registries and hosts are simulated.' },
        { name: 'WebSocket', message: 'The engine is offline; registries and hosts are simulated.' },
        { name: 'crypto', message: `${RNG} Digests use the synchronous sha256 in the engine.` },
        { name: 'process', message: 'No Node APIs in the engine.' },
        { name: 'require', message: 'No Node APIs in the engine.' },
        { name: 'Buffer', message: 'No Node APIs in the engine: use api/base64.ts.' },
        { name: '__dirname', message: 'No Node APIs in the engine.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: `Use clock.now(). ${CLOCK}` },
        { object: 'Math', property: 'random', message: `Use the world's rng. ${RNG}` },
        { object: 'globalThis', message: 'No ambient globals in the engine: pass what it needs in.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: `new Date() reads the wall clock: use new Date(clock.now()). ${CLOCK}` },
        { selector: "CallExpression[callee.name='Date']", message: `Date() reads the wall clock: format new Date(clock.now()). ${CLOCK}` },
        { selector: ':function[async=true]', message: SYNC },
        { selector: 'AwaitExpression', message: SYNC },
        { selector: 'ForOfStatement[await=true]', message: SYNC },
        { selector: 'ImportExpression', message: `Dynamic import() is asynchronous. ${SYNC}` },
        { selector: "TSTypeReference[typeName.name='Promise']", message: SYNC },
        { selector: "TSTypeReference[typeName.name='PromiseLike']", message: SYNC },
      ],
      'no-console': 'error', // the engine reports through events and the audit trail (STYLE.md §12)
    },
  },

  // Controllers, the scheduler and kubelets talk to the API only through client/ (STYLE.md §3).
  // Later config objects replace a rule's options, so this repeats the engine-wide patterns.
  {
    files: ['src/engine/{controllers,scheduler,node}/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [],
          patterns: [
            ...engineImports.patterns,
            { group: ['**/store/*', '**/store', '**/apiserver/*', '**/apiserver'], message: 'Controllers, the scheduler and kubelets talk to the API through client/, as in Kubernetes.' },
          ],
        },
      ],
    },
  },

  // The UI reads API objects only: engine/api for types and pure helpers, the worker's protocol
  // for everything else (STYLE.md §3).
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    ignores: ['src/ui/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./(?:\\.\\./)*engine(?:/(?!api(?:/|$)).*)?$',
              message: 'The UI reads API objects only: import from engine/api or worker/protocol, never engine internals.',
            },
            {
              regex: '^\\.\\./(?:\\.\\./)*worker/(?!protocol$).+',
              message: 'The UI talks to the worker through worker/protocol.ts only.',
            },
          ],
        },
      ],
    },
  },

  // The worker owns a World through the engine's public surface only (engine/index.ts).
  {
    files: ['src/worker/**/*.ts'],
    ignores: ['src/worker/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./(?:\\.\\./)*engine/(?!(?:index|publicTypes)$).+',
              message: 'The worker uses the engine through engine/index.ts only.',
            },
            { regex: '^\\.\\./(?:\\.\\./)*ui(?:/|$)', message: 'The worker knows nothing of the UI: it speaks worker/protocol.ts.' },
          ],
        },
      ],
    },
  },
])
