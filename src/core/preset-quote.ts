/**
 * The `quote` house style, Haskell Weekly's layout (its published issues from 2019 on): per section
 * `## Section`, then each item as a list item `- [Title](url) by Author` with its summary under it as
 * an indented `  > quote`, items apart by a blank line. An archive issue in this layout, imported and
 * exported again, gives back its item lines as they were (test/unit/preset-quote-archive.test.ts).
 */
import type { PresetTemplates } from './house-style.ts';
import { HEAD, LIST_STYLE } from './preset-head.ts';

const H2 = 'margin:32px 0 12px;padding:0 0 6px;border-bottom:2px solid #e5e7eb;font-size:22px;line-height:1.3;font-weight:700;color:#111827;';
const ITEM = 'margin:0 0 16px;';
const TITLE_LINK = 'color:#1a56db;text-decoration:underline;font-weight:600;';
const BLOCKQUOTE = 'margin:6px 0 0;padding:0 0 0 12px;border-left:3px solid #d1d5db;color:#4b5563;';

export const QUOTE_MARKDOWN = `${HEAD.md}{% for section in sections %}## {{ section.name }}

{% for item in section.items %}- {% if item.url %}[{{ item.title }}]({{ item.url }}){% else %}{{ item.title }}{% endif %}{% if item.authors.size > 0 %} by {{ item.authors | join_authors }}{% endif %}
{% if item.summary %}  > {{ item.summary }}
{% endif %}
{% endfor %}{% endfor %}{{ issue.outro }}
`;

export const QUOTE_HTML = `${HEAD.html}{% for section in sections %}<h2 style="${H2}">{{ section.name }}</h2>
<ul style="${LIST_STYLE}">
{% for item in section.items %}<li style="${ITEM}">{% if item.url %}<a href="{{ item.url }}" style="${TITLE_LINK}">{{ item.title }}</a>{% else %}<strong>{{ item.title }}</strong>{% endif %}{% if item.authors.size > 0 %} by {{ item.authors | join_authors }}{% endif %}{% if item.summary %}
<blockquote style="${BLOCKQUOTE}">{{ item.summary }}</blockquote>{% endif %}</li>
{% endfor %}</ul>
{% endfor %}{{ issue.outro }}
`;

export const QUOTE_TEXT = `${HEAD.text}{% for section in sections %}{{ section.name }}

{% for item in section.items %}- {{ item.title }}{% if item.authors.size > 0 %} by {{ item.authors | join_authors }}{% endif %}
{% if item.url %}  {{ item.url }}
{% endif %}{% if item.summary %}  > {{ item.summary }}
{% endif %}
{% endfor %}{% endfor %}{{ issue.outro }}
`;

export const QUOTE: PresetTemplates = { md: QUOTE_MARKDOWN, html: QUOTE_HTML, text: QUOTE_TEXT };
