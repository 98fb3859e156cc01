/**
 * The extension bundles Readability with its two HTML-parsing sinks patched out
 * (scripts/patch-library-html-sinks.ts). Evidence that the patch changes nothing: the patched source,
 * loaded here as the CommonJS module it is, extracts exactly what the original does from every page of
 * the shared corpus, on linkedom documents. Both patched paths run on part of the corpus (counted below),
 * so the comparison covers them.
 *
 * The documents get a browser's `createElement`, which lowercases the name in an HTML document (DOM
 * standard); linkedom's keeps `SPAN` as given. Readability renames <font> with `createElement('SPAN')`
 * before it caches the page; with linkedom's, the original's HTML round trip lowercases that name when it
 * restores the page and the cloned nodes keep it, so one page (readability/hukumusume) serialized `<SPAN>`
 * where the original wrote `<span>`, the same tree otherwise. In a browser there is no such difference.
 */
import { Readability } from '@mozilla/readability';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { DOMParser } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyLibraryPatch, findHtmlSinks, LIBRARY_PATCHES } from '../../scripts/patch-library-html-sinks.ts';
import { parseHtmlDocument } from '../../src/capture/node-document.ts';
import { listCorpusPages, readPageHtml } from './corpus.ts';

const require = createRequire(import.meta.url);
const ORIGINAL_SOURCE = readFileSync(require.resolve('@mozilla/readability/Readability.js'), 'utf8');
const PATCH = LIBRARY_PATCHES.find((patch) => patch.packageName === '@mozilla/readability');

type ReadabilityClass = typeof Readability;
type Article = NonNullable<ReturnType<InstanceType<ReadabilityClass>['parse']>>;

/** How often the patched code parsed a <noscript>'s HTML, i.e. ran the rewritten noscript path. */
let noscriptParses = 0;
class CountingDOMParser {
  parseFromString(markup: string, type: 'text/html') {
    noscriptParses++;
    return new DOMParser().parseFromString(markup, type);
  }
}

/** The patched module, given linkedom's DOMParser where a browser has its own. */
function loadPatchedReadability(): ReadabilityClass {
  if (!PATCH) throw new Error('no Readability patch in scripts/patch-library-html-sinks.ts');
  const module = { exports: {} as unknown };
  const factory = new Function('module', 'exports', 'require', 'DOMParser', applyLibraryPatch(PATCH, ORIGINAL_SOURCE));
  factory(module, module.exports, require, CountingDOMParser);
  return module.exports as ReadabilityClass;
}

interface Run {
  article: Article | null;
  /** Attempts that fell short of the length threshold, each followed by a restore of the page. */
  restores: number;
}

function parseLikeABrowser(html: string, url: string): Document {
  const doc = parseHtmlDocument(html, url);
  const createElement = doc.createElement.bind(doc);
  doc.createElement = ((name: string, options?: ElementCreationOptions) => createElement(name.toLowerCase(), options)) as Document['createElement'];
  return doc;
}

function extract(ReadabilityImplementation: ReadabilityClass, html: string, url: string): Run {
  const reader = new ReadabilityImplementation(parseLikeABrowser(html, url));
  const article = reader.parse();
  return { article, restores: (reader as unknown as { _attempts: unknown[] })._attempts.length };
}

interface Comparison {
  id: string;
  differences: string[];
  restores: number;
}

let comparisons: Comparison[] = [];
let noscriptPages = 0;

beforeAll(() => {
  const Patched = loadPatchedReadability();
  // The three corpora it was written against (436 pages); trafilatura's 423 would double its time in `npm test`.
  comparisons = listCorpusPages(['readability', 'metascraper', 'defuddle']).map((page) => {
    const html = readPageHtml(page);
    const original = extract(Readability, html, page.url);
    const parsesBefore = noscriptParses;
    const patched = extract(Patched, html, page.url);
    if (noscriptParses > parsesBefore) noscriptPages++;
    const fields = ['title', 'byline', 'excerpt', 'textContent', 'content', 'length', 'dir', 'lang', 'siteName', 'publishedTime'] as const;
    const differences = original.article === null || patched.article === null
      ? (original.article === patched.article ? [] : ['article'])
      : fields.filter((field) => original.article?.[field] !== patched.article?.[field]);
    if (original.restores !== patched.restores) differences.push('attempts');
    return { id: page.id, differences, restores: original.restores };
  });
}, 600_000);

describe('Readability with its HTML-parsing sinks patched out', () => {
  it('has no HTML-parsing sink left', () => {
    expect(findHtmlSinks(ORIGINAL_SOURCE)).toHaveLength(2);
    expect(findHtmlSinks(applyLibraryPatch(PATCH as NonNullable<typeof PATCH>, ORIGINAL_SOURCE))).toEqual([]);
  });

  it('extracts the same title, byline, excerpt, text and content HTML from every corpus page', () => {
    expect(comparisons.length).toBeGreaterThan(400);
    expect(comparisons.filter(({ differences }) => differences.length > 0)).toEqual([]);
  });

  it('exercises both patched paths on the corpus', () => {
    // When written: 436 pages, all identical; 136 restored the page at least once, 78 parsed a <noscript>.
    expect(comparisons.filter(({ restores }) => restores > 0).length).toBeGreaterThan(0);
    expect(noscriptPages).toBeGreaterThan(0);
  });
});
