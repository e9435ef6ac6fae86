// Builds the browser preview page (docs/preview) into site/ as ONE self-contained index.html: the script and
// the style are inlined, so the page opens from file:// (Chromium refuses module scripts and CORS stylesheets
// there) and makes no request at all once loaded; a Content-Security-Policy written into the page enforces it.
import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin } from 'vite'

// No fetch, no XHR, no fonts, no images from anywhere: only the inline script and style of the page itself.
const CSP =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

const tagOf = (file: string): RegExp =>
  new RegExp(
    `<(script|link)\\b[^>]*?(?:src|href)="(?:\\./)?${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>(?:</script>)?`,
  )

/** Inlines the emitted entry chunk and stylesheet into index.html, drops them from the output, adds the CSP. */
const inlineAll = (): Plugin => ({
  name: 'preview:inline-all',
  apply: 'build',
  enforce: 'post',
  generateBundle(_, bundle) {
    const page = bundle['index.html']
    if (page === undefined || page.type !== 'asset') return
    let html = String(page.source)
    for (const [file, output] of Object.entries(bundle)) {
      if (file === 'index.html') continue
      const tag = tagOf(file)
      if (!tag.test(html)) continue
      // `</script` inside the code would end the element early; `<\/script` means the same in JS strings.
      const inline =
        output.type === 'chunk'
          ? `<script type="module">${output.code.replaceAll('</script', '<\\/script')}</script>`
          : `<style>${String(output.source)}</style>`
      html = html.replace(tag, () => inline)
      delete bundle[file]
    }
    // Right after the charset, which must stay in the first 1024 bytes, and before anything it governs.
    page.source = html.replace(
      /<meta charset[^>]*>/i,
      (m) => `${m}\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`,
    )
  },
})

export default defineConfig({
  root: fileURLToPath(new URL('./docs/preview', import.meta.url)),
  base: './',
  // fp-ts's CommonJS build (what the library imports) does not tree-shake; its ES build does, same API.
  resolve: { alias: [{ find: /^fp-ts\/lib\/(.*)$/, replacement: 'fp-ts/es6/$1' }] },
  build: {
    outDir: '../../site/preview',
    emptyOutDir: true,
    modulePreload: false,
    reportCompressedSize: false,
  },
  plugins: [inlineAll()],
})
