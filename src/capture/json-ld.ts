/**
 * The facts Roundup wants from a page's JSON-LD (schema.org) blocks. Pages nest their nodes in
 * arrays and `@graph`s, give a node several types, point at other nodes by `@id`, and ship JSON that
 * does not parse: every shape is accepted and nothing here throws.
 */
export interface JsonLdFacts {
  /** The schema.org type of the node the page is about (the article, the video...), if any. */
  mainType: string | null;
  headline: string | null;
  description: string | null;
  authors: string[];
  datePublished: string | null;
  publisher: string | null;
  image: string | null;
  language: string | null;
}

type Node = Record<string, unknown>;

// A script larger than this is a data dump (a whole product catalogue), not page metadata.
const MAX_SCRIPT_CHARS = 500_000;
const MAX_SCRIPTS = 40;
const MAX_NODES = 500;

const EMPTY: JsonLdFacts = {
  mainType: null, headline: null, description: null, authors: [], datePublished: null,
  publisher: null, image: null, language: null,
};

export function readJsonLd(scripts: Element[]): JsonLdFacts {
  const nodes = collectNodes(scripts);
  if (nodes.length === 0) return EMPTY;
  const byId = new Map<string, Node>();
  for (const node of nodes) if (typeof node['@id'] === 'string') byId.set(node['@id'], node);
  const resolve = (value: unknown): unknown => {
    if (isNode(value) && typeof value['@id'] === 'string' && Object.keys(value).length === 1) {
      return byId.get(value['@id']) ?? value;
    }
    return value;
  };

  const main = pickMainNode(nodes);
  const website = nodes.find((node) => typesOf(node).includes('WebSite'));
  const publisher = main ? nameOf(resolve(main['publisher'])) : null;
  return {
    mainType: main ? (typesOf(main)[0] ?? null) : null,
    headline: main ? firstString(main['headline']) ?? firstString(main['name']) : null,
    description: main ? firstString(main['description']) : null,
    authors: main ? namesOf(main['author'] ?? main['creator'], resolve) : [],
    datePublished: main ? firstString(main['datePublished']) ?? firstString(main['uploadDate']) ?? firstString(main['dateCreated']) : null,
    publisher: publisher ?? (website ? firstString(website['name']) : null),
    image: main ? urlOf(main['image']) ?? urlOf(main['thumbnailUrl']) : null,
    language: languageOf(main?.['inLanguage']) ?? languageOf(website?.['inLanguage']),
  };
}

function collectNodes(scripts: Element[]): Node[] {
  const nodes: Node[] = [];
  for (const script of scripts.slice(0, MAX_SCRIPTS)) {
    const text = script.textContent ?? '';
    if (text.length > MAX_SCRIPT_CHARS) continue;
    const data = parseLenient(text);
    if (data !== undefined) gather(data, nodes, 0);
  }
  return nodes;
}

// Wrappers that old templates put around a script's text: an HTML comment, a CDATA section
// (Drupal writes a bare `<![CDATA[`), either behind a `//`.
const WRAPPER_START = /^(?:\/\/\s*)?(?:<!--|<!\[CDATA\[)\s*/;
const WRAPPER_END = /\s*(?:\/\/\s*)?(?:-->|\]\]>)$/;

/** JSON.parse, retried once without the raw control characters (newlines in strings) CMSs emit. */
function parseLenient(text: string): unknown {
  let body = text.trim();
  for (let layer = 0; layer < 2; layer += 1) body = body.replace(WRAPPER_START, '').replace(WRAPPER_END, '');
  try {
    return JSON.parse(body);
  } catch {
    try {
      // eslint-disable-next-line no-control-regex -- raw control characters are exactly what breaks JSON.parse here
      return JSON.parse(body.replace(/[\u0000-\u001F]+/g, ' '));
    } catch {
      return undefined;
    }
  }
}

function gather(value: unknown, into: Node[], depth: number): void {
  if (depth > 4 || into.length >= MAX_NODES) return;
  if (Array.isArray(value)) {
    for (const entry of value) gather(entry, into, depth + 1);
    return;
  }
  if (!isNode(value)) return;
  if (value['@type'] !== undefined) into.push(value);
  if (value['@graph'] !== undefined) gather(value['@graph'], into, depth + 1);
  // A WebPage often carries the article as its mainEntity.
  if (isNode(value['mainEntity'])) gather(value['mainEntity'], into, depth + 1);
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `@type` as a list of bare names: `"schema:NewsArticle"` and `["Article", "NewsArticle"]` both work. */
export function typesOf(node: Node): string[] {
  const raw = node['@type'];
  const list = Array.isArray(raw) ? raw : [raw];
  return list.filter((type): type is string => typeof type === 'string')
    .map((type) => type.replace(/^.*[/:#]/, ''));
}

const MEDIA_TYPES = new Set(['VideoObject', 'PodcastEpisode', 'Episode', 'Clip', 'Movie', 'AudioObject', 'TVEpisode']);
const WORK_TYPES = new Set(['Report', 'Review', 'Recipe', 'HowTo', 'Product', 'Event', 'Course', 'Book', 'Dataset',
  'SoftwareSourceCode', 'SoftwareApplication', 'CreativeWork', 'QAPage', 'Question']);

function rank(node: Node): number {
  const types = typesOf(node);
  if (types.some((type) => /(Article|Posting)$/.test(type))) return 4;
  if (types.some((type) => MEDIA_TYPES.has(type))) return 3;
  if (types.some((type) => WORK_TYPES.has(type))) return 2;
  if (types.some((type) => /Page$/.test(type))) return 1;
  return 0;
}

function pickMainNode(nodes: Node[]): Node | null {
  let best: Node | null = null;
  let bestRank = 0;
  for (const node of nodes) {
    const nodeRank = rank(node);
    if (nodeRank > bestRank) {
      best = node;
      bestRank = nodeRank;
    }
  }
  return best;
}

function firstString(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    for (const entry of value) {
      const text = firstString(entry);
      if (text) return text;
    }
  }
  if (isNode(value) && typeof value['@value'] === 'string') return value['@value'].trim() || null;
  return null;
}

function nameOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) return value.length > 0 ? nameOf(value[0]) : null;
  if (isNode(value)) return firstString(value['name']) ?? firstString(value['legalName']);
  return null;
}

function namesOf(value: unknown, resolve: (value: unknown) => unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const names: string[] = [];
  for (const entry of list.slice(0, 50)) {
    const name = nameOf(resolve(entry));
    if (name) names.push(name);
  }
  return names;
}

function urlOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) {
    for (const entry of value) {
      const url = urlOf(entry);
      if (url) return url;
    }
    return null;
  }
  if (isNode(value)) return firstString(value['url']) ?? firstString(value['contentUrl']);
  return null;
}

function languageOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (isNode(value)) return firstString(value['alternateName']) ?? firstString(value['name']);
  return null;
}
