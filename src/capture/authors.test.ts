import { describe, expect, it } from 'vitest';
import { pickAuthors, splitAuthorList } from './authors.ts';
import { contextOf, html } from './test-page.ts';

const authorsOf = (head: string, body = '') => pickAuthors(contextOf(html(head, body)));

describe('pickAuthors', () => {
  it('takes every citation_author first', () => {
    expect(authorsOf('<meta name="citation_author" content="Doe, Jane"><meta name="citation_author" content="Roe, Rick"><meta name="author" content="Other">'))
      .toEqual(['Jane Doe', 'Rick Roe']);
  });

  it('then JSON-LD authors, then meta author, then article:author', () => {
    expect(authorsOf('<script type="application/ld+json">{"@type":"Article","author":[{"name":"Ann Lee"},{"name":"Bo Chen"}]}</script><meta name="author" content="X Y">'))
      .toEqual(['Ann Lee', 'Bo Chen']);
    expect(authorsOf('<meta name="author" content="By Jane Doe"><meta property="article:author" content="John Roe">')).toEqual(['Jane Doe']);
    expect(authorsOf('<meta property="article:author" content="https://www.facebook.com/janedoe"><meta name="parsely-author" content="Jane Doe">'))
      .toEqual(['Jane Doe']);
  });

  it('falls back to rel=author links and microdata bylines', () => {
    expect(authorsOf('', '<a rel="author" href="/jane">Jane Doe</a>')).toEqual(['Jane Doe']);
    expect(authorsOf('', '<span itemprop="author" itemscope><span itemprop="name">Jane Doe</span></span>')).toEqual(['Jane Doe']);
  });

  it('drops junk names and duplicates', () => {
    expect(authorsOf('<meta name="author" content="admin">')).toEqual([]);
    expect(authorsOf('<meta name="citation_author" content="Doe, Jane"><meta name="citation_author" content="Jane Doe">')).toEqual(['Jane Doe']);
  });
});

// Issue #16: each case is cut down from the shared corpus page named beside it.
describe('pickAuthors: bylines printed in the page and weak names', () => {
  const authorsAt = (head: string, body: string, url: string) => pickAuthors(contextOf(html(head, body), url), '');

  it.each([
    ["a template's byline element (trafilatura/deutsche-handwerkszeitung.de-eigentumsvorbehalt)",
      '', '<article><h1>Eigentumsvorbehalt</h1><p>Lead.</p><span class="entry-content__authors"><span class="entry-content__names"> Von Tobias Kuske </span></span></article>', ['Tobias Kuske']],
    ['a "von" line (trafilatura/heizung.de.waermepumpen)',
      '', '<ul><li class="hde-m-page-hero__meta-item"><span class="hde-m-page-hero__meta-label"> von Alexander Rosenkranz </span></li></ul>', ['Alexander Rosenkranz']],
    ['a byline with the date after it (trafilatura/cicero.de.pandemie)',
      '', '<p class="byline__author">VON MORITZ GATHMANN am 21. April 2020</p>', ['MORITZ GATHMANN']],
    ['two authors in one line (trafilatura/spektrum.de.coronavirus)',
      '', '<div class="content__author">von Lars Fischer und Alina Schadwinkel</div>', ['Lars Fischer', 'Alina Schadwinkel']],
    ['"View all posts by" in an author link (trafilatura/lemire.me.json)',
      '', '<a rel="author" href="/author/lemire">View all posts by Daniel Lemire</a>', ['Daniel Lemire']],
    ['"Zeige alle Beiträge von" in an author link', '', '<a rel="author" href="/author/x">Zeige alle Beiträge von Evgenia Karp</a>', ['Evgenia Karp']],
    ['the site filed as author, with the byline printed (trafilatura/laola1.at-barisic)',
      '<meta name="author" content="LAOLA1.at">', '<span class="author">Alexander Karper</span>', ['Alexander Karper']],
    ['the site beside the author (trafilatura/unocero.com.marcas)',
      '<meta name="author" content="unocero - Alberto Ávila">', '', ['Alberto Ávila']],
    ['a CMS login, with the byline printed (trafilatura/silvias.net.wahlzensur)',
      '<meta name="author" content="wordpressadmin">', '<p class="post-author">By Silvia Jura</p>', ['Silvia Jura']],
  ])('reads %s', (_name, head, body, expected) => {
    const url = /LAOLA1/.test(head) ? 'https://www.laola1.at/de/red/fussball/1' : /unocero/.test(head) ? 'https://www.unocero.com/noticias/marcas/' : 'https://example.com/post/1';
    expect(authorsAt(head, body, url)).toEqual(expected);
  });

  it("keeps the site's name when nothing else names a person (a personal site, a company's own post)", () => {
    expect(authorsAt('<meta name="author" content="Helge Fahrnberger"><meta property="og:site_name" content="Helge Fahrnberger">', '', 'https://helge.at/2020/mahu/'))
      .toEqual(['Helge Fahrnberger']);
    expect(authorsAt('<meta name="author" content="Eurosport">', '<p>Kein Name hier.</p>', 'https://www.eurosport.de/corona')).toEqual(['Eurosport']);
  });

  it('takes no sentence for a byline', () => {
    expect(authorsAt('', '<p>Von Montag bis Freitag ist das Büro geschlossen, sagte die Sprecherin.</p>', 'https://example.com/a')).toEqual([]);
    expect(authorsAt('', '<div class="author-box">Über den Autor: Er schreibt seit 20 Jahren über Technik und Wissenschaft.</div>', 'https://example.com/a')).toEqual([]);
  });
});

describe('splitAuthorList', () => {
  it.each([
    ['Jane Doe, John Smith and Ann Lee', ['Jane Doe', 'John Smith', 'Ann Lee']],
    ['Doe, Jane', ['Doe, Jane']],
    ['Jane Doe & John Smith', ['Jane Doe', 'John Smith']],
    ['Martin Untersinger (avec Damien Leloup et Morgane Tual)', ['Martin Untersinger', 'Damien Leloup', 'Morgane Tual']],
    ['Alexander Anderson', ['Alexander Anderson']],
  ])('%s', (input, expected) => {
    expect(splitAuthorList(input)).toEqual(expected);
  });
});
