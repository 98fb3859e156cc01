import { describe, expect, it } from 'vitest';
import { capturePage, html } from './test-page.ts';

const meta = (key: string, value: string) => `<meta ${key.startsWith('og:') ? 'property' : 'name'}="${key}" content="${value}">`;
const LONG = 'A description long enough to be a real summary of the page and not a teaser at all, really.';

describe('summary', () => {
  it('takes the selection first, paragraphs kept', () => {
    const capture = capturePage(html(meta('og:description', LONG)), { selection: 'First paragraph.\n\nSecond paragraph.' });
    expect(capture).toMatchObject({ summary: 'First paragraph.\n\nSecond paragraph.', summarySource: 'selection' });
  });

  it.each([
    ['og', [meta('og:description', `OG. ${LONG}`), meta('twitter:description', `TW. ${LONG}`), meta('description', `META. ${LONG}`)]],
    ['twitter', [meta('twitter:description', `TW. ${LONG}`), meta('description', `META. ${LONG}`)]],
    ['meta', [meta('description', `META. ${LONG}`), '<script type="application/ld+json">{"@type":"Article","description":"LD. x"}</script>']],
    ['json-ld', [`<script type="application/ld+json">{"@type":"Article","description":"LD. ${LONG}"}</script>`]],
  ])('then %s', (source, tags) => {
    const capture = capturePage(html(tags.join(''), `<article><p>${LONG} Lead.</p></article>`));
    expect(capture.summarySource).toBe(source);
  });

  it('skips junk descriptions', () => {
    const capture = capturePage(html(`<title>The Title</title>${meta('og:description', 'The Title')}${meta('description', 'Read more')}${meta('twitter:description', LONG)}`));
    expect(capture).toMatchObject({ summary: LONG, summarySource: 'twitter' });
  });

  it('prefers the whole description when the first one is cut or a teaser', () => {
    const whole = `${LONG} It goes on with more detail.`;
    expect(capturePage(html(meta('og:description', 'A description long enough to be…') + meta('description', whole))).summary).toBe(whole);
    expect(capturePage(html(meta('og:description', 'No going back.') + meta('description', whole))).summary).toBe(whole);
  });

  it('ends a description the site cut at its last whole sentence', () => {
    const cut = 'The council approved the new transit plan on Monday, after months of debate. Critics said the (...)';
    expect(capturePage(html(meta('og:description', cut))).summary)
      .toBe('The council approved the new transit plan on Monday, after months of debate.');
  });

  it('prefers a written description to the article body copied into the tags', () => {
    const body = `${LONG} `.repeat(30).trim();
    const ld = '{"@type":"Article","description":"What the article is about, in the two sentences its editor wrote for it. Nothing more."}';
    const head = meta('twitter:description', body) + meta('description', body.slice(0, 400))
      + `<script type="application/ld+json">${ld}</script>`;
    expect(capturePage(html(head))).toMatchObject({
      summary: 'What the article is about, in the two sentences its editor wrote for it. Nothing more.',
      summarySource: 'json-ld',
    });
  });

  it('cuts a body-sized description when it is the only one', () => {
    const body = `${LONG} `.repeat(30).trim();
    expect(capturePage(html(meta('og:description', body))).summary.length).toBeLessThanOrEqual(360);
  });

  it('falls back to the lead paragraph of the article, past navigation and bylines', () => {
    const body = `<nav><p>Home, News, Sport, Weather, and all the other sections of this site.</p></nav>
      <article><p>By Jane Doe, staff writer at the paper</p>
      <p>The council approved the new transit plan on Monday, after months of debate about costs, routes and timing.</p>
      <p>Second paragraph, with more detail about the plan and its critics, who were many.</p></article>
      <footer><p>Copyright 2024 The Paper. All rights reserved, everywhere and always.</p></footer>`;
    expect(capturePage(html('<title>Plan</title>', body))).toMatchObject({
      summary: 'The council approved the new transit plan on Monday, after months of debate about costs, routes and timing.',
      summarySource: 'readability',
    });
  });

  it('asks Readability when the text is not in paragraphs', () => {
    const text = 'Lorem ipsum dolor sit amet, consectetur adipisicing elit, sed do eiusmod tempor incididunt ut labore. ';
    const capture = capturePage(html('<title>Divs</title>', `<article><div>${text.repeat(6)}</div><div>${text.repeat(4)}</div></article>`));
    expect(capture.summarySource).toBe('readability');
    expect(capture.summary).toMatch(/^Lorem ipsum dolor sit amet/);
  });

  it('cuts articles at a sentence end to summaryLength', () => {
    const text = 'One sentence here. Another sentence follows it. A third one ends the description.';
    expect(capturePage(html(meta('og:description', text)), { summaryLength: 50 }).summary).toBe('One sentence here. Another sentence follows it.');
    expect(capturePage(html(meta('og:description', text))).summary).toBe(text);
  });

  it('is empty, with source none, on an empty page', () => {
    expect(capturePage(html('<title>Empty</title>'))).toMatchObject({ summary: '', summarySource: 'none' });
  });

  // Issue #16 (trafilatura/kyffhaeuser-nachrichten.de-Regen, trafilatura/heartlandnewsfeed.com-Christian).
  it("repairs the description before cutting it, and passes over a credit line for the next tag", () => {
    const dated = capturePage(html(meta('og:description', `31.10.2023, 10.19 Uhr : ${LONG}`)));
    expect(dated.summary).toBe(LONG);
    const credit = capturePage(html(meta('og:description', 'Written by HLNF Staff Report') + meta('description', LONG)));
    expect(credit).toMatchObject({ summary: LONG, summarySource: 'meta' });
  });

  it('finishes a description the site cut mid-sentence from the article', () => {
    const cut = 'A description long enough to be a real summary of the page and not a teaser at all, re…';
    const capture = capturePage(html(meta('og:description', cut), `<article><p>${LONG} The rest of the article.</p></article>`));
    expect(capture.summary).toBe(LONG);
  });

  // trafilatura/minusl.de.joghurt: a category page that kept one product's social card.
  it("takes the page's own description when its social tags title another page", () => {
    const head = meta('og:title', 'MinusL Fruchtjoghurt Erdbeere') + meta('og:description', `Fruchtige Erdbeeren treffen auf cremig-milden Joghurt. ${LONG}`)
      + meta('description', `Sie lieben Joghurt mit frischen Früchten? ${LONG}`);
    expect(capturePage(html(head, '<h1>Unsere MinusL Joghurts</h1>'))).toMatchObject({ summarySource: 'meta' });
    expect(capturePage(html(head, '<h1>MinusL Fruchtjoghurt Erdbeere</h1>'))).toMatchObject({ summarySource: 'og' });
  });
});

