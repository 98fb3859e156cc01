/**
 * What every preset starts with, in each format: the title, its tagline and the intro, each
 * left out when empty; and the inline styles its HTML shares. A preset is this head, its sections and
 * items, and the outro (preset-heading.ts and the others).
 */
import type { PresetTemplates } from './house-style.ts';

export const H1_STYLE = 'margin:0 0 8px;font-size:28px;line-height:1.25;font-weight:700;color:#111827;';
export const TAGLINE_STYLE = 'margin:0 0 24px;font-size:17px;font-style:italic;color:#4b5563;';
export const LIST_STYLE = 'margin:0 0 16px;padding:0 0 0 24px;';

export const HEAD: PresetTemplates = {
  md: `{% if issue.title %}# {{ issue.title }}

{% endif %}{% if issue.tagline %}*{{ issue.tagline }}*

{% endif %}{% if issue.intro %}{{ issue.intro }}

{% endif %}`,
  html: `{% if issue.title %}<h1 style="${H1_STYLE}">{{ issue.title }}</h1>
{% endif %}{% if issue.tagline %}<p style="${TAGLINE_STYLE}">{{ issue.tagline }}</p>
{% endif %}{% if issue.intro %}{{ issue.intro }}
{% endif %}`,
  text: `{% if issue.title %}{{ issue.title }}

{% endif %}{% if issue.tagline %}{{ issue.tagline }}

{% endif %}{% if issue.intro %}{{ issue.intro }}

{% endif %}`,
};
