/**
 * The `digest` preset's plain text against the newsletter's own text email
 * (shared/seed/deep-learning-weekly-206.txt), rebuilt as test/fixtures/issue-206.json.
 *
 * The seed lost lines: the section headings "Industry" and "Learning" and the
 * WaveNet item's title, each gone with its line. It also has one blank line more after each paper
 * title in "Papers & Publications", where a line of the original (probably the authors) was lost the
 * same way. The export must be the seed exactly, once those lines are put back.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePortableFile } from '../../src/core/portable.ts';
import { renderIssueAsText } from '../../src/core/render-text.ts';

const SEED = new URL('../../../shared/seed/deep-learning-weekly-206.txt', import.meta.url);
const parsed = parsePortableFile(readFileSync(new URL('../fixtures/issue-206.json', import.meta.url), 'utf8'));
if (!parsed.ok || parsed.file.kind !== 'issue') throw new Error('issue-206.json is not an issue file');
const issue = parsed.file.issue;

const LOST_LINES = ['Industry', 'DeepMind’s WaveNet: the latest iteration of its speech generation model', 'Learning'];
const PAPERS_WITH_A_LOST_LINE = ['Descending through a Crowded Valley -- Benchmarking Deep Learning Optimizers', 'Reward is enough', 'Thinking Like Transformers'];

describe('the digest preset writes the seed issue\'s plain-text layout', () => {
  const text = renderIssueAsText(issue, { style: { preset: 'digest', templates: {} } });

  it('is the seed byte for byte once the seed\'s lost lines are taken out of the export', () => {
    const lines = text.split('\n');
    for (const lost of LOST_LINES) {
      const at = lines.indexOf(lost);
      expect(at, lost).toBeGreaterThan(0);
      lines.splice(at, 1);
    }
    for (const paper of PAPERS_WITH_A_LOST_LINE) lines.splice(lines.indexOf(paper) + 1, 0, '');
    // The seed file has no newline after its last line.
    expect(lines.join('\n')).toBe(`${readFileSync(SEED, 'utf8')}\n`);
  });

  it('has no URL lines and no notes', () => {
    expect(text).not.toMatch(/https?:\/\//);
    for (const item of issue.items.filter((entry) => entry.note !== '')) expect(text).not.toContain(item.note.slice(0, 20));
  });
});
