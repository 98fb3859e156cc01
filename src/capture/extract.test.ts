import { describe, expect, it } from 'vitest';
import { extractCapture } from './extract.ts';
import { parseHtmlDocument } from './node-document.ts';
import { capturePage, html } from './test-page.ts';

describe('extractCapture: URLs', () => {
  it('resolves a relative canonical URL and keys the item on it', () => {
    const capture = capturePage(html('<link rel="canonical" href="/story/42?utm_source=x">'), { url: 'https://www.example.com/story/42?ref=home#top' });
    expect(capture).toMatchObject({
      url: 'https://www.example.com/story/42?utm_source=x',
      canonicalUrl: 'https://www.example.com/story/42?utm_source=x',
      dedupeKey: 'https://example.com/story/42',
    });
  });

  it('resolves against <base href> and falls back to og:url', () => {
    const capture = capturePage(html('<base href="https://cdn.example.com/en/"><meta property="og:url" content="story">'), { url: 'https://example.com/x' });
    expect(capture.canonicalUrl).toBe('https://cdn.example.com/en/story');
  });

  it("ignores a canonical URL that sends an article to the site's home page", () => {
    const capture = capturePage(html('<link rel="canonical" href="https://example.com/">'), { url: 'https://example.com/story/42' });
    expect(capture).toMatchObject({ url: 'https://example.com/story/42', canonicalUrl: null });
  });

  it('uses the page URL when there is no canonical URL, and ignores non-web ones', () => {
    const capture = capturePage(html('<link rel="canonical" href="javascript:void(0)">'), { url: 'https://example.com/a' });
    expect(capture).toMatchObject({ url: 'https://example.com/a', canonicalUrl: null, dedupeKey: 'https://example.com/a' });
  });
});

describe('extractCapture: other fields', () => {
  it('reads site, image, date and language', () => {
    const head = `<meta property="og:site_name" content="The Paper"><meta property="og:image" content="/img/lead.jpg">
      <meta property="article:published_time" content="2024-05-01T08:00:00+02:00">`;
    expect(capturePage(html(head, '', 'fr'), { url: 'https://example.com/a/b' })).toMatchObject({
      site: 'The Paper', image: 'https://example.com/img/lead.jpg', publishedAt: '2024-05-01T08:00:00+02:00', language: 'fr',
    });
  });

  it('falls back to the URL for a page without any title', () => {
    expect(capturePage('<html><body><p>x</p></body></html>', { url: 'https://example.com/untitled' }).title).toBe('https://example.com/untitled');
  });

  it('falls back to the host for the site and to <time datetime> for the date', () => {
    expect(capturePage(html('', '<time datetime="2023-02-03">Feb 3</time>'), { url: 'https://www.blog.example.org/p' }))
      .toMatchObject({ site: 'blog.example.org', publishedAt: '2023-02-03' });
  });

  it('skips a logo as the image', () => {
    expect(capturePage(html('<meta property="og:image" content="https://example.com/static/site-logo.png"><meta name="twitter:image" content="https://example.com/photo.jpg">')).image)
      .toBe('https://example.com/photo.jpg');
  });

  it.each([
    ['og:type video', '<meta property="og:type" content="video.other">', 'https://example.com/v', 'video'],
    ['a JSON-LD VideoObject', '<script type="application/ld+json">{"@type":"VideoObject","name":"V"}</script>', 'https://example.com/v', 'video'],
    ['a YouTube watch page', '', 'https://www.youtube.com/watch?v=abc', 'video'],
    ['citation tags', '<meta name="citation_title" content="P">', 'https://example.com/p', 'paper'],
    ['a GitHub repository', '', 'https://github.com/owner/name', 'repo'],
    ['anything else', '<meta property="og:type" content="article">', 'https://example.com/a', 'article'],
    // defuddle/general--lesswrong.com-…: a blog post with the two Scholar tags a blog adds.
    ['a blog post with Scholar tags', '<meta property="og:type" content="article"><meta name="citation_title" content="Simulators"><meta name="citation_author" content="janus">', 'https://www.lesswrong.com/posts/x', 'article'],
    // trafilatura/acpjournals.org.3075: citation_journal_title and Dublin Core, no other Highwire tag.
    ['a journal page with citation_journal_title and dc.* tags', '<meta name="citation_journal_title" content="Annals of Internal Medicine"><meta name="dc.Title" content="The Effect of Influenza Vaccination for the Elderly"><meta name="dc.Type" content="research-article"><meta name="dc.Creator" content=" Carlos  Dobkin ">', 'https://www.acpjournals.org/doi/10.7326/M19-3075', 'paper'],
    ['a journal page with only Dublin Core', '<meta name="dc.Title" content="The Effect"><meta name="dc.Type" content="research-article"><meta name="dc.Creator" content="C. Dobkin">', 'https://example.com/doi/1', 'paper'],
    // metascraper/the-verge, metascraper/nbcnews: a NewsArticle with a VideoObject for its clip.
    ['a news article with a clip', '<script type="application/ld+json">[{"@type":"NewsArticle","headline":"H"},{"@type":"VideoObject","name":"Clip"}]</script>', 'https://example.com/a', 'article'],
    ['a news article with a clip and og:type video', '<meta property="og:type" content="video.other"><script type="application/ld+json">{"@type":"NewsArticle","headline":"H","video":{"@type":"VideoObject"}}</script>', 'https://example.com/a', 'article'],
  ])('tells %s apart', (_name, head, url, kind) => {
    expect(capturePage(html(head), { url }).kind).toBe(kind);
  });

  it("reads a repository's description without GitHub's boilerplate", () => {
    const head = `<meta property="og:title" content="GitHub - owner/tool: A fast tool.">
      <meta property="og:description" content="A fast tool for things. Contribute to owner/tool development by creating an account on GitHub.">`;
    expect(capturePage(html(head), { url: 'https://github.com/owner/tool' })).toMatchObject({
      title: 'owner/tool', summary: 'A fast tool for things.', kind: 'repo', summarySource: 'og',
    });
  });

  it('reads a page that only has JSON-LD', () => {
    const ld = JSON.stringify({ '@graph': [
      { '@type': 'WebSite', name: 'Site Name' },
      { '@type': ['NewsArticle'], headline: 'Only JSON-LD', description: 'A summary that lives only in the structured data of the page.', author: { name: 'Jane Doe' }, datePublished: '2024-01-02', image: 'https://example.com/i.jpg' },
    ] });
    expect(capturePage(html(`<script type="application/ld+json">${ld}</script>`))).toMatchObject({
      title: 'Only JSON-LD', summarySource: 'json-ld', site: 'Site Name', authors: ['Jane Doe'], publishedAt: '2024-01-02', image: 'https://example.com/i.jpg',
    });
  });

  it('reads a non-English page', () => {
    const head = '<meta property="og:title" content="Wahlergebnis: Alles Wichtige im Überblick – Golem.de"><meta property="og:locale" content="de_DE">';
    const capture = extractCapture(parseHtmlDocument(`<html><head>${head}</head><body><p>Die Wahl ist vorbei, und das Ergebnis ist klarer als erwartet, sagen Beobachter.</p></body></html>`),
      { url: 'https://www.golem.de/news/wahl.html' });
    expect(capture).toMatchObject({ title: 'Wahlergebnis: Alles Wichtige im Überblick', language: 'de-DE', summarySource: 'readability' });
  });
});

describe('extractCapture: safety', () => {
  it('never changes the document it reads', () => {
    const source = html('<title>T | Site</title><meta property="og:site_name" content="Site">',
      '<article><div>Text only in divs, so that Readability runs on this page, which rewrites the DOM it gets. '.repeat(5) + '</div></article>');
    const doc = parseHtmlDocument(source);
    const before = doc.documentElement.outerHTML;
    extractCapture(doc, { url: 'https://example.com/' });
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('returns on a 10 MB page', () => {
    const paragraph = '<div class="c"><p>Paragraph text with enough words to look like prose, repeated to make the page huge.</p><a href="/x">link</a><span>s</span></div>';
    const huge = html(`<title>Huge page</title><script type="application/ld+json">${JSON.stringify({ '@type': 'Article', headline: 'Huge page', padding: 'x'.repeat(2_000_000) })}</script>`,
      paragraph.repeat(Math.ceil(8_000_000 / paragraph.length)));
    expect(huge.length).toBeGreaterThan(10_000_000);
    const capture = extractCapture(parseHtmlDocument(huge), { url: 'https://example.com/huge' });
    expect(capture.title).toBe('Huge page');
    expect(capture.summary).toMatch(/^Paragraph text/);
  }, 120_000);
});
