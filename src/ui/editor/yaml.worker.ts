// monaco-yaml's language worker (schema validation, completion, hover), as its docs advise for Vite.
import 'monaco-yaml/yaml.worker.js'
