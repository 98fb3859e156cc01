/**
 * The `digest` house style, Deep Learning Weekly's (its issue 206 in this style is
 * test/fixtures/issue-206.digest.txt): in plain text every block on its own, one blank line apart
 * (title, tagline, intro, section names, item titles, summaries) and no URL lines, as in the
 * newsletter's own text emails, whose links live in the HTML part. Markdown and HTML are the
 * `heading` layout, which is that newsletter's web layout.
 */
import type { PresetTemplates } from './house-style.ts';
import { HEAD } from './preset-head.ts';
import { HEADING_HTML, HEADING_MARKDOWN } from './preset-heading.ts';

export const DIGEST_TEXT = `${HEAD.text}{% for section in sections %}{{ section.name }}

{% for item in section.items %}{{ item.title }}

{% if item.summary %}{{ item.summary }}

{% endif %}{% endfor %}{% endfor %}{{ issue.outro }}
`;

export const DIGEST: PresetTemplates = { md: HEADING_MARKDOWN, html: HEADING_HTML, text: DIGEST_TEXT };
