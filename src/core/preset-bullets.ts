/**
 * The `bullets` house style: one line per item, `* [Title](url)`, with the summary after it on the
 * same line when there is one (` - `, as link lists such as the "awesome" lists write it), items of a
 * section on consecutive lines.
 */
import type { PresetTemplates } from './house-style.ts';
import { HEAD, LIST_STYLE } from './preset-head.ts';

const H2 = 'margin:28px 0 8px;font-size:20px;line-height:1.3;font-weight:700;color:#111827;';
const ITEM = 'margin:0 0 8px;';
const TITLE_LINK = 'color:#1a56db;text-decoration:underline;';

export const BULLETS_MARKDOWN = `${HEAD.md}{% for section in sections %}## {{ section.name }}

{% for item in section.items %}* {% if item.url %}[{{ item.title }}]({{ item.url }}){% else %}{{ item.title }}{% endif %}{% if item.summary %} - {{ item.summary }}{% endif %}
{% endfor %}
{% endfor %}{{ issue.outro }}
`;

export const BULLETS_HTML = `${HEAD.html}{% for section in sections %}<h2 style="${H2}">{{ section.name }}</h2>
<ul style="${LIST_STYLE}">
{% for item in section.items %}<li style="${ITEM}">{% if item.url %}<a href="{{ item.url }}" style="${TITLE_LINK}">{{ item.title }}</a>{% else %}{{ item.title }}{% endif %}{% if item.summary %} – {{ item.summary }}{% endif %}</li>
{% endfor %}</ul>
{% endfor %}{{ issue.outro }}
`;

export const BULLETS_TEXT = `${HEAD.text}{% for section in sections %}{{ section.name }}

{% for item in section.items %}* {{ item.title }}{% if item.url %} ({{ item.url }}){% endif %}{% if item.summary %} - {{ item.summary }}{% endif %}
{% endfor %}
{% endfor %}{{ issue.outro }}
`;

export const BULLETS: PresetTemplates = { md: BULLETS_MARKDOWN, html: BULLETS_HTML, text: BULLETS_TEXT };
