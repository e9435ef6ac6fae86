// The browser preview page (docs/preview), built with the project's vite.config.ts, served from 127.0.0.1 and
// driven in a real headless Chromium as a person would use it: type, read the figures, click a replacement.
// Each state is saved as test-results/screenshots/preview-*.png for a human to look at.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { type Browser, chromium, type Page } from 'playwright-core'
import { build } from 'vite'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '..', '..')
const CHROMIUM = '/usr/bin/chromium'
const SHOTS = join(ROOT, 'test-results', 'screenshots')
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' }

let outDir = ''
let server: Server | undefined
let origin = ''
let browser: Browser | undefined
let page: Page
const requested: string[] = []
const errors: string[] = []

const serve = (dir: string): Promise<Server> =>
  new Promise((done) => {
    const s = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname
      const file = normalize(join(dir, path === '/' ? 'index.html' : path))
      if (!file.startsWith(dir) || !existsSync(file)) {
        res.writeHead(404).end()
        return
      }
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
      res.end(readFileSync(file))
    })
    s.listen(0, '127.0.0.1', () => done(s))
  })

// A missing browser fails every test with this message (a failing beforeAll would only mark them skipped).
const NO_CHROMIUM = `Chromium is not at ${CHROMIUM}: install it (apt-get install chromium) to test the preview page`
beforeEach(() => {
  if (!existsSync(CHROMIUM)) throw new Error(NO_CHROMIUM)
})

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) return
  mkdirSync(SHOTS, { recursive: true })
  outDir = mkdtempSync(join(ROOT, 'test-results', 'site-'))
  await build({
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  })
  server = await serve(outDir)
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  page = await browser.newPage({ viewport: { width: 1000, height: 900 }, locale: 'en-US' })
  // Fail fast: Playwright's library default is to wait forever for an element.
  page.setDefaultTimeout(5000)
  page.on('request', (r) => requested.push(r.url()))
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(`${origin}/`)
})

afterAll(async () => {
  await browser?.close()
  await new Promise((done) => (server === undefined ? done(undefined) : server.close(done)))
  if (outDir !== '') rmSync(outDir, { recursive: true, force: true })
})

const figure = (p: Page, id: string) => p.getByTestId(id)
const value = (p: Page, id: string) => p.getByTestId(id).getAttribute('data-value')
const shot = (name: string) => page.screenshot({ path: join(SHOTS, `preview-${name}.png`), fullPage: true })

/** Sets the message as a paste would, so long texts cost one event. */
const setText = (text: string) => page.getByLabel('Message').fill(text)

const figures = async (p: Page) => ({
  encoding: await value(p, 'encoding'),
  reason: await value(p, 'reason'),
  units: Number(await value(p, 'units')),
  unitName: await value(p, 'unit-name'),
  parts: Number(await value(p, 'parts')),
  perPart: Number(await value(p, 'per-part')),
  remaining: Number(await value(p, 'remaining')),
  reqFeat: Number(await value(p, 'req-feat')),
})

describe('the preview page', () => {
  it('counts a GSM text in septets as it is typed, with no UCS-2 hex and no offenders', async () => {
    await setText('')
    await page.getByLabel('Message').pressSequentially('Hello [world]')
    expect(await figures(page)).toEqual({
      encoding: 'gsm7',
      reason: 'gsm7',
      units: 15, // [ and ] are extension characters: 2 septets each
      unitName: 'septets',
      parts: 1,
      perPart: 160,
      remaining: 145,
      reqFeat: 0,
    })
    await expect.poll(() => figure(page, 'encoding').textContent()).toBe('GSM-7')
    expect(await figure(page, 'hex-section').isHidden()).toBe(true)
    expect(await figure(page, 'offenders-section').isHidden()).toBe(true)
    await shot('1-gsm7')
  })

  it('sends an emoji as UCS-2, its surrogate pair counting 2 units, and shows the hex', async () => {
    await setText('Hi 😀')
    expect(await figures(page)).toMatchObject({
      encoding: 'ucs2',
      reason: 'not-gsm',
      units: 5,
      unitName: 'UTF-16 units',
      parts: 1,
      perPart: 70,
      remaining: 65,
      reqFeat: 8, // UCS2
    })
    expect(await figure(page, 'hex').textContent()).toBe('004800690020D83DDE00')
    const mark = page.getByTestId('highlighted').locator('mark')
    expect(await mark.count()).toBe(1)
    expect(await mark.getAttribute('data-index')).toBe('3')
    expect(await page.getByTestId('offender').textContent()).toContain('no GSM replacement')
    expect(await page.getByTestId('replace-all').isDisabled()).toBe(true)
    expect(await figure(page, 'saving').textContent()).toBe('None of these characters has a GSM replacement.')
    await shot('2-emoji')
  })

  it('highlights a curly apostrophe at its position, and one click makes 3 parts 1', async () => {
    const text = `We’re open ${'x'.repeat(140)}`
    await setText(text)
    expect(await figures(page)).toMatchObject({ encoding: 'ucs2', reason: 'not-gsm', units: 151, parts: 3 })
    const mark = page.getByTestId('highlighted').locator('mark')
    expect(await mark.count()).toBe(1)
    expect(await mark.getAttribute('data-index')).toBe('2')
    expect(await mark.textContent()).toBe('’')
    const row = page.getByTestId('offender')
    expect(await row.getAttribute('data-index')).toBe('2')
    expect(await row.textContent()).toContain('U+2019 at index 2')
    expect(await row.textContent()).toContain('saves 2 parts')
    expect(await figure(page, 'saving').textContent()).toBe(
      'Replacing 1 character: 3 → 1 part (GSM-7), saves 2 parts.',
    )
    await shot('3-apostrophe')

    await page.getByRole('button', { name: "Replace U+2019 at index 2 with '" }).click()
    expect(await page.getByLabel('Message').inputValue()).toBe(text.replace('’', "'"))
    expect(await figures(page)).toMatchObject({ encoding: 'gsm7', units: 151, parts: 1, remaining: 9 })
    expect(await mark.count()).toBe(0)
    await shot('4-apostrophe-replaced')
  })

  it('splits a 161-character GSM text into 2 parts of 153 with 145 left', async () => {
    await setText('a'.repeat(161))
    expect(await figures(page)).toMatchObject({
      encoding: 'gsm7',
      units: 161,
      parts: 2,
      perPart: 153,
      remaining: 145,
      reqFeat: 16384, // CONCAT
    })
    await shot('5-two-parts')
  })

  it('shows where each part ends: the text split into its parts, each with its size, and the word cut', async () => {
    const parts = async () => ({
      sizes: await page.getByTestId('part-size').allTextContents(),
      texts: await page.getByTestId('part-text').allTextContents(),
      cuts: await page.getByTestId('part-cut').allTextContents(),
    })
    await setText(`${'a'.repeat(150)} spilling over`)
    expect(await parts()).toEqual({
      sizes: ['Part 1: 153 of 153 septets (full)', 'Part 2: 11 of 153 septets'],
      texts: [`${'a'.repeat(150)} sp`, 'illing over'],
      cuts: ['the word “sp|illing” runs on into part 2'],
    })
    await shot('5b-split-gsm')

    // UCS-2: a surrogate pair that would straddle the boundary moves whole into the next part.
    await setText(`${'x'.repeat(60)} xxxxx😀yyyyy`)
    expect(await figures(page)).toMatchObject({ encoding: 'ucs2', units: 73, parts: 2, perPart: 67 })
    expect(await parts()).toEqual({
      sizes: ['Part 1: 66 of 67 UTF-16 units', 'Part 2: 7 of 67 UTF-16 units'],
      texts: [`${'x'.repeat(60)} xxxxx`, '😀yyyyy'],
      cuts: ['the word “xxxxx|😀yyyyy” runs on into part 2'],
    })

    // One part, nothing cut; the joined parts are the text.
    await setText('Hello there')
    expect(await parts()).toEqual({ sizes: ['Part 1: 11 of 160 septets'], texts: ['Hello there'], cuts: [] })
  })

  it('says why € needs UCS-2 (GSM but not ISO-8859-1) and offers EUR only when lossy is ticked', async () => {
    await setText('Price: 5€')
    expect(await figures(page)).toMatchObject({ encoding: 'ucs2', reason: 'not-latin1', units: 9, parts: 1 })
    expect(await figure(page, 'reason').textContent()).toContain('ISO-8859-1')
    expect(await page.getByTestId('offender').textContent()).toContain('GSM, not ISO-8859-1')
    expect(await page.getByTestId('replace-all').isDisabled()).toBe(true)
    expect(await figure(page, 'saving').textContent()).toContain('Only lossy replacements')
    await page.getByLabel('include lossy replacements').check()
    expect(await figure(page, 'saving').textContent()).toContain('GSM-7')
    await shot('6-euro')
    await page.getByTestId('replace-all').click()
    expect(await page.getByLabel('Message').inputValue()).toBe('Price: 5EUR')
    expect(await value(page, 'encoding')).toBe('gsm7')
  })

  it('costs parts x charge, and derives req_feat from the sender', async () => {
    await setText('a'.repeat(161))
    await page.getByLabel('Charge per part').fill('0.35')
    expect(await figure(page, 'cost').textContent()).toBe('0.7') // not 0.7000000000000001
    expect(await figure(page, 'cost-formula').textContent()).toBe('2 parts × 0.35')
    await page.getByLabel('Sender (from, optional)').fill('Acme')
    expect(await value(page, 'req-feat')).toBe('16400') // ALPHA + CONCAT
    expect(await figure(page, 'features').textContent()).toBe('ALPHA + CONCAT')
    expect(await page.getByTestId('sender-problem').isHidden()).toBe(true)
    await page.getByLabel('Sender (from, optional)').fill('Acme Widgets')
    expect(await page.getByTestId('sender-problem').textContent()).toBe(
      'Not a valid sender: it has 12 characters; an alphanumeric sender id has at most 11.',
    )
    await page.getByLabel('Sender (from, optional)').fill('27831234567')
    expect(await page.getByTestId('sender-problem').isHidden()).toBe(true)
    expect(await value(page, 'req-feat')).toBe('16416') // NUMER + CONCAT
    await shot('7-charge-sender')
    await page.getByLabel('Charge per part').fill('')
    expect(await figure(page, 'cost').textContent()).toBe('—')
    await page.getByLabel('Charge per part').fill('1')
    await page.getByLabel('Sender (from, optional)').fill('')
  })

  it('warns with MessageTooLong’s numbers when the text needs more parts than allowed', async () => {
    await setText('a'.repeat(161))
    const warning = page.getByRole('alert')
    expect(await warning.isHidden()).toBe(true)
    await page.getByLabel('Maximum parts').fill('1')
    expect(await warning.getAttribute('data-tag')).toBe('MessageTooLong')
    expect(await warning.textContent()).toBe(
      'Too long: 161 septets need 2 parts (153 per part), but at most 1 is allowed. Remove at least 1 septet or raise the maximum.',
    )
    expect(await page.getByTestId('parts-figure').getAttribute('class')).toContain('over')
    await shot('8-too-long')
    await page.getByLabel('Maximum parts').fill('40')
    expect(await warning.getAttribute('data-tag')).toBe('InvalidInput')
    expect(await warning.textContent()).toContain('from 1 to 35')
    await page.getByLabel('Maximum parts').fill('2')
    expect(await warning.isHidden()).toBe(true)
    await page.getByLabel('Maximum parts').fill('35')
  })

  it('fits a phone screen without sideways scrolling', async () => {
    const phone = await browser!.newPage({ viewport: { width: 375, height: 812 }, locale: 'en-US' })
    await phone.goto(`${origin}/`)
    await phone.getByLabel('Message').fill(`It’s 5€ – see you at 10… ${'x'.repeat(60)}`)
    expect(await figures(phone)).toMatchObject({ encoding: 'ucs2', parts: 2 })
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    await phone.screenshot({ path: join(SHOTS, 'preview-9-phone.png'), fullPage: true })
    await phone.close()
  })

  it('asked the server for the page alone (no script, style or other request at runtime), and threw nothing', () => {
    expect(errors).toEqual([])
    expect(requested.length).toBeGreaterThan(0)
    expect(new Set(requested)).toEqual(new Set([`${origin}/`]))
  })

  it('works opened from file:// too', async () => {
    const local = await browser!.newPage()
    await local.goto(pathToFileURL(join(outDir, 'index.html')).href)
    await local.getByLabel('Message').fill('a'.repeat(161))
    expect(await figures(local)).toMatchObject({ encoding: 'gsm7', parts: 2, remaining: 145 })
    await local.close()
  })
})
