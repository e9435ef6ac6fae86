// The CommonJS half of the package: one bundle per entry (dist/*.cjs, dist/*/index.cjs), no shared chunks, and
// bundled declarations (.d.cts). The ES module half is tsc's own output, one file per module (see the `build`
// script and docs/design.md, "Packaging"): esbuild turns `export * as Parts` into an object that lists every
// member, so a bundled ES build would make a user's bundler keep the whole root for one `Parts.count` call.
import { existsSync } from 'node:fs'
import type { Plugin } from 'esbuild'
import { defineConfig } from 'tsup'
import { buildCli } from './cli.build.js'

// The subpath entries of package.json's "exports", by output name. src/testing/index.ts joins when it exists.
const entries: Record<string, string> = {
  index: 'src/index.ts',
  ky: 'src/ky.ts',
  node: 'src/node.ts',
  'handler/index': 'src/handler/index.ts',
  'simulator/index': 'src/simulator/index.ts',
  'queue/index': 'src/queue/index.ts',
  ...(existsSync('src/testing/index.ts') ? { 'testing/index': 'src/testing/index.ts' } : {}),
}

// ky is ESM only. Node 20.19+ lets CommonJS require() it and marks what it returns with `__esModule`, but esbuild
// compiles `import ky from 'ky'` in a "type": "module" package with Node's ESM-imports-CJS rule (default = the
// whole module.exports), so `ky` would be the namespace, not the function. This routes the import through a
// CommonJS shim that takes `.default` as a transpiled module would; `ky` itself stays external.
const esmOnly = /^ky$/
const esmOnlyDefaultImports: Plugin = {
  name: 'esm-only-default-imports',
  setup(build) {
    build.onResolve({ filter: esmOnly }, (args) =>
      args.namespace === 'esm-only'
        ? { path: args.path, external: true }
        : { path: args.path, namespace: 'esm-only' },
    )
    build.onLoad({ filter: /.*/, namespace: 'esm-only' }, (args) => ({
      contents: `const m = require(${JSON.stringify(args.path)}); module.exports = m && m.__esModule ? m.default : m`,
      loader: 'js',
    }))
  },
}

export default defineConfig({
  entry: entries,
  outDir: 'dist',
  // The build runs on every install (`prepare`): it says nothing unless it fails.
  silent: true,
  format: ['cjs'],
  // In a "type": "module" package tsup names these .cjs and .d.cts, which Node and TypeScript read as CommonJS.
  dts: true,
  // No shared chunks: tsup's CommonJS splitting goes through sucrase, which rewrites every `?.` and `??` into
  // helper calls. Each entry carries the core it uses; the core is plain functions over plain data (no class, no
  // module state), so two copies in one program behave as one. Declarations are still shared (.d.cts chunks),
  // so a branded type is one type across entries.
  splitting: false,
  // Keep `node:http` as written (tsup would strip the prefix for Node versions this package does not support).
  removeNodeProtocol: false,
  // tsup's own plugin would mark ky external before ours sees it; ours keeps it external through the shim.
  noExternal: [esmOnly],
  esbuildPlugins: [esmOnlyDefaultImports],
  target: 'es2022',
  platform: 'node',
  tsconfig: 'tsconfig.build.json',
  sourcemap: false,
  // The build script runs tsup first, then tsc into the same folder: this is the only clean.
  clean: true,
  // The bin is not a library entry: it is bundled on its own, dependencies and all, into dist/cli/ (cli.build.ts);
  // tsconfig.build.json leaves src/cli out of tsc's output.
  onSuccess: () => buildCli(process.cwd(), 'dist/cli'),
  // dependencies and peerDependencies (fp-ts, io-ts, ky, fast-check, fast-xml-parser) stay imports; a user's
  // install provides them once.
})
