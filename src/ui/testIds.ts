// Test ids, defined once (STYLE.md §10): e2e tests and the components both read them from here.
export const TestIds = {
  graph: 'graph',
  terminal: 'terminal',
  editor: 'editor',
  editorApply: 'editor.apply',
  editorStatus: 'editor.status',
  editorProblems: 'editor.problems',
  editorOutput: 'editor.output',
  events: 'events',
  clockToggle: 'clock.toggle',
  clockStep: 'clock.step',
  clockSpeed: 'clock.speed',
  clockTime: 'clock.time',
  fatal: 'fatal',
} as const
