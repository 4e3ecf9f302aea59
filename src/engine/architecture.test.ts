// The engine's architecture, checked without ESLint (STYLE.md §3: "lint rules get disabled; tests
// get noticed"). Every engine source file (tests excluded) is parsed with the TypeScript compiler
// and must be pure and synchronous: no wall clock, no ambient randomness, no host timers, no
// async code, no DOM or Node APIs, and no imports from src/ui or src/worker. eslint.config.js
// states the same rules for the editor; this is the second line of defence.
import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

const ENGINE = dirname(fileURLToPath(import.meta.url))
const ROOT = resolve(ENGINE, '../..')

/** Packages the engine may import: pure, synchronous, no DOM. Add one only after checking that. */
const ENGINE_PACKAGES = ['kubernetes-types', 'js-yaml', 'shell-quote']

const CLOCK = 'use the Clock (clock.now(), clock.setTimer()): the engine runs on virtual time'
const SYNC = 'the engine core is synchronous: no async, await or Promise'
const HOST = 'the engine has no DOM or host APIs: it runs in the worker and in Node alike'

/** Globals the engine must not reference, with the reason shown on failure. */
const FORBIDDEN_GLOBALS: Record<string, string> = {
  setTimeout: CLOCK,
  setInterval: CLOCK,
  clearTimeout: CLOCK,
  clearInterval: CLOCK,
  setImmediate: CLOCK,
  queueMicrotask: SYNC,
  requestAnimationFrame: 'the engine has no frames; the worker paces time',
  cancelAnimationFrame: 'the engine has no frames; the worker paces time',
  requestIdleCallback: 'the engine has no frames; the worker paces time',
  performance: `no wall clock: ${CLOCK}`,
  Promise: SYNC,
  PromiseLike: SYNC,
  window: HOST,
  document: HOST,
  navigator: HOST,
  location: HOST,
  self: HOST,
  postMessage: HOST,
  localStorage: HOST,
  sessionStorage: HOST,
  indexedDB: HOST,
  fetch: `${HOST}; it is offline`,
  XMLHttpRequest: `${HOST}; it is offline`,
  WebSocket: `${HOST}; it is offline`,
  crypto: 'use the seeded Rng (clock/random.ts) and the synchronous digests',
  process: HOST,
  require: HOST,
  Buffer: `${HOST}; use api/base64.ts`,
  __dirname: HOST,
  __filename: HOST,
  globalThis: 'no ambient globals: pass what the engine needs in',
}

const FRAMEWORKS = /^(?:react|react-dom|zustand|@xyflow\/|monaco-editor|monaco-yaml|@monaco-editor\/|@xterm\/)/

export interface Violation {
  file: string
  line: number
  message: string
}

const format = (v: Violation) => `${v.file}:${v.line}: ${v.message}`

function engineFiles(dir: string = ENGINE): string[] {
  const out: string[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const abs = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...engineFiles(abs))
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(abs)
  }
  return out.sort()
}

/** Names declared anywhere in the file: a local `performance` or `self` is not the global. */
function declaredNames(sf: ts.SourceFile): Set<string> {
  const names = new Set<string>()
  const addBinding = (n: ts.BindingName) => {
    if (ts.isIdentifier(n)) names.add(n.text)
    else for (const e of n.elements) if (!ts.isOmittedExpression(e)) addBinding(e.name)
  }
  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) || ts.isParameter(node) || ts.isBindingElement(node)) addBinding(node.name)
    else if (
      (ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node) || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node) || ts.isEnumDeclaration(node) || ts.isFunctionExpression(node) || ts.isClassExpression(node) || ts.isTypeParameterDeclaration(node)) &&
      node.name
    ) names.add(node.name.text)
    else if (ts.isImportClause(node) && node.name) names.add(node.name.text)
    else if (ts.isNamespaceImport(node) || ts.isImportSpecifier(node)) names.add(node.name.text)
    ts.forEachChild(node, visit)
  }
  visit(sf)
  return names
}

/** True when the identifier names a property or member rather than referring to a variable. */
function isNamePosition(id: ts.Identifier): boolean {
  const p = id.parent
  if (ts.isPropertyAccessExpression(p) && p.name === id) return true
  if (ts.isQualifiedName(p) && p.right === id) return true
  if ((ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p) || ts.isPropertySignature(p) || ts.isMethodDeclaration(p) || ts.isMethodSignature(p) || ts.isGetAccessor(p) || ts.isSetAccessor(p) || ts.isEnumMember(p)) && p.name === id) return true
  if (ts.isBindingElement(p) && p.propertyName === id) return true
  if ((ts.isImportSpecifier(p) || ts.isExportSpecifier(p)) && (p.propertyName === id || p.name === id)) return true
  if (ts.isLabeledStatement(p) || ts.isBreakOrContinueStatement(p)) return true
  if (ts.isImportClause(p) || ts.isNamespaceImport(p)) return true
  return false
}

/** Where an import specifier may point from `file`; undefined when it is allowed. */
function importProblem(file: string, spec: string): string | undefined {
  if (spec.startsWith('.')) {
    const target = resolve(dirname(file), spec)
    const rel = relative(ROOT, target).split(sep).join('/')
    if (/^src\/(?:ui|worker)(?:\/|$)/.test(rel)) return `imports ${rel}: the engine imports nothing from src/ui or src/worker (they depend on it, never the reverse)`
    if (relative(ENGINE, target).startsWith('..')) return `imports ${rel}, outside src/engine: the engine is self-contained`
    return undefined
  }
  const bare = spec.replace(/^node:/, '')
  if (spec.startsWith('node:') || builtinModules.includes(bare) || builtinModules.includes(bare.split('/')[0]!)) return `imports the Node module "${spec}": ${HOST}`
  if (FRAMEWORKS.test(spec)) return `imports "${spec}": the engine is framework-free; React, the graph, the editor and the terminal live in src/ui`
  const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!
  if (!ENGINE_PACKAGES.includes(pkg)) return `imports the package "${spec}", which is not on the engine's list (ENGINE_PACKAGES in src/engine/architecture.test.ts): check it is pure and synchronous, then add it`
  return undefined
}

/** Every forbidden API and import in one source text. `file` is the path shown and resolved. */
export function scanSource(file: string, text: string): Violation[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS)
  const declared = declaredNames(sf)
  const shown = relative(ROOT, file).split(sep).join('/')
  const out: Violation[] = []
  const report = (node: ts.Node, message: string) => out.push({ file: shown, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, message })
  const isGlobal = (e: ts.Expression, name: string) => ts.isIdentifier(e) && e.text === name && !declared.has(name)
  const checkImport = (node: ts.Node, spec: ts.Expression | undefined) => {
    if (!spec || !ts.isStringLiteralLike(spec)) return
    const problem = importProblem(file, spec.text)
    if (problem) report(node, problem)
  }

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) checkImport(node, node.moduleSpecifier)
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) checkImport(node, node.moduleReference.expression)
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) checkImport(node, node.argument.literal as ts.Expression)
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) report(node, `dynamic import() is asynchronous: ${SYNC}`)
    else if (ts.isPropertyAccessExpression(node)) {
      const prop = node.name.text
      if (isGlobal(node.expression, 'Date') && prop === 'now') report(node, `Date.now() reads the wall clock: ${CLOCK}`)
      if (isGlobal(node.expression, 'Math') && prop === 'random') report(node, 'Math.random() is not reproducible: use the seeded Rng (clock/random.ts)')
    } else if (ts.isNewExpression(node) && isGlobal(node.expression, 'Date') && !node.arguments?.length) {
      report(node, `new Date() without arguments reads the wall clock: format new Date(clock.now()) instead`)
    } else if (ts.isCallExpression(node) && isGlobal(node.expression, 'Date')) {
      report(node, `Date() reads the wall clock: format new Date(clock.now()) instead`)
    } else if (ts.isAwaitExpression(node)) report(node, `await: ${SYNC}`)
    else if (ts.isForOfStatement(node) && node.awaitModifier) report(node, `for await: ${SYNC}`)
    else if (ts.isIdentifier(node) && Object.hasOwn(FORBIDDEN_GLOBALS, node.text) && !declared.has(node.text) && !isNamePosition(node)) {
      report(node, `${node.text}: ${FORBIDDEN_GLOBALS[node.text]}`)
    }
    if (ts.canHaveModifiers(node) && ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) report(node, `async function: ${SYNC}`)
    ts.forEachChild(node, visit)
  }
  visit(sf)
  return out
}

/** Controllers, the scheduler and kubelets reach the API only through client/ (STYLE.md §3). */
export function layerViolations(file: string, text: string): Violation[] {
  const rel = relative(ENGINE, file).split(sep).join('/')
  if (!/^(?:controllers|scheduler|node)\//.test(rel)) return []
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true)
  const out: Violation[] = []
  for (const st of sf.statements) {
    if (!(ts.isImportDeclaration(st) || ts.isExportDeclaration(st)) || !st.moduleSpecifier || !ts.isStringLiteral(st.moduleSpecifier)) continue
    const target = relative(ENGINE, resolve(dirname(file), st.moduleSpecifier.text)).split(sep).join('/')
    if (/^(?:store|apiserver)(?:\/|$)/.test(target)) {
      out.push({
        file: relative(ROOT, file).split(sep).join('/'),
        line: sf.getLineAndCharacterOfPosition(st.getStart(sf)).line + 1,
        message: `imports src/engine/${target}: controllers, the scheduler and kubelets talk to the API through client/`,
      })
    }
  }
  return out
}

describe('the engine architecture', () => {
  const files = engineFiles()
  const sources = files.map((f) => ({ file: f, text: readFileSync(f, 'utf8') }))
  const scanned = sources.flatMap(({ file, text }) => scanSource(file, text))

  it('finds the engine source files', () => {
    expect(files.length).toBeGreaterThan(20)
    expect(files.some((f) => f.endsWith(`${sep}world.ts`))).toBe(true)
  })

  it('uses no wall clock, ambient randomness, host timers, async code, DOM or Node APIs', () => {
    const found = scanned.filter((v) => !v.message.startsWith('imports'))
    expect(found.map(format), 'forbidden APIs in src/engine (file:line: why)').toEqual([])
  })

  it('imports nothing from src/ui or src/worker, no Node modules and no UI frameworks', () => {
    const found = scanned.filter((v) => v.message.startsWith('imports'))
    expect(found.map(format), 'forbidden imports in src/engine (file:line: why)').toEqual([])
  })

  it('keeps controllers, the scheduler and kubelets off the store and the apiserver', () => {
    const found = sources.flatMap(({ file, text }) => layerViolations(file, text))
    expect(found.map(format), 'layering violations in src/engine (file:line: why)').toEqual([])
  })

  // The scanner itself, on a probe file: a checker that finds nothing is no defence.
  it('reports each forbidden API and import of a probe file with its line', () => {
    const probe = [
      "import { App } from '../ui/App'", // 1
      "import type { UiToWorker } from '../worker/protocol'", // 2
      "import { readFileSync } from 'node:fs'", // 3
      "import path from 'path'", // 4
      "import { useState } from 'react'", // 5
      "import type { Pod } from 'kubernetes-types/core/v1'", // 6: allowed
      "import { now } from './clock/virtualClock'", // 7: allowed
      'export const a = Date.now()', // 8
      'export const b = new Date()', // 9
      'export const c = new Date(0).toISOString()', // 10: allowed
      'export const d = Math.random()', // 11
      'setTimeout(() => {}, 1)', // 12
      'queueMicrotask(() => {})', // 13
      'requestAnimationFrame(() => {})', // 14
      'export const e = performance.now()', // 15
      'export async function f(): Promise<void> {}', // 16: async and Promise
      'export function g(x: { setTimeout: number; performance: string }) { return x.setTimeout + x.performance }', // 17: allowed
      'export const h = () => import("./x")', // 18
      'export function k(self: number) { return self }', // 19: allowed, a local
      'export const m = Date()', // 20
    ].join('\n')
    const file = join(ENGINE, 'probe.ts')
    const found = scanSource(file, probe).map((v) => `${v.line}: ${v.message.split(':')[0]}`)
    expect(found).toEqual([
      '1: imports src/ui/App',
      '2: imports src/worker/protocol',
      '3: imports the Node module "node',
      '4: imports the Node module "path"',
      '5: imports "react"',
      '8: Date.now() reads the wall clock',
      '9: new Date() without arguments reads the wall clock',
      '11: Math.random() is not reproducible',
      '12: setTimeout',
      '13: queueMicrotask',
      '14: requestAnimationFrame',
      '15: performance',
      '16: async function',
      '16: Promise',
      '18: dynamic import() is asynchronous',
      '20: Date() reads the wall clock',
    ])
    expect(layerViolations(join(ENGINE, 'controllers', 'probe.ts'), "import { Store } from '../store/store'\nimport { Client } from '../client/client'\n").map(format)).toEqual([
      'src/engine/controllers/probe.ts:1: imports src/engine/store/store: controllers, the scheduler and kubelets talk to the API through client/',
    ])
  })
})
