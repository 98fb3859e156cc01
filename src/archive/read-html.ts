/**
 * An HTML issue (a web page, a saved email's HTML part, a feed entry's content) as the core's plain
 * blocks (core/archive-blocks.ts). Works on any DOM: the browser's own parser in an extension page,
 * linkedom in Node (node-markup.ts); it reads only the tree (tag names, attributes, text), never
 * layout, so both give the same blocks.
 *
 * Emails lay an issue out in tables and divs: containers are walked through, and a run of inline
 * content inside one becomes a paragraph. Site furniture (nav, header, footer, aside, forms) is left
 * out, and a page with a `<main>` or `<article>` is read from there, so menus never become items.
 */
import type { HtmlBlock, InlineNode } from '../core/archive-blocks.ts';

const SKIPPED = new Set(['script', 'style', 'template', 'noscript', 'head', 'svg', 'math', 'iframe', 'object', 'nav', 'header',
  'footer', 'aside', 'form', 'button', 'select', 'textarea', 'hr']);
const SKIPPED_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'complementary']);
const BLOCKS = new Set(['address', 'article', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hgroup', 'html', 'li', 'main', 'ol', 'p', 'pre', 'section',
  'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'caption']);
const CODE = new Set(['code', 'kbd', 'samp', 'tt']);

export interface HtmlPageFacts {
  title: string | null;
  date: string | null;
  url: string | null;
}

/** The blocks of the issue in `document`; relative links are resolved against `baseUrl` when one is known. */
export function readHtmlBlocks(document: Document, baseUrl: string | null): HtmlBlock[] {
  const base = document.querySelector('base[href]')?.getAttribute('href') ?? null;
  const root = document.querySelector('main') ?? onlyArticle(document) ?? document.body ?? document.documentElement;
  if (!root) return [];
  return blocksOf(root, resolverFor(base === null ? baseUrl : resolve(base, baseUrl) ?? baseUrl));
}

/** What the page says about itself: its title, date and address. */
export function readHtmlPageFacts(document: Document): HtmlPageFacts {
  const meta = (selector: string) => document.querySelector(selector)?.getAttribute('content')?.trim() || null;
  const title = meta('meta[property="og:title"]') ?? (document.querySelector('title')?.textContent?.replace(/\s+/g, ' ').trim() || null);
  const date = meta('meta[property="article:published_time"]') ?? meta('meta[name="date"]') ?? meta('meta[name="dcterms.date"]')
    ?? meta('meta[itemprop="datePublished"]') ?? (document.querySelector('time[datetime]')?.getAttribute('datetime')?.trim() || null);
  const url = document.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() || meta('meta[property="og:url"]');
  return { title, date, url: url !== null && /^https?:\/\//i.test(url) ? url : null };
}

function onlyArticle(document: Document): Element | null {
  const articles = document.querySelectorAll('article');
  return articles.length === 1 ? articles[0] ?? null : null;
}

type Resolve = (href: string) => string | null;

function resolverFor(base: string | null): Resolve {
  return (href) => resolve(href.trim(), base);
}

function resolve(href: string, base: string | null): string | null {
  try {
    return base === null ? new URL(href).href : new URL(href, base).href;
  } catch {
    return null;
  }
}

function tagOf(node: Node): string {
  return node.nodeType === 1 ? (node as Element).tagName.toLowerCase() : '';
}

function isSkipped(element: Element): boolean {
  return SKIPPED.has(tagOf(element)) || SKIPPED_ROLES.has(element.getAttribute('role') ?? '') || element.hasAttribute('hidden');
}

function blocksOf(parent: Node, resolveHref: Resolve): HtmlBlock[] {
  const blocks: HtmlBlock[] = [];
  let run: InlineNode[] = [];
  const flush = () => {
    if (run.some((node) => node.type !== 'break' && !(node.type === 'text' && node.text.trim() === ''))) blocks.push({ type: 'paragraph', content: run });
    run = [];
  };
  for (const node of Array.from(parent.childNodes)) {
    const tag = tagOf(node);
    if (node.nodeType === 3) {
      run.push({ type: 'text', text: node.textContent ?? '' });
      continue;
    }
    if (node.nodeType !== 1 || isSkipped(node as Element)) continue;
    if (!BLOCKS.has(tag)) {
      run.push(...inlineOfNode(node, resolveHref, false));
      continue;
    }
    flush();
    const element = node as Element;
    if (/^h[1-6]$/.test(tag)) blocks.push({ type: 'heading', level: Number(tag.slice(1)), content: inlineOf(element, resolveHref) });
    else if (tag === 'p') blocks.push({ type: 'paragraph', content: inlineOf(element, resolveHref) });
    else if (tag === 'blockquote') blocks.push({ type: 'quote', blocks: blocksOf(element, resolveHref) });
    else if (tag === 'ul' || tag === 'ol') {
      const items = Array.from(element.children).filter((child) => tagOf(child) === 'li').map((li) => blocksOf(li, resolveHref));
      blocks.push({ type: 'list', ordered: tag === 'ol', items });
    } else if (tag === 'pre') blocks.push({ type: 'other', text: element.textContent ?? '' });
    else blocks.push(...blocksOf(element, resolveHref));
  }
  flush();
  return blocks;
}

function inlineOf(parent: Node, resolveHref: Resolve): InlineNode[] {
  return Array.from(parent.childNodes).flatMap((node, index) => inlineOfNode(node, resolveHref, index > 0));
}

function inlineOfNode(node: Node, resolveHref: Resolve, afterContent: boolean): InlineNode[] {
  if (node.nodeType === 3) return [{ type: 'text', text: node.textContent ?? '' }];
  if (node.nodeType !== 1) return [];
  const element = node as Element;
  const tag = tagOf(element);
  if (isSkipped(element)) return [];
  if (tag === 'br') return [{ type: 'break' }];
  if (CODE.has(tag)) return [{ type: 'code', text: element.textContent ?? '' }];
  if (tag === 'strong' || tag === 'b') return [{ type: 'strong', children: inlineOf(element, resolveHref) }];
  if (tag === 'em' || tag === 'i') return [{ type: 'em', children: inlineOf(element, resolveHref) }];
  if (tag === 'a' && element.hasAttribute('href')) {
    const href = resolveHref(element.getAttribute('href') ?? '');
    const children = inlineOf(element, resolveHref);
    return href === null ? children : [{ type: 'link', href, children }];
  }
  if (tag === 'img') {
    const alt = element.getAttribute('alt')?.trim();
    return alt ? [{ type: 'text', text: alt }] : [];
  }
  // A block inside inline content (a div in a link, as emails do) reads as text on its own line.
  return [...(BLOCKS.has(tag) && afterContent ? [{ type: 'break' as const }] : []), ...inlineOf(element, resolveHref)];
}
