// Type-checks generated snippet files (doc examples, README snippets) as a user's strict project would, and
// answers the problems found in them (not in the sources they import), one line each.
import { readFileSync } from 'node:fs'
import ts from 'typescript'

export const typeCheck = (paths: ReadonlyArray<string>, within: string): string[] => {
  const program = ts.createProgram(paths, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: ['node'],
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    allowImportingTsExtensions: true,
  })
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName.startsWith(within))
    .map((d) => {
      const head = d.file ? readFileSync(d.file.fileName, 'utf8').split('\n')[0] : ''
      return `${head}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`
    })
}
