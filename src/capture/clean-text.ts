/**
 * Text hygiene for every value read from a page. Attribute values arrive decoded once by the HTML
 * parser, but many CMSs encode twice (`content="A &amp;amp; B"` reads as `A &amp; B`), so entities
 * left in the text are decoded again.
 */

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ',
  hellip: '…', mdash: '—', ndash: '–', minus: '−', bull: '•', middot: '·',
  lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„', laquo: '«', raquo: '»',
  lsaquo: '‹', rsaquo: '›', prime: '′', Prime: '″',
  copy: '©', reg: '®', trade: '™', deg: '°', times: '×', divide: '÷', plusmn: '±', para: '¶', sect: '§',
  euro: '€', pound: '£', yen: '¥', cent: '¢', shy: '',
  eacute: 'é', egrave: 'è', ecirc: 'ê', euml: 'ë', aacute: 'á', agrave: 'à', acirc: 'â', auml: 'ä', aring: 'å',
  iacute: 'í', igrave: 'ì', icirc: 'î', iuml: 'ï', oacute: 'ó', ograve: 'ò', ocirc: 'ô', ouml: 'ö', otilde: 'õ',
  uacute: 'ú', ugrave: 'ù', ucirc: 'û', uuml: 'ü', ntilde: 'ñ', ccedil: 'ç', szlig: 'ß', oslash: 'ø', aelig: 'æ',
  Eacute: 'É', Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü', Ntilde: 'Ñ', Ccedil: 'Ç',
  zwj: '', zwnj: '',
};

const ENTITY = /&(?:#(\d{1,10})|#[xX]([0-9a-fA-F]{1,8})|([A-Za-z][A-Za-z0-9]{1,8}));/g;

function decodeEntitiesOnce(text: string): string {
  return text.replace(ENTITY, (whole, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED_ENTITIES[name] ?? whole;
    const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16);
    // As in HTML: a reference to no character (0, a surrogate, beyond Unicode) reads as U+FFFD.
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\uFFFD';
  });
}

/** Decodes entities until none is left, up to three layers deep. */
export function decodeEntities(text: string): string {
  let current = text;
  for (let round = 0; round < 3 && current.includes('&'); round += 1) {
    const next = decodeEntitiesOnce(current);
    if (next === current) break;
    current = next;
  }
  return current;
}

// Zero-width characters and soft hyphens only break comparisons and copy-paste; bidi embeddings,
// overrides and isolates (U+202A–202E, U+2066–2069) let a page make `invoice\u202Efdp.exe` read as another name.
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF\u202A-\u202E\u2066-\u2069]/g;

/** One line of clean text: entities decoded, invisible characters gone, whitespace collapsed. */
export function cleanText(text: string | null | undefined): string {
  if (!text) return '';
  return decodeEntities(text).replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** Like cleanText, but keeps paragraph breaks (any blank line) as exactly one blank line. */
export function cleanParagraphs(text: string): string {
  return decodeEntities(text)
    .replace(INVISIBLE, '')
    .split(/\n[ \t\r\f\v\u00A0]*\n\s*/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph.length > 0)
    .join('\n\n');
}

const BLOCK_TAG = /<\/?(?:p|div|h[1-6]|li|ul|ol|section|blockquote|table|tr|br)\b[^<>]*>/gi;

/**
 * Text of an HTML fragment that arrived as a string (bioRxiv's `citation_abstract` holds
 * `<h3>ABSTRACT</h3><p>…<sup>1,2</sup></p>`): block tags become paragraph breaks, numeric citation
 * superscripts go, other tags are dropped. Never parsed as HTML, so nothing in it can run.
 */
export function htmlFragmentToText(html: string): string {
  const decoded = /&lt;\/?[a-z]/i.test(html) ? decodeEntities(html) : html;
  const text = decoded
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<sup\b[^>]*>\s*[\d,\s–-]*<\/sup>/gi, '')
    .replace(BLOCK_TAG, '\n\n')
    .replace(/<\/?[A-Za-z][^<>]*>/g, '');
  return cleanParagraphs(text);
}
