import { describe, expect, it } from 'vitest';
import { personNameFromCitation } from './paper.ts';
import { capturePage, html } from './test-page.ts';

const ABSTRACT = 'The dominant sequence transduction models are based on complex recurrent or convolutional neural networks. We propose a new simple network architecture, the Transformer, based solely on attention mechanisms. Experiments on two machine translation tasks show these models to be superior in quality.';

describe('papers', () => {
  it('reads arXiv: citation tags, every author as First Last, the date, the whole abstract, no logo image', () => {
    const head = `<title>[1706.03762] Attention Is All You Need</title>
      <meta name="description" content="Abstract page for arXiv paper 1706.03762: Attention Is All You Need">
      <meta property="og:image" content="https://static.arxiv.org/static/browse/0.3.4/images/arxiv-logo-fb.png">
      <meta name="twitter:description" content="The dominant sequence transduction models are based on complex...">
      <meta name="citation_title" content="Attention Is All You Need">
      <meta name="citation_author" content="Vaswani, Ashish"><meta name="citation_author" content="Gomez, Aidan N.">
      <meta name="citation_author" content="Kaiser, Lukasz">
      <meta name="citation_date" content="2017/06/12"><meta name="citation_online_date" content="2023/08/02">
      <meta name="citation_abstract" content="${ABSTRACT}">`;
    const capture = capturePage(html(head, '<h1 class="title"><span>Title:</span>Attention Is All You Need</h1>'), { url: 'https://arxiv.org/abs/1706.03762', summaryLength: 100 });
    expect(capture).toMatchObject({
      kind: 'paper', title: 'Attention Is All You Need', authors: ['Ashish Vaswani', 'Aidan N. Gomez', 'Lukasz Kaiser'],
      publishedAt: '2017-06-12', summary: ABSTRACT, summarySource: 'abstract', image: null,
    });
  });

  it("reads arXiv's abstract block when citation_abstract is missing", () => {
    const body = `<blockquote class="abstract mathjax"><span class="descriptor">Abstract:</span>${ABSTRACT}</blockquote>`;
    const capture = capturePage(html('<meta name="citation_title" content="T">', body), { url: 'https://arxiv.org/abs/1706.03762' });
    expect(capture).toMatchObject({ summary: ABSTRACT, summarySource: 'abstract' });
  });

  it("reads ACL Anthology's abstract element over its citation-line og:description", () => {
    const head = `<meta name="citation_title" content="A Paper"><meta property="og:description" content="Jane Doe. 2023. A Paper. In Proceedings of ACL.">`;
    const capture = capturePage(html(head, `<div class="card-body acl-abstract"><h5 class="card-title">Abstract</h5><span>${ABSTRACT}</span></div>`),
      { url: 'https://aclanthology.org/2023.acl-long.1/' });
    expect(capture).toMatchObject({ kind: 'paper', summary: ABSTRACT, summarySource: 'abstract' });
  });

  it("strips bioRxiv's HTML out of citation_abstract", () => {
    const encoded = `&lt;h3&gt;ABSTRACT&lt;/h3&gt; &lt;p&gt;${ABSTRACT}&lt;sup&gt;1,2&lt;/sup&gt;&lt;/p&gt;`;
    const capture = capturePage(html(`<meta name="citation_title" content="T"><meta name="citation_abstract" content="${encoded}">`));
    expect(capture.summary).toBe(ABSTRACT);
  });

  it("prefers OpenReview's whole citation_abstract over its cut og tags", () => {
    const head = `<meta name="citation_title" content="A Paper"><meta property="og:description" content="${ABSTRACT.slice(0, 200)}">
      <meta name="citation_abstract" content="${ABSTRACT}">`;
    expect(capturePage(html(head), { url: 'https://openreview.net/forum?id=abc' }).summary).toBe(ABSTRACT);
  });

  it('knows an arXiv page as a paper even without citation tags', () => {
    expect(capturePage(html('<title>Paper</title>'), { url: 'https://arxiv.org/abs/2401.00001' }).kind).toBe('paper');
    expect(capturePage(html('<title>Listing</title>'), { url: 'https://arxiv.org/list/cs.CL/recent' }).kind).toBe('article');
  });
});

describe('personNameFromCitation', () => {
  it.each([
    ['Vaswani, Ashish', 'Ashish Vaswani'],
    ['Gomez, Aidan N.', 'Aidan N. Gomez'],
    ['Dienes, Zoltan ', 'Zoltan Dienes'],
    ['Maria C Almeida', 'Maria C Almeida'],
    ['King, Martin Luther, Jr.', 'King, Martin Luther, Jr.'],
    ['Smith, Jr.', 'Smith, Jr.'],
  ])('%s → %s', (input, expected) => {
    expect(personNameFromCitation(input)).toBe(expected);
  });
});
