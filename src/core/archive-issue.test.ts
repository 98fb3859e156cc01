import { describe, expect, it } from 'vitest';
import { readMarkdownCandidate } from './archive-candidate.ts';
import { readArchivedIssue, type ArchivedIssue, type IssueReadResult } from './archive-issue.ts';

function read(markdown: string, fileName = 'issue-7.md', dates = new Map<number, string>()): IssueReadResult {
  const candidate = readMarkdownCandidate(`archive/${fileName}`, fileName, markdown);
  return candidate.ok ? readArchivedIssue(candidate.candidate, dates) : candidate;
}

function issueOf(markdown: string, fileName?: string, dates?: Map<number, string>): ArchivedIssue {
  const result = read(markdown, fileName, dates);
  if (!result.ok) throw new Error(result.reason);
  return result.issue;
}

/** Sections as `name: title | url | summary | authors` lines, for compact expectations. */
function outline(issue: ArchivedIssue): string[] {
  return issue.sections.flatMap((section) => section.items.map((item) =>
    `${section.name}: ${item.title} | ${item.url} | ${item.summary} | ${item.authors.join(';')}`));
}

describe('readArchivedIssue: Markdown items', () => {
  it.each<[string, string, string[]]>([
    ['Haskell Weekly today: byline and quote', '## Featured\n\n- [Hasql v2](https://a.example/hasql) by Nikita Volkov\n  > Hasql v2 is here!\n',
      ['Featured: Hasql v2 | https://a.example/hasql | Hasql v2 is here! | Nikita Volkov']],
    ['Haskell Weekly 2016: loose list, indented quote, no headings', '-   [GHC 8.0.1 RC4](https://mail.example/ghc)\n\n    > If no major issues pop up.\n\n-   [Stack 1.1](https://b.example/stack)\n\n    > GPG signing.\n',
      [': GHC 8.0.1 RC4 | https://mail.example/ghc | If no major issues pop up. | ', ': Stack 1.1 | https://b.example/stack | GPG signing. | ']],
    ['inline Markdown kept as written', '## Code\n\n- [The `Task` *abstraction*](https://c.example/t)\n  > Uses `deriving` and **lenses**.\n',
      ['Code: The `Task` *abstraction* | https://c.example/t | Uses `deriving` and **lenses**. | ']],
    ['a label before the link stays in the title', '## Talks\n\n- [video] [Into the Core](https://youtube.example/watch) by Simon\n',
      ['Talks: [video] Into the Core | https://youtube.example/watch |  | Simon']],
    ['labels after the link stay too', '## Jobs\n\n- [Haskell Engineer](https://d.example/job) (ad)\n- [The linearity monad](https://e.example/l.pdf) (pdf) by Jean\n',
      ['Jobs: Haskell Engineer (ad) | https://d.example/job |  | ', 'Jobs: The linearity monad (pdf) | https://e.example/l.pdf |  | Jean']],
    ['a byline with several names is one entry', '## A\n\n- [Paper](https://f.example/p) by Andres Löh, Edsko de Vries\n',
      ['A: Paper | https://f.example/p |  | Andres Löh, Edsko de Vries']],
    ['text before the link, and a second link, as text', '## Events\n\n- September 3: [Haskell eXchange](https://g.example/hx) in [London](https://h.example/london)\n',
      ['Events: September 3: Haskell eXchange in London | https://g.example/hx |  | ']],
    ['a link broken across lines', '## A\n\n- [The Haskell Unfolder Episode 35: distributive\n  functors](https://i.example/35) by Edsko\n',
      ['A: The Haskell Unfolder Episode 35: distributive functors | https://i.example/35 |  | Edsko']],
    ['an autolink', '## A\n\n-   <https://hackage.example/package/Cabal-3.0.0.0>\n', ['A: https://hackage.example/package/Cabal-3.0.0.0 | https://hackage.example/package/Cabal-3.0.0.0 |  | ']],
    ['a reference link', '## A\n\n- [Stack][stack] released\n\n[stack]: https://j.example/stack\n', ['A: Stack released | https://j.example/stack |  | ']],
    ['a quote of two paragraphs and an editor’s note', '## A\n\n-   [GHC 8.2.1 rc1](https://k.example/ghc)\n\n    > The GHC team is pleased.\n    >\n    > Try it.\n\n    Editor\'s note: use [this](https://l.example/s).\n',
      ['A: GHC 8.2.1 rc1 | https://k.example/ghc | The GHC team is pleased.\n\nTry it.\n\nEditor\'s note: use [this](https://l.example/s). | ']],
    ['a description on the next line', '## A\n\n- [fmt](https://m.example/fmt)\n  A new formatting library.\n', ['A: fmt | https://m.example/fmt | A new formatting library. | ']],
    ['an ordered list', '## Top\n\n1. [One](https://n.example/1)\n2. [Two](https://n.example/2)\n', ['Top: One | https://n.example/1 |  | ', 'Top: Two | https://n.example/2 |  | ']],
    ['heading links, as Roundup and Deep Learning Weekly write them', '## Industry\n\n### [Big launch](https://o.example/launch)\n\nThe company shipped it.\n\n### [Small fix](https://o.example/fix)\n',
      ['Industry: Big launch | https://o.example/launch | The company shipped it. | ', 'Industry: Small fix | https://o.example/fix |  | ']],
    ['nested headings: the innermost names the section', '## Papers\n\n### Vision\n\n- [ViT](https://p.example/vit)\n\n### Language\n\n- [BERT](https://p.example/bert)\n',
      ['Vision: ViT | https://p.example/vit |  | ', 'Language: BERT | https://p.example/bert |  | ']],
    ['a commented-out item is not an item', '## A\n\n<!--\n- [Old ad](https://q.example/ad) (ad)\n-->\n- [Real](https://q.example/real)\n', ['A: Real | https://q.example/real |  | ']],
    ['a paragraph whose first line is a link, the summary below it', '## Reads\n\n**[A long read](https://s.example/read)** by Ada\nWhy it matters.\n\n[Haskell](https://haskell.example) is a language,\nand this is prose.\n',
      ['Reads: A long read | https://s.example/read | Why it matters. | Ada']],
    ['a list item without a web link is not an item', '## A\n\n- [Write to us](mailto:ed@example.com)\n- [Real](https://r.example/real)\n', ['A: Real | https://r.example/real |  | ']],
  ])('%s', (_name, markdown, expected) => {
    expect(outline(issueOf(markdown))).toEqual(expected);
  });
});

describe('readArchivedIssue: intro, outro and text between items', () => {
  const markdown = [
    'Welcome to another issue!', '[Haskell](https://haskell.example) is a language.', '',
    '## Featured', '', '- [One](https://a.example/1)', '',
    '## Package of the week', '', 'This week it is [fmt](https://hackage.example/fmt).', '',
    '## Jobs', '', '- [Two](https://a.example/2)', '', 'Hiring? [Advertise with us](https://ads.example)!', '',
    '## Call for participation', '', '- [Three](https://a.example/3)', '',
    'Did you like this issue?', 'Tell us [on Mastodon](https://social.example/@hw).', '',
  ].join('\n');
  const issue = issueOf(markdown);

  it('keeps what comes before the first heading as the intro, its links not items', () => {
    expect(issue.intro).toBe('Welcome to another issue!\n[Haskell](https://haskell.example) is a language.');
  });

  it('keeps what comes after the last item as the outro', () => {
    expect(issue.outro).toBe('Did you like this issue?\nTell us [on Mastodon](https://social.example/@hw).');
  });

  it('names the text between items in the notes, under its section, and makes no item of it', () => {
    expect(outline(issue).map((line) => line.split(' | ')[0])).toEqual(['Featured: One', 'Jobs: Two', 'Call for participation: Three']);
    expect(issue.notes).toEqual([
      '1 paragraph of text between the items in "Package of the week" not kept',
      '1 paragraph of text between the items in "Jobs" not kept',
    ]);
  });

  it('keeps a heading that ends the issue in the outro', () => {
    const ending = issueOf('## Featured\n\n- [One](https://a.example/1)\n\n## Package of the week\n\nIt is [fmt](https://h.example/fmt).\n');
    expect(ending.outro).toBe('## Package of the week\n\nIt is [fmt](https://h.example/fmt).');
  });

  it('takes only the paragraph right after a heading item as its summary, so the outro stays the outro', () => {
    const roundup = issueOf('# Weekly: Issue #9\n\nHello.\n\n## News\n\n### [A](https://a.example)\n\nSummary.\n\nUntil next week.\n');
    expect([roundup.title, roundup.number, roundup.intro, outline(roundup), roundup.outro])
      .toEqual(['Weekly: Issue #9', 9, 'Hello.', ['News: A | https://a.example | Summary. | '], 'Until next week.']);
  });
});

describe('readArchivedIssue: number, title and date', () => {
  it.each<[string, string, string, number, string, string | null]>([
    ['the file name', '- [A](https://a.example)\n', 'issue-42.markdown', 42, 'Issue #42', null],
    ['YAML front matter', '---\ntitle: "Issue #665: Rust"\ndate: 2026-09-03\n---\n\n- [A](https://a.example)\n', 'post.md', 665, 'Issue #665: Rust', '2026-09-03T00:00:00.000Z'],
    ['YAML front matter with a number field', '---\ntitle: This Week in Rust\nnumber: 665\ndate: 2026-09-03T10:00:00+02:00\ntags: [rust, weekly]\n---\n- [A](https://a.example)\n',
      'x.md', 665, 'This Week in Rust', '2026-09-03T08:00:00.000Z'],
    ['TOML front matter', '+++\ntitle = "Weekly 12"\ndate = 2024-01-05\n[extra]\nissue = 99\n+++\n- [A](https://a.example)\n', 'index.md', 12, 'Weekly 12', '2024-01-05T00:00:00.000Z'],
    ['TOML front matter with an issue key', '+++\nissue = 31\ntitle = "The digest"\n+++\n- [A](https://a.example)\n', 'index.md', 31, 'The digest', null],
    ['a Pelican header', 'Title: Deep Learning Weekly: Issue 206\nDate: 2021-05-12 10:20\nCategory: issues\n\n- [A](https://a.example)\n', 'dlw.md', 206,
      'Deep Learning Weekly: Issue 206', '2021-05-12T10:20:00.000Z'],
    ['a title heading', '# This Week in Rust 665\n\n## Updates\n\n- [A](https://a.example)\n', 'twir.md', 665, 'This Week in Rust 665', null],
    ['a Jekyll post name', '- [A](https://a.example)\n', '2024-03-07-issue-12.md', 12, 'Issue #12', '2024-03-07T00:00:00.000Z'],
  ])('from %s', (_name, markdown, fileName, number, title, publishedAt) => {
    const issue = issueOf(markdown, fileName);
    expect([issue.number, issue.title, issue.publishedAt]).toEqual([number, title, publishedAt]);
  });

  it('takes the date from a date list when the file has none', () => {
    expect(issueOf('- [A](https://a.example)\n', 'issue-3.markdown', new Map([[3, '2016-05-19']])).publishedAt).toBe('2016-05-19T00:00:00.000Z');
  });

  it('says so when the written date is not a date, and keeps the issue', () => {
    const issue = issueOf('---\ndate: next Tuesday\n---\n- [A](https://a.example)\n', 'issue-3.md');
    expect([issue.publishedAt, issue.notes]).toEqual([null, ['its date "next Tuesday" is not a date; the issue has none']]);
  });

  it.each<[string, string, string, string]>([
    ['a file without items', '# About\n\nThis archive holds [our issues](https://a.example).\n', 'issue-4.md', 'not an issue: no list item or heading starts with a web link'],
    ['a file without a number', '## Links\n\n- [A](https://a.example)\n', 'README.md', 'not an issue: no issue number in its metadata, title or file name'],
    ['a year is not a number', '# Best of 2024\n\n- [A](https://a.example)\n', 'best.md', 'not an issue: no issue number in its metadata, title or file name'],
    ['a number field that is not a number', '---\nnumber: soon\n---\n- [A](https://a.example)\n', 'issue-5.md', 'not an issue: its number "soon" is not a whole number from 1 to 1,000,000'],
    ['broken YAML', '---\ntitle: [unclosed\n---\n- [A](https://a.example)\n', 'issue-5.md', 'its YAML front matter cannot be read'],
  ])('reports %s, never guessing', (_name, markdown, fileName, reason) => {
    const result = read(markdown, fileName);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });
});
