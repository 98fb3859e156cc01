import { describe, expect, it } from 'vitest';
import { capturePage, html } from './test-page.ts';

const titleOf = (head: string, body = '', url?: string) => capturePage(html(head, body), url ? { url } : {}).title;

describe('title', () => {
  it.each([
    ['" | Site"', 'Big News Today | The Daily Planet'],
    ['" - Site"', 'Big News Today - The Daily Planet'],
    ['" — Site"', 'Big News Today — The Daily Planet'],
    ['" · Site"', 'Big News Today · The Daily Planet'],
    ['"Site: " in front', 'The Daily Planet: Big News Today'],
    ['"Site | " in front', 'The Daily Planet | Big News Today'],
  ])('strips the site name in %s when og:site_name names it', (_name, title) => {
    expect(titleOf(`<title>${title}</title><meta property="og:site_name" content="The Daily Planet">`)).toBe('Big News Today');
  });

  it('strips a site suffix that spells the host', () => {
    expect(titleOf('<title>Big News Today | TechCrunch</title>', '', 'https://techcrunch.com/2024/01/01/big-news/')).toBe('Big News Today');
    expect(titleOf('<title>Big News Today - Golem.de</title>', '', 'https://www.golem.de/news/1.html')).toBe('Big News Today');
  });

  it('strips a site name with generic words around it, but not a headline that mentions the site', () => {
    const site = '<meta property="og:site_name" content="BBC">';
    expect(titleOf(`<title>Big News Today - BBC News</title>${site}`)).toBe('Big News Today');
    expect(titleOf(`<title>Inside the BBC newsroom - BBC News</title>${site}`)).toBe('Inside the BBC newsroom');
  });

  it('keeps an unknown suffix when nothing says it is the site', () => {
    expect(titleOf('<title>Friday Facts #282 - 0.17 in sight</title>')).toBe('Friday Facts #282 - 0.17 in sight');
  });

  it('strips a short label after a pipe when no heading confirms the title', () => {
    expect(titleOf('<title>A Sample Article | Hacker News</title>')).toBe('A Sample Article');
    expect(titleOf('<title>Getting your code covered | Code | Jane Doe</title><meta name="author" content="Jane Doe">'))
      .toBe('Getting your code covered');
  });

  it('keeps a pipe segment that is not a short label', () => {
    expect(titleOf('<title>Episode 12 | The Big Interview</title>')).toBe('Episode 12 | The Big Interview');
    expect(titleOf('<title>Rust in production | Why we moved our backend off Go.</title>')).toBe('Rust in production | Why we moved our backend off Go.');
  });

  it("strips a segment that names the site's domain", () => {
    expect(titleOf('<title>The Shorter Discourse – sutta on dhammatalks.org</title>', '', 'https://www.dhammatalks.org/suttas/MN/MN37.html'))
      .toBe('The Shorter Discourse');
    expect(titleOf('<title>Why I left medium.com – Notes</title>', '', 'https://medium.com/@me/why')).toBe('Why I left medium.com – Notes');
  });

  it('strips a one-letter site name when the whole segment spells it', () => {
    expect(titleOf('<title>Heinrich on X: "obsidian + claude code 101" / X</title>', '', 'https://x.com/heinrich/status/1'))
      .toBe('Heinrich on X: "obsidian + claude code 101"');
    expect(titleOf('<title>Plan for the week / X</title><meta property="og:site_name" content="X (formerly Twitter)">'))
      .toBe('Plan for the week');
  });

  it('takes the visible <h1> when a title tag spells it with a site name around it', () => {
    expect(titleOf('<title>Blog Post Title - Company Blog</title>', '<h1>Blog Post Title</h1>')).toBe('Blog Post Title');
  });

  it('takes the visible <h1> over a section label in front', () => {
    expect(titleOf('<meta property="og:title" content="Wahl: Die Ergebnisse im Überblick">', '<h1>Die Ergebnisse im Überblick</h1>'))
      .toBe('Die Ergebnisse im Überblick');
  });

  it('takes the visible headline when <title> backs it against a social variant', () => {
    const head = '<meta property="og:title" content="Seven secrets hotel owners hide"><title>The seven secrets that hotel owners don\'t want you to know | The Independent</title>';
    expect(titleOf(head, "<h1>The seven secrets that hotel owners don't want you to know</h1>"))
      .toBe("The seven secrets that hotel owners don't want you to know");
  });

  it('does not take a blog-name <h1> over the post title', () => {
    const head = '<meta property="og:title" content="A good enough map"><title>Bits or pieces?: A good enough map</title>';
    expect(titleOf(head, '<h1>Bits or pieces?</h1>')).toBe('A good enough map');
  });

  it('ignores hidden headings and site-name headings', () => {
    const head = '<meta property="og:site_name" content="Engadget"><title>Real headline | Engadget</title>';
    expect(titleOf(head, '<h1>Engadget</h1><h1 hidden>Real headline</h1>')).toBe('Real headline');
  });

  it('completes a truncated og:title from the heading', () => {
    const head = '<meta property="og:title" content="A very long headline that the site cut…">';
    expect(titleOf(head, '<h1>A very long headline that the site cut short for social cards</h1>'))
      .toBe('A very long headline that the site cut short for social cards');
  });

  it('prefers the typographic spelling of the same headline', () => {
    expect(titleOf('<meta property="og:title" content="Don\'t panic">', '<h1>Don’t panic</h1>')).toBe('Don’t panic');
  });

  it('drops an unread counter and template leftovers', () => {
    expect(titleOf('<title>(4) Inbox zero, at last</title>')).toBe('Inbox zero, at last');
    expect(titleOf('<meta property="og:title" content="{{page.title}}"><title>Real title</title>')).toBe('Real title');
  });

  it('works with only a <title>, only JSON-LD, or only a heading', () => {
    expect(titleOf('<title>  Just   a title </title>')).toBe('Just a title');
    expect(titleOf('<script type="application/ld+json">{"@type":"Article","headline":"From JSON-LD"}</script>')).toBe('From JSON-LD');
    expect(titleOf('', '<h1>Only a heading</h1>')).toBe('Only a heading');
  });

  it('decodes double-encoded entities', () => {
    expect(titleOf('<meta property="og:title" content="Salt &amp;amp; Pepper">')).toBe('Salt & Pepper');
  });

  it('strips the author of a personal site', () => {
    expect(titleOf('<title>On writing | Jane Doe</title><meta name="author" content="Jane Doe">')).toBe('On writing');
  });

  it("strips the repository from a code host's issue title", () => {
    expect(titleOf('<title>Crash on start · Issue #56 · owner/tool</title>', '', 'https://github.com/owner/tool/issues/56'))
      .toBe('Crash on start · Issue #56');
  });

  it('uses citation_title for papers and owner/name for repositories', () => {
    expect(titleOf('<meta name="citation_title" content="Attention Is All You Need"><title>[1706.03762] Attention Is All You Need</title>'))
      .toBe('Attention Is All You Need');
    expect(titleOf('<meta property="og:title" content="GitHub - owner/tool: A tool">', '', 'https://github.com/owner/tool')).toBe('owner/tool');
  });

  it('ignores the <title> of an inline SVG', () => {
    expect(titleOf('', '<svg><title>Icon</title></svg><h1>Headline</h1>')).toBe('Headline');
  });
});
