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

  // Issue #16: each case is cut down from the shared corpus page named beside it.
  it.each([
    ['a kicker span inside the <h1> (trafilatura/0a12df42…, zeit.de)',
      '<meta property="og:title" content="Klimaschutz: Bohren, bis es heiß wird"><title>Klimaschutz: Bohren, bis es heiß wird | ZEIT ONLINE</title>',
      '<h1 class="article-heading"><span class="article-heading__kicker">Klimaschutz</span><span class="visually-hidden">: </span><span class="article-heading__title">Bohren, bis es heiß wird</span></h1>',
      'Bohren, bis es heiß wird', 'https://www.zeit.de/2019/43/klimaschutz-banken'],
    ['a "Dachzeile" inside the <h1> (trafilatura/tagesschau.de.rheinmetall)',
      '<meta property="og:title" content="Daten von Rheinmetall gehackt - Interne Unterlagen im Netz"><title>Interne Unterlagen im Netz: Daten von Rheinmetall gehackt | tagesschau.de</title>',
      '<h1><span class="dachzeile">Interne Unterlagen im Netz</span> <span class="headline">Daten von Rheinmetall gehackt</span></h1>',
      'Daten von Rheinmetall gehackt'],
    ["a forum's label inside the heading's link (trafilatura/villagersandheroes.com.forums.patchnotes)",
      '<meta property="og:title" content="Patch Notes - Patchnotes 4.47.4 - Tagundnachtgleiche Bugfix Build">',
      '<h1 class="p-title-value"><a href="/t/1"><span class="label label--blue">Patch Notes</span><span class="label-append">&#160;</span>Patchnotes 4.47.4 - Tagundnachtgleiche Bugfix Build</a></h1>',
      'Patchnotes 4.47.4 - Tagundnachtgleiche Bugfix Build'],
    ['a date in front (trafilatura/biathlon-antholz.it-jubeln)',
      '<meta property="og:title" content="23.01.2022 - Dorothea Wierer darf beim Antholz-Abschluss noch jubeln - Biathlon Antholz">',
      '<h1 class="t1"><h2 class="headline t1">23.01.2022 - Dorothea Wierer darf beim Antholz-Abschluss noch jubeln</h2></h1>',
      'Dorothea Wierer darf beim Antholz-Abschluss noch jubeln'],
    ['the visible headline over an SEO title (trafilatura/heizung.de.waermepumpen)',
      '<meta property="og:title" content="Wärmepumpe im Altbau - Wann es sich lohnt | heizung.de">', '<h1>Eignet sich eine Wärmepumpe im Altbau?</h1>',
      'Eignet sich eine Wärmepumpe im Altbau?'],
    ['the visible headline with what og:title leaves out (trafilatura/statisticsglobe.com.ggplot2)',
      '<meta property="og:title" content="Change Font Size of ggplot2 Plot in R | Axis Text, Main Title &amp; Legend"><meta property="og:site_name" content="Statistics Globe">',
      '<h1>Change Font Size of ggplot2 Plot in R (5 Examples) | Axis Text, Main Title &amp; Legend</h1>',
      'Change Font Size of ggplot2 Plot in R (5 Examples) | Axis Text, Main Title & Legend'],
    ['the visible headline over a marketing line (trafilatura/journelles.de.westwing)',
      '<meta property="og:title" content="Christmas Gift Guide | Journelles | Jetzt entdecken!"><meta property="og:site_name" content="Journelles">',
      '<h1>Mein cosy Home Gift Guide bei Westwing Collection</h1><h1>Das ist Liebe in deinem Posteingang: Unser Newsletter!</h1>',
      'Mein cosy Home Gift Guide bei Westwing Collection'],
    ['a <title> that is only "Home", even on a front page (trafilatura/prof-pc.de)', '<title>Home</title>', '<h1>Time to say goodbye.</h1>', 'Time to say goodbye.', 'https://prof-pc.de/'],
    ["a front page's own name (metascraper/learnnode)", '<meta property="og:title" content="Learn Node"><meta property="og:site_name" content="Learn Node"><title>Learn Node — The best way to learn Node.js, Express, MongoDB, and Friends</title>',
      '', 'Learn Node', 'https://learnnode.com/'],
    ['the visible headline over a composed <title> (trafilatura/gartenjournal.net-Zaubernuss)',
      '<title>Zaubernuss im Winter » Wann blüht die Hamamelis?</title>', '<h1>Wie pflege ich meine Zaubernuss im Winter?</h1>', 'Wie pflege ich meine Zaubernuss im Winter?'],
    ["a plain <title> over a heading that words it otherwise (defuddle/content-patterns--trailing-related-posts)",
      '<title>Coffee Cooling Article</title>', '<h1>How Coffee Cools</h1>', 'Coffee Cooling Article'],
    ['the headline in the <article>\'s <h2> when there is no <h1> (trafilatura/bibliothek2null.de.mai)',
      '<title>Alles Neue mach der Mai… | Bibliothek 2.0 und mehr</title>', '<article><h2><a href="/mai">Alles Neue mach der Mai…</a></h2><p>Text</p></article>',
      'Alles Neue mach der Mai…'],
    ['an episode number the heading shows too (trafilatura/ndr.de.podcastcoronavirus140)',
      '<meta property="og:title" content="(16) Coronavirus-Update: Brauchen Abkürzungen bei der Impfstoffzulassung ">',
      '<h1>(16) Coronavirus-Update: Brauchen Abkürzungen bei der Impfstoffzulassung</h1>',
      '(16) Coronavirus-Update: Brauchen Abkürzungen bei der Impfstoffzulassung'],
    ['an empty site name after a dash (trafilatura/st-georg.de-olympia)',
      '<meta property="og:title" content="Pferdesport definitiv bei Olympia 2028 dabei -"><meta property="og:site_name" content="St.GEORG">',
      '<h1>Pferdesport definitiv bei Olympia 2028 dabei</h1>', 'Pferdesport definitiv bei Olympia 2028 dabei'],
    ['a site name in the <h1> itself (trafilatura/umweltbundesamt.de-atomkraft)',
      '<meta property="og:title" content="EU-Taxonomie: Atomkraft und Erdgas sind nicht nachhaltig"><meta property="og:site_name" content="Umweltbundesamt">',
      '<h1>EU-Taxonomie: Atomkraft und Erdgas sind nicht nachhaltig | Umweltbundesamt</h1>', 'EU-Taxonomie: Atomkraft und Erdgas sind nicht nachhaltig'],
    ['a long label after a pipe (trafilatura/parcoabruzzo.it.58354)',
      "<meta property=\"og:title\" content=\"ORSO MARSICANO: 2019 UN ANNO DA RECORD | Parco Nazionale d'Abruzzo, Lazio e Molise\">",
      '<h1>ORSO MARSICANO: 2019 UN ANNO DA RECORD</h1>', 'ORSO MARSICANO: 2019 UN ANNO DA RECORD'],
    ["an author's name in front and the site behind (trafilatura/brandeins.de.wahresIch)",
      '<meta property="og:title" content="Rutger Bregman: Unser wahres Ich - brand eins online">', '<h1>Unser wahres Ich</h1>', 'Unser wahres Ich'],
    ['a subtitle and the domain behind (trafilatura/literaturkritik.de-Ann-Cotten)',
      '<title>Vom Boden aus gedacht - Ann Cotten verwebt in „Die Anleitungen der Vorfahren“ Lokales und Globales : literaturkritik.de</title>',
      '<h1>Vom Boden aus gedacht</h1>', 'Vom Boden aus gedacht', 'https://literaturkritik.de/cotten-anleitungen,28593.html'],
    ['a blog name that is also the <h1> (trafilatura/archive.org.dimido.de.marketing)',
      '<title>Was ist Virales Marketing? |  DimidoBlog</title>', '<h1>DimidoBlog</h1>', 'Was ist Virales Marketing?'],
  ])('takes %s', (_name, head, body, expected, url = 'https://example.org/2022/01/page') => {
    expect(titleOf(head, body, url)).toBe(expected);
  });

  it.each([
    ['"›" before the domain', '<title>Einladung zum Gemeindefest › evang.at</title>', 'https://evang.at/einladung/', 'Einladung zum Gemeindefest'],
    ['"»" chains', '<title>Disfunctions.de » Blog Archiv » Podcasts in Plex einbinden</title><meta property="og:site_name" content="Disfunctions.de">', 'https://disfunctions.de/p/1', 'Blog Archiv » Podcasts in Plex einbinden'],
    ['"--"', '<title>Thoughts on various topics -- Example Blog</title><meta property="og:site_name" content="Example Blog">', 'https://example.com/p', 'Thoughts on various topics'],
    ['a dash with no spaces after CJK text', '<title>欧洲城！-新华网</title><meta property="og:site_name" content="新华网">', 'https://www.news.cn/a.htm', '欧洲城！'],
    ['Hangul "ㅣ" and a bare dash', '<title>대통령 기자회견-정치ㅣ한국일보</title><meta property="og:site_name" content="한국일보">', 'https://www.hankookilbo.com/News/1', '대통령 기자회견-정치'],
    ['full-width "｜"', '<title>新型ロケットの打ち上げ｜日経新聞</title><meta property="og:site_name" content="日経新聞">', 'https://www.nikkei.com/article/1', '新型ロケットの打ち上げ'],
    ['full-width "："', '<title>新华网：新型火箭发射成功</title><meta property="og:site_name" content="新华网">', 'https://www.news.cn/a.htm', '新型火箭发射成功'],
  ])('strips the site name after %s', (_name, head, url, expected) => {
    expect(titleOf(head, '', url)).toBe(expected);
  });

  it('keeps a title that application-name repeats, rather than taking it for the site name', () => {
    expect(titleOf('<meta name="application-name" content="Big News Today"><title>Big News Today</title>', '', 'https://example.com/big-news'))
      .toBe('Big News Today');
  });

  it('completes an og:title cut at an unescaped quote from the whole <title>', () => {
    const head = '<meta property="og:title" content="Trump califica a Biden de"><title>Trump califica a Biden de "dormilón"</title>';
    expect(titleOf(head, '', 'https://example.com/mundo/1')).toBe('Trump califica a Biden de "dormilón"');
  });

  it('keeps og:title when the heading only adds an issue number', () => {
    const head = '<meta property="og:title" content="Defuddle on Cloudflare Workers · Issue #56 · kepano/defuddle">';
    expect(titleOf(head, '<h1><bdi class="markdown-title">Defuddle on Cloudflare Workers</bdi> <span>#56</span></h1>', 'https://github.com/kepano/defuddle/issues/56'))
      .toBe('Defuddle on Cloudflare Workers · Issue #56');
  });
});

