import { describe, expect, it } from 'vitest';
import type { ArchivedIssue } from '../core/archive-issue.ts';
import type { ArchivePlan } from '../core/archive-plan.ts';
import { readArchiveFiles, type ArchiveFormat } from './archive-files.ts';
import { nodeMarkupParsers } from './node-markup.ts';

const encoder = new TextEncoder();

function read(files: Record<string, string | Uint8Array>, format: ArchiveFormat = 'auto'): Promise<ArchivePlan> {
  return readArchiveFiles(Object.entries(files).map(([path, content]) => ({
    path, bytes: typeof content === 'string' ? encoder.encode(content) : content,
  })), nodeMarkupParsers, format);
}

function outline(issue: ArchivedIssue | undefined): string[] {
  return (issue?.sections ?? []).flatMap((section) => section.items.map((item) =>
    `${section.name}: ${item.title} | ${item.url} | ${item.summary} | ${item.authors.join(';')}`));
}

const issuePage = `<!doctype html><html><head><meta charset="utf-8"><title>The Weekly — Issue #12</title>
<meta property="article:published_time" content="2024-03-07T09:00:00Z"><link rel="canonical" href="https://weekly.example/issues/12/">
</head><body><header><nav><ul><li><a href="/">Home</a></li><li><a href="https://weekly.example/about">About</a></li></ul></nav></header>
<main><h1>Issue #12</h1><p>Hello, <a href="https://weekly.example/subscribe">subscribe</a>.</p>
<h2>Industry</h2><ul>
<li><a href="https://a.example/launch">A <code>cargo</code> launch</a> by Ada<blockquote><p>The company shipped <em>it</em>.</p></blockquote></li>
<li><a href="/issues/11">Last week's <b>big</b> story</a></li></ul>
<h2>Papers</h2><h3><a href="https://arxiv.org/abs/2301.00001">Attention, again</a></h3><p>We find that 2*3*4 = 24.</p>
<p>Until next week.</p></main><footer><ul><li><a href="https://social.example/weekly">Mastodon</a></li></ul></footer></body></html>`;

describe('readArchiveFiles: HTML pages', () => {
  it('reads sections, items and summaries from the page’s main part, leaving menus and footers out', async () => {
    const plan = await read({ 'site/issues/12.html': issuePage });
    const [issue] = plan.issues;
    expect(outline(issue)).toEqual([
      'Industry: A `cargo` launch | https://a.example/launch | The company shipped *it*. | Ada',
      "Industry: Last week's **big** story | https://weekly.example/issues/11 |  | ",
      'Papers: Attention, again | https://arxiv.org/abs/2301.00001 | We find that 2\\*3\\*4 = 24. | ',
    ]);
    expect([issue?.number, issue?.title, issue?.publishedAt, issue?.intro, issue?.outro]).toEqual([
      12, 'The Weekly — Issue #12', '2024-03-07T09:00:00.000Z', 'Hello, [subscribe](https://weekly.example/subscribe).', 'Until next week.']);
  });

  it('reads a page in windows-1252 as its meta tag says', async () => {
    const page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><title>Issue 3</title></head>'
      + '<body><ul><li><a href="https://a.example/q">\u201cQuoted\u201d caf\u00e9</a></li></ul></body></html>';
    const bytes = Uint8Array.from(page, (char) => ({ '\u201c': 0x93, '\u201d': 0x94 } as Record<string, number>)[char] ?? char.charCodeAt(0));
    const plan = await read({ 'issue-3.htm': bytes });
    expect(outline(plan.issues[0])).toEqual([': \u201cQuoted\u201d caf\u00e9 | https://a.example/q |  | ']);
  });

  it('reads the paragraph layout of emails: a bold link on its own line, the summary below', async () => {
    const email = '<html><body><h1>Issue 45</h1><p>Hello <a href="https://w.example/web">on the web</a>.</p><h2>Reads</h2>'
      + '<p><strong><a href="https://a.example/r">A read</a></strong><br>Why it matters.</p>'
      + '<p><a href="https://a.example/s">Another</a> (video)<br>Watch it.</p><p>Thanks for reading.</p></body></html>';
    const [issue] = (await read({ 'issue.html': email })).issues;
    expect([issue?.intro, outline(issue), issue?.outro]).toEqual(['Hello [on the web](https://w.example/web).', [
      'Reads: A read | https://a.example/r | Why it matters. | ', 'Reads: Another (video) | https://a.example/s | Watch it. | '], 'Thanks for reading.']);
  });

  it('lays out an email’s tables as blocks', async () => {
    const email = '<html><body><table><tr><td><h1>Weekly 44</h1></td></tr><tr><td><h2>Links</h2>'
      + '<ul><li><a href="https://a.example/x">X</a><br>Why it matters.</li></ul></td></tr></table></body></html>';
    expect(outline((await read({ 'weekly.html': email })).issues[0])).toEqual(['Links: X | https://a.example/x | Why it matters. | ']);
  });
});

const savedEmail = [
  'From: The Weekly <ed@weekly.example>', 'To: reader@example.com', 'Subject: =?utf-8?q?Issue_#42:_Caf=C3=A9_edition?=',
  'Date: Thu, 05 May 2016 10:00:00 +0200', 'MIME-Version: 1.0', 'Content-Type: multipart/alternative; boundary="b1"', '',
  '--b1', 'Content-Type: text/plain; charset=utf-8', '', 'Plain version.', '--b1',
  'Content-Type: text/html; charset=iso-8859-1', 'Content-Transfer-Encoding: quoted-printable', '',
  '<h2>News</h2><ul><li><a href=3D"https://a.example/caf=E9">Caf=E9 opens</a> by Jos=E9<p>A =',
  'long summary.</p></li></ul>', '--b1--', '',
].join('\r\n');

describe('readArchiveFiles: saved emails', () => {
  it('reads the HTML part, its charset and transfer encoding, the subject and the date', async () => {
    const [issue] = (await read({ 'mail/issue.eml': savedEmail })).issues;
    expect([issue?.number, issue?.title, issue?.publishedAt]).toEqual([42, 'Issue #42: Café edition', '2016-05-05T08:00:00.000Z']);
    expect(outline(issue)).toEqual(['News: Café opens | https://a.example/caf%C3%A9 | A long summary. | José']);
  });

  it('recognizes an email by its headers when --format html is given', async () => {
    expect((await read({ 'mail/issue.txt': savedEmail }, 'html')).issues.map((issue) => issue.number)).toEqual([42]);
  });
});

const buttondownRss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>The Weekly</title><link>https://buttondown.example/weekly</link>
<item><title>Issue #7: Spring</title><link>https://buttondown.example/weekly/archive/issue-7-spring/</link>
<pubDate>Tue, 02 Apr 2024 14:00:00 +0000</pubDate>
<description>&lt;p&gt;Hi all.&lt;/p&gt;&lt;h2&gt;Reading&lt;/h2&gt;&lt;ul&gt;&lt;li&gt;&lt;a href="https://a.example/1"&gt;One &amp;amp; two&lt;/a&gt; &amp;mdash; a note&lt;/li&gt;&lt;/ul&gt;</description></item>
<item><title>A note from the editor</title><link>https://buttondown.example/weekly/archive/a-note/</link><description>&lt;p&gt;We are taking a week off.&lt;/p&gt;</description></item>
</channel></rss>`;

const substackRss = `<?xml version="1.0" encoding="UTF-8"?>
<rss xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0"><channel><title>Weekly</title>
<item><title><![CDATA[Weekly 101]]></title><link>https://weekly.substack.example/p/weekly-101</link><dc:creator><![CDATA[Ed]]></dc:creator>
<pubDate>Sun, 07 Jan 2024 12:00:00 GMT</pubDate><description><![CDATA[The week in links]]></description>
<content:encoded><![CDATA[<p>Intro <a href="https://weekly.substack.example/subscribe">subscribe</a></p><h3>Tools</h3><ul><li><p><a href="https://b.example/tool">A tool</a></p><p>Does things.</p></li></ul>]]></content:encoded></item>
</channel></rss>`;

const ghostRss = `<?xml version="1.0" encoding="UTF-8"?><rss xmlns:content="http://purl.org/rss/1.0/modules/content/" version="2.0"><channel>
<item><title><![CDATA[Edition 3]]></title><link>https://ghost.example/edition-3/</link><guid isPermaLink="false">6650</guid>
<pubDate>Mon, 01 Jul 2024 08:00:00 GMT</pubDate><content:encoded><![CDATA[<h2 id="links">Links</h2><h3 id="a"><a href="https://c.example/a">Ghost item</a></h3><p>Its summary.</p>]]></content:encoded></item>
</channel></rss>`;

const beehiivRss = `<?xml version="1.0" encoding="UTF-8"?><rss xmlns:content="http://purl.org/rss/1.0/modules/content/" version="2.0"><channel>
<item><title>The Brief — No. 88</title><link>https://brief.beehiiv.example/p/the-brief-no-88</link><pubDate>Fri, 05 Jul 2024 11:00:00 +0000</pubDate>
<content:encoded><![CDATA[<div class="beehiiv"><table><tr><td><h2>Top stories</h2></td></tr><tr><td><ol><li><p><a href="https://d.example/1?utm_source=brief">First</a></p></li><li><p><a href="/p/older">Second</a></p></li></ol></td></tr></table></div>]]></content:encoded></item>
</channel></rss>`;

const atomFeed = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Haskell Weekly</title>
<entry><title>Issue 538</title><link rel="alternate" href="https://hw.example/newsletter/issues/538.html"/><published>2026-08-20T12:00:00Z</published>
<content type="html">&lt;h2&gt;Featured&lt;/h2&gt;&lt;ul&gt;&lt;li&gt;&lt;a href="https://e.example/hasql"&gt;Hasql v2&lt;/a&gt; by Nikita&lt;blockquote&gt;Hasql v2 is here!&lt;/blockquote&gt;&lt;/li&gt;&lt;/ul&gt;</content></entry>
<entry><title type="html">Issue &lt;b&gt;537&lt;/b&gt;</title><link href="https://hw.example/newsletter/issues/537.html"/><updated>2026-08-13T12:00:00Z</updated>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><h2>In brief</h2><ul><li><a href="https://e.example/ychr">ychr</a></li></ul></div></content></entry>
<entry><title>Issue 536</title><link href="https://hw.example/newsletter/issues/536.html"/><updated>2026-08-06T12:00:00Z</updated>
<content type="text">## Featured

- [Markdown entry](https://e.example/md) by Someone
  &gt; Kept as written, with \`code\`.</content></entry>
</feed>`;

describe('readArchiveFiles: feeds, each entry an issue', () => {
  it('reads a Buttondown-like RSS feed (entity-escaped HTML), reporting the entry that is not an issue', async () => {
    const plan = await read({ 'buttondown.xml': buttondownRss });
    expect(plan.issues.map((issue) => [issue.number, issue.title, issue.publishedAt, issue.intro])).toEqual([[7, 'Issue #7: Spring', '2024-04-02T14:00:00.000Z', 'Hi all.']]);
    expect(outline(plan.issues[0])).toEqual(['Reading: One & two — a note | https://a.example/1 |  | ']);
    expect(plan.unreadable).toEqual([{ source: 'buttondown.xml › entry 2 ("A note from the editor")', reason: 'not an issue: no list item or heading starts with a web link' }]);
  });

  it('reads a Substack-like feed (content:encoded in CDATA)', async () => {
    const [issue] = (await read({ 'substack.rss': substackRss })).issues;
    expect([issue?.number, issue?.intro, outline(issue)]).toEqual([101, 'Intro [subscribe](https://weekly.substack.example/subscribe)', ['Tools: A tool | https://b.example/tool | Does things. | ']]);
  });

  it('reads a Ghost-like feed (heading links)', async () => {
    const [issue] = (await read({ 'ghost.xml': ghostRss })).issues;
    expect([issue?.number, outline(issue)]).toEqual([3, ['Links: Ghost item | https://c.example/a | Its summary. | ']]);
  });

  it('reads a beehiiv-like feed (tables, ordered lists, links relative to the entry)', async () => {
    const [issue] = (await read({ 'beehiiv.xml': beehiivRss })).issues;
    expect([issue?.number, outline(issue)]).toEqual([88, [
      'Top stories: First | https://d.example/1?utm_source=brief |  | ', 'Top stories: Second | https://brief.beehiiv.example/p/older |  | ']]);
  });

  it('reads an Atom feed with html, xhtml and Markdown content', async () => {
    const plan = await read({ 'haskell-weekly.atom': atomFeed });
    expect(plan.issues.map((issue) => [issue.number, issue.title, issue.publishedAt, outline(issue)])).toEqual([
      [536, 'Issue 536', '2026-08-06T12:00:00.000Z', ['Featured: Markdown entry | https://e.example/md | Kept as written, with `code`. | Someone']],
      [537, 'Issue 537', '2026-08-13T12:00:00.000Z', ['In brief: ychr | https://e.example/ychr |  | ']],
      [538, 'Issue 538', '2026-08-20T12:00:00.000Z', ['Featured: Hasql v2 | https://e.example/hasql | Hasql v2 is here! | Nikita']],
    ]);
  });

  it.each([
    ['an entry without content (linkedom reads broken XML leniently)', '<?xml version="1.0"?><rss><channel><item><title>Issue 1</title></channel></rss>', 'a feed entry without content'],
    ["what a browser's XML parser makes of broken XML", '<?xml version="1.0"?><parsererror>line 1: mismatched tag</parsererror>', 'not well-formed XML'],
    ['another XML file', '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>', 'not an RSS or Atom feed'],
    ['a feed with no entries', '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>', 'a feed with no entries'],
  ])('reports %s', async (_name, xml, reason) => {
    const plan = await read({ 'feed.xml': xml });
    expect(plan.issues).toEqual([]);
    expect(plan.unreadable[0]?.reason).toContain(reason);
  });
});

describe('readArchiveFiles: a folder of files', () => {
  it('takes dates from a date list, reports what is not an issue, and keeps the first of two issues with one number', async () => {
    const plan = await read({
      'archive/issues.tsv': 'number\tdate\n1\t2016-05-05\n2\t2016-05-12\n',
      'archive/2016/issue-1.markdown': '- [A](https://a.example/1)\n',
      'archive/2016/issue-2.markdown': '- [B](https://a.example/2)\n',
      'archive/copy/issue-2.md': '- [B again](https://a.example/2)\n',
      'archive/README.md': '# Our archive\n\nSee [the site](https://a.example).\n',
      'archive/logo.png': Uint8Array.of(0x89, 0x50, 0x4e, 0x47),
      'archive/backup.json': '{"format": "roundup-backup"}',
      'archive/notes.csv': 'title,author\nx,y\n',
    });
    expect(plan.issues.map((issue) => [issue.number, issue.publishedAt, issue.source])).toEqual([
      [1, '2016-05-05T00:00:00.000Z', 'archive/2016/issue-1.markdown'], [2, '2016-05-12T00:00:00.000Z', 'archive/2016/issue-2.markdown']]);
    expect([plan.itemCount, plan.sectionCount]).toEqual([2, 2]);
    expect(plan.unreadable).toEqual([
      { source: 'archive/README.md', reason: 'not an issue: no list item or heading starts with a web link' },
      { source: 'archive/backup.json', reason: 'a JSON file, not an issue (a Roundup backup is loaded with “Import a file”, in the editor or on the options page)' },
      { source: 'archive/copy/issue-2.md', reason: 'issue #2 is also in archive/2016/issue-2.markdown; the first one read is kept' },
      { source: 'archive/logo.png', reason: 'not a Markdown, HTML, email or feed file' },
      { source: 'archive/notes.csv', reason: 'not a date list: its first line names no number and date columns' },
    ]);
  });

  it('reads a file as the --format says', async () => {
    const plan = await read({ 'issue-9.txt': '<ul><li><a href="https://a.example/x">X</a></li></ul>' }, 'html');
    expect(outline(plan.issues[0])).toEqual([': X | https://a.example/x |  | ']);
  });
});
