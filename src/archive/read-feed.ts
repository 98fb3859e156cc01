/**
 * The entries of an RSS 2.0 or Atom feed (Buttondown, Substack, Ghost and beehiiv publish one), each a
 * candidate issue: its title, link, date and content. Content is HTML (RSS `content:encoded` or
 * `description`, Atom `html`/`xhtml`), or Markdown where a feed says so (`text/markdown`) or carries
 * Markdown links and no tags. Element names are compared as written (`content:encoded`), which both
 * the browser's XML parser and linkedom report the same way.
 */
export interface FeedEntry {
  title: string | null;
  link: string | null;
  date: string | null;
  content: { kind: 'html' | 'markdown'; text: string } | null;
}

export type FeedResult = { ok: true; entries: FeedEntry[] } | { ok: false; reason: string };

export function readFeed(document: Document): FeedResult {
  const root = document.documentElement;
  const rootName = root?.tagName.toLowerCase() ?? '';
  if (!root || rootName === 'parsererror' || document.getElementsByTagName('parsererror').length > 0) {
    return { ok: false, reason: 'not well-formed XML, so not readable as a feed' };
  }
  if (rootName === 'rss' || rootName === 'rdf:rdf') return { ok: true, entries: childrenNamed(root, 'item', true).map(readRssItem) };
  if (rootName === 'feed') return { ok: true, entries: childrenNamed(root, 'entry', false).map(readAtomEntry) };
  return { ok: false, reason: `an XML file whose root is <${root.tagName}>, not an RSS or Atom feed` };
}

function childrenNamed(parent: Element, name: string, deep: boolean): Element[] {
  if (deep) return Array.from(parent.getElementsByTagName(name));
  return Array.from(parent.children).filter((child) => child.tagName.toLowerCase() === name);
}

function child(parent: Element, ...names: string[]): Element | null {
  for (const name of names) {
    const found = Array.from(parent.children).find((element) => element.tagName.toLowerCase() === name);
    if (found) return found;
  }
  return null;
}

function textOf(element: Element | null): string | null {
  const text = element?.textContent?.trim();
  return text ? text : null;
}

function readRssItem(item: Element): FeedEntry {
  const html = textOf(child(item, 'content:encoded')) ?? textOf(child(item, 'description'));
  return {
    title: textOf(child(item, 'title')),
    link: textOf(child(item, 'link')) ?? permalinkGuid(item),
    date: textOf(child(item, 'pubdate', 'dc:date', 'published')),
    content: html === null ? null : { kind: looksLikeMarkdown(html) ? 'markdown' : 'html', text: html },
  };
}

function permalinkGuid(item: Element): string | null {
  const guid = child(item, 'guid');
  return guid !== null && guid.getAttribute('isPermaLink') !== 'false' ? textOf(guid) : null;
}

function readAtomEntry(entry: Element): FeedEntry {
  const links = Array.from(entry.children).filter((element) => element.tagName.toLowerCase() === 'link');
  const alternate = links.find((link) => (link.getAttribute('rel') ?? 'alternate') === 'alternate') ?? null;
  const title = child(entry, 'title');
  return {
    title: title === null ? null : atomText(title),
    link: alternate?.getAttribute('href')?.trim() || null,
    date: textOf(child(entry, 'published', 'updated', 'issued')),
    content: atomContent(child(entry, 'content') ?? child(entry, 'summary')),
  };
}

/** An Atom text construct as plain text (an `html` title is markup to strip). */
function atomText(element: Element): string | null {
  const text = textOf(element);
  if (text === null || element.getAttribute('type') !== 'html') return text;
  return text.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').trim() || null;
}

function atomContent(element: Element | null): FeedEntry['content'] {
  if (element === null) return null;
  const type = (element.getAttribute('type') ?? 'text').toLowerCase();
  if (type === 'xhtml') {
    const div = element.firstElementChild;
    const markup = (div?.tagName.toLowerCase() === 'div' ? div.innerHTML : element.innerHTML).trim();
    return markup === '' ? null : { kind: 'html', text: markup };
  }
  const text = textOf(element);
  if (text === null) return null;
  if (type === 'html' || type === 'text/html') return { kind: 'html', text };
  return { kind: type.includes('markdown') || looksLikeMarkdown(text) ? 'markdown' : 'html', text };
}

/** Markdown links and no HTML tags: a feed that carries its issues' Markdown source. */
function looksLikeMarkdown(text: string): boolean {
  return !/<[a-z][a-z0-9]*[\s/>]/i.test(text) && /\]\(https?:\/\//.test(text);
}
