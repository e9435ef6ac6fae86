/**
 * GSM-7 replacements for characters that would force a message into UCS-2, as checked data. Two kinds:
 * `typographic` keeps the meaning exactly (smart quotes, dashes, spaces, ellipsis, Greek capitals that look like
 * Latin ones); `lossy` changes the spelling (accents stripped, `ç` to `Ç`, `€` to `EUR`, which also frees a
 * message from the ISO-8859-1 limit of plain text).
 *
 * @since 0.1.0
 */
import type { Replacement } from './Charset.js'

const t = (text: string): Replacement => ({ text, kind: 'typographic' })
const l = (text: string): Replacement => ({ text, kind: 'lossy' })

// biome-ignore format: a table reads best as rows
const entries: ReadonlyArray<readonly [codePoint: number, replacement: Replacement]> = [
  // Quotes and primes: same meaning, one GSM character.
  [0x2018, t("'")], [0x2019, t("'")], [0x201a, t("'")], [0x201b, t("'")], [0x2032, t("'")], [0x00b4, t("'")],
  [0x0060, t("'")], [0x2039, t('<')], [0x203a, t('>')],
  [0x201c, t('"')], [0x201d, t('"')], [0x201e, t('"')], [0x201f, t('"')], [0x2033, t('"')], [0x00ab, t('"')],
  [0x00bb, t('"')],
  // Dashes and minus signs.
  [0x2010, t('-')], [0x2011, t('-')], [0x2012, t('-')], [0x2013, t('-')], [0x2014, t('-')], [0x2015, t('-')],
  [0x2212, t('-')], [0x00ad, t('')],
  // Ellipsis and bullets.
  [0x2026, t('...')], [0x2022, t('-')], [0x00b7, t('.')],
  // Spaces: NBSP is not GSM (0x1B is only the escape), nor are the typographic spaces or the tab.
  [0x00a0, t(' ')], [0x2000, t(' ')], [0x2001, t(' ')], [0x2002, t(' ')], [0x2003, t(' ')], [0x2004, t(' ')],
  [0x2005, t(' ')], [0x2006, t(' ')], [0x2007, t(' ')], [0x2008, t(' ')], [0x2009, t(' ')], [0x200a, t(' ')],
  [0x202f, t(' ')], [0x205f, t(' ')], [0x3000, t(' ')], [0x0009, t(' ')], [0x2028, t('\n')], [0x2029, t('\n')],
  // Invisible characters: removed.
  [0x200b, t('')], [0x200c, t('')], [0x200d, t('')], [0x2060, t('')], [0xfeff, t('')],
  // Greek capitals identical to Latin ones (only the other ten Greek capitals are GSM).
  [0x0391, t('A')], [0x0392, t('B')], [0x0395, t('E')], [0x0396, t('Z')], [0x0397, t('H')], [0x0399, t('I')],
  [0x039a, t('K')], [0x039c, t('M')], [0x039d, t('N')], [0x039f, t('O')], [0x03a1, t('P')], [0x03a4, t('T')],
  [0x03a5, t('Y')], [0x03a7, t('X')],
  // Lossy: the GSM alphabet has only the capital Ç, and no acute/circumflex/tilde on most vowels.
  [0x00e7, l('Ç')], [0x00e1, l('a')], [0x00e2, l('a')], [0x00e3, l('a')], [0x00c1, l('A')], [0x00c2, l('A')],
  [0x00c3, l('A')], [0x00c0, l('A')], [0x00ea, l('e')], [0x00eb, l('e')], [0x00c8, l('E')], [0x00ca, l('E')],
  [0x00cb, l('E')], [0x00ed, l('i')], [0x00ee, l('i')], [0x00ef, l('i')], [0x00cd, l('I')], [0x00cc, l('I')],
  [0x00ce, l('I')], [0x00cf, l('I')], [0x00f3, l('o')], [0x00f4, l('o')], [0x00f5, l('o')], [0x00d3, l('O')],
  [0x00d2, l('O')], [0x00d4, l('O')], [0x00d5, l('O')], [0x00fa, l('u')], [0x00fb, l('u')], [0x00da, l('U')],
  [0x00d9, l('U')], [0x00db, l('U')], [0x00fd, l('y')], [0x00ff, l('y')], [0x00dd, l('Y')], [0x0161, l('s')],
  [0x0160, l('S')], [0x017e, l('z')], [0x017d, l('Z')], [0x010d, l('c')], [0x010c, l('C')], [0x0107, l('c')],
  [0x0106, l('C')], [0x0142, l('l')], [0x0141, l('L')], [0x0151, l('ö')], [0x0150, l('Ö')], [0x0171, l('ü')],
  [0x0170, l('Ü')], [0x0153, l('oe')], [0x0152, l('OE')], [0x0159, l('r')], [0x0158, l('R')], [0x011b, l('e')],
  [0x011a, l('E')], [0x0144, l('n')], [0x0143, l('N')], [0x015b, l('s')], [0x015a, l('S')], [0x017a, l('z')],
  [0x017c, l('z')], [0x017b, l('Z')], [0x0105, l('a')], [0x0104, l('A')], [0x0119, l('e')], [0x0118, l('E')],
  [0x00f0, l('d')], [0x00fe, l('th')], [0x00de, l('TH')],
  // Signs.
  [0x20ac, l('EUR')], [0x2122, l('TM')], [0x00a9, l('(C)')], [0x00ae, l('(R)')], [0x00d7, l('x')],
]

/**
 * Replacement by Unicode code point.
 *
 * @example
 * import * as Replacements from './Replacements.js'
 * console.log(Replacements.table.get(0x2019)) // { text: "'", kind: 'typographic' }
 * @category data
 * @since 0.1.0
 */
export const table: ReadonlyMap<number, Replacement> = new Map(entries)
