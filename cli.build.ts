// The `clickatell` bin (package.json "bin": dist/cli/main.js) as an esbuild bundle: one ES module for the
// program, with what a command loads when it runs (`await import(...)`: the client, the bulk send, the Node
// transport, the simulator) split off into chunks beside it, so `clickatell preview` reads only what preview needs.
// Node would otherwise load each of the ~60 modules a command touches, and fp-ts's CommonJS `lib` build with them,
// one file at a time: that was half of the start-up time (docs/benchmarks.md, "CLI start-up").
// tsup.config.ts runs this after the library's build; test/cli/cli.test.ts runs it into a folder of its own.
import { chmodSync } from 'node:fs'
import { resolve } from 'node:path'
import { build } from 'esbuild'

/** Bundles `root`/src/cli/main.ts into `outdir` (main.js and its chunks), quietly; the bin is made executable. */
export const buildCli = async (root: string, outdir: string): Promise<void> => {
  await build({
    absWorkingDir: root,
    entryPoints: { main: 'src/cli/main.ts' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // The ES builds of fp-ts and io-ts ("module"): esbuild reads them as modules it can shake, where the CommonJS
    // `lib` build (what the library's sources name, for the package's own CommonJS half) is wrapped whole.
    mainFields: ['module', 'main'],
    plugins: [
      {
        name: 'fp-ts-es6',
        setup(b) {
          b.onResolve({ filter: /^fp-ts\/lib\// }, (args) =>
            b.resolve(args.path.replace(/^fp-ts\/lib\//, 'fp-ts/es6/'), {
              kind: args.kind,
              resolveDir: args.resolveDir,
            }),
          )
        },
      },
    ],
    // Everything else is bundled (the dependencies are small and read at once); Node's own modules stay imports,
    // and so do bullmq and ioredis, the optional peers only `campaign` loads (it says how to install them).
    external: ['node:*', 'bullmq', 'ioredis'],
    // The CommonJS dependencies bundled into an ES module (commander, cli-progress) call require() for Node's
    // modules; an ES module has no require of its own.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    chunkNames: 'chunks/[name]-[hash]',
    legalComments: 'none',
    logLevel: 'error',
  })
  chmodSync(resolve(root, outdir, 'main.js'), 0o755)
}
