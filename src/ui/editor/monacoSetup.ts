// Monaco + monaco-yaml, set up once. Reached only through the lazy YamlEditor chunk, so none of
// this is in the page's initial JS (toolchain.md §4).
//
// Two shims for monaco-editor 0.57 (toolchain.md §4): the `monaco-editor/esm/vs/...` alias in
// vite.config.ts, and `legacyCreateWebWorker` below. monaco-yaml 5.5.1 still calls
// `editor.createWebWorker({ moduleId, label, createData })`, the pre-0.53 signature; 0.57 wants
// `{ worker }`. Without the adapter no worker starts and no schema marker ever appears.
import * as monaco from 'monaco-editor/editor'
import 'monaco-editor/features/register.all'
import 'monaco-editor/languages/definitions/yaml/register'
import EditorWorker from 'monaco-editor/editor/editor.worker?worker'
import { configureMonacoYaml, type JSONSchema } from 'monaco-yaml'
import YamlWorker from './yaml.worker?worker'

type WorkerHost = Record<string, (...args: unknown[]) => unknown>

function getWorker(_moduleId: string, label: string): Worker {
  return label === 'yaml' ? new YamlWorker() : new EditorWorker()
}

;(self as unknown as { MonacoEnvironment: monaco.Environment }).MonacoEnvironment = { getWorker }

function legacyCreateWebWorker(o: {
  label?: string
  moduleId?: string
  createData?: unknown
  host?: WorkerHost
  keepIdleModels?: boolean
}) {
  const worker = getWorker(o.moduleId ?? '', o.label ?? 'editorWorkerService')
  // The two bootstrap messages monaco's own language workers send before their first request.
  worker.postMessage('ignore')
  worker.postMessage(o.createData)
  return monaco.editor.createWebWorker({ worker, host: o.host, keepIdleModels: o.keepIdleModels })
}

// The schema is data (340 KB): its own chunk, read as text so it stays out of the TypeScript
// program, and loaded in parallel with the rest of the editor.
const { default: schemaText } = await import('./k8s.schema.json?raw')

configureMonacoYaml(
  { ...monaco, editor: { ...monaco.editor, createWebWorker: legacyCreateWebWorker } } as unknown as Parameters<
    typeof configureMonacoYaml
  >[0],
  {
    enableSchemaRequest: false,
    validate: true,
    completion: true,
    hover: true,
    format: { enable: true },
    schemas: [
      {
        // An identifier only: the schema is given inline and never fetched.
        uri: 'inmemory://podlab/k8s.schema.json',
        fileMatch: ['**/*.yaml', '**/*.yml'],
        schema: JSON.parse(schemaText) as JSONSchema,
      },
    ],
  },
)

// Lets e2e tests read the model's markers and set its text (toolchain.md §9).
;(window as unknown as { __monaco?: typeof monaco }).__monaco = monaco

export { monaco }
