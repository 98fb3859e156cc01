/**
 * The `heading` house style, Roundup's default: `# Title`, the tagline in emphasis, the intro, then
 * per section `## Section` and per item `### [Title](url)` and its summary as a paragraph. Headings
 * (rather than list items) because paper abstracts are long paragraphs and mail tools import
 * headings as headings. The plain text puts each item's URL on the line under its title (a text
 * email has no other way to carry the link) and sets sections apart by two blank lines.
 *
 * These templates reproduce the exports from before house styles byte for byte
 * (test/fixtures/issue-206.*; test/unit/preset-heading-parity.test.ts compares them with that renderer).
 */
import type { PresetTemplates } from './house-style.ts';
import { HEAD } from './preset-head.ts';

const H2 = 'margin:36px 0 8px;padding:0 0 6px;border-bottom:2px solid #e5e7eb;font-size:22px;line-height:1.3;font-weight:700;color:#111827;';
const H3 = 'margin:22px 0 6px;font-size:18px;line-height:1.4;font-weight:600;color:#111827;';
// A linked title is recognisable by its place and color; an underline under two bold lines is noise.
const TITLE_LINK = 'color:#1a56db;text-decoration:none;';

export const HEADING_MARKDOWN = `${HEAD.md}{% for section in sections %}## {{ section.name }}

{% for item in section.items %}{% if item.url %}### [{{ item.title }}]({{ item.url }}){% else %}### {{ item.title }}{% endif %}

{% if item.summary %}{{ item.summary }}

{% endif %}{% endfor %}{% endfor %}{{ issue.outro }}
`;

export const HEADING_HTML = `${HEAD.html}{% for section in sections %}<h2 style="${H2}">{{ section.name }}</h2>
{% for item in section.items %}<h3 style="${H3}">{% if item.url %}<a href="{{ item.url }}" style="${TITLE_LINK}">{{ item.title }}</a>{% else %}{{ item.title }}{% endif %}</h3>
{% if item.summary %}<p style="margin:0 0 16px;">{{ item.summary }}</p>
{% endif %}{% endfor %}{% endfor %}{{ issue.outro }}
`;

export const HEADING_TEXT = `${HEAD.text}{% for section in sections %}
{{ section.name }}

{% for item in section.items %}{{ item.title }}
{% if item.url %}{{ item.url }}
{% endif %}
{% if item.summary %}{{ item.summary }}

{% endif %}{% endfor %}{% endfor %}{% if issue.outro %}
{{ issue.outro }}{% endif %}
`;

export const HEADING: PresetTemplates = { md: HEADING_MARKDOWN, html: HEADING_HTML, text: HEADING_TEXT };
