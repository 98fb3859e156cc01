/**
 * The HTML export's document around a template's content: what makes it hold up as an email.
 *
 * Mail clients decide the rules, so the shell follows what MJML and Maizzle emit and what caniemail's
 * data supports:
 * - Layout is a centered `role="presentation"` table, fluid up to 600px (`max-width`). Outlook for
 *   Windows lays out with Word, which ignores `max-width`, so inside `<!--[if mso]>` conditionals a
 *   fixed 600px table holds it (MJML's mj-section output), and Office's PixelsPerInch is set to 96 so
 *   it does not rescale on high-DPI screens (Maizzle's layouts/main.html).
 * - The tagline is the preheader, the inbox's preview line: hidden the way MJML's mj-preview hides
 *   it (display:none, zero size, opacity 0; `mso-hide:all` for Outlook), followed by invisible
 *   filler (`&#8199;&#65279;&#847;`, as Maizzle's layout) so clients do not pull body text after it.
 * - Dark mode: `color-scheme` and `supported-color-schemes` (meta and `:root`) say the email has its
 *   own dark colours, which `@media (prefers-color-scheme: dark)` gives with `!important` over the
 *   inline styles (Apple Mail, iOS Mail, Outlook for Mac; caniemail: css-at-media-prefers-color-scheme),
 *   and `[data-ogsc]`/`[data-ogsb]` give to Outlook.com, which marks the styles it rewrites that way.
 *   Clients that invert colours themselves (the Gmail apps, Outlook for Windows) get the light palette,
 *   which is mid-grey text on off-white with a mid-blue link: inverted, it stays readable (checked by
 *   a forced-dark screenshot, see the README). No colour is set by a class alone.
 * - Long words and URLs wrap: `overflow-wrap` (Apple Mail), its old name `word-wrap`, and
 *   `word-break:break-word` (the one Gmail honours; caniemail: css-word-break, css-overflow-wrap), set
 *   once on the content cell and inherited by every title, link and paragraph a template writes.
 * - No script, no external CSS, no images, no web fonts: nothing is fetched when the email opens.
 */
import { FONT_STACK } from './email-styles.ts';
import { escapeHtml } from './html-escape.ts';

export interface EmailShellParts {
  title: string;
  /** The preview line; empty for none. */
  preheader: string;
  /** The template's HTML, inside the 600px card. */
  content: string;
  /**
   * For the clipboard ("Copy for email"), which a rich editor pastes: no style sheet and no preheader.
   * With a `<style>` in the document, Chromium's clipboard rewrites every element's style from its
   * computed style, baking the editor page's width into the tables (`width: 769px`); and a paste
   * target has its head and its preview line of its own.
   */
  forPasting?: boolean;
}

const LIGHT = { page: '#f3f4f6', card: '#ffffff', text: '#1f2937' };

// Dark palette: the @media rules and Outlook.com's attribute selectors share it.
const DARK_RULES = [
  ['.rd-page, .rd-body', 'background-color:#111827'],
  ['.rd-card', 'background-color:#1f2937'],
  ['.rd-content, .rd-content p, .rd-content li, .rd-content td', 'color:#e5e7eb'],
  ['.rd-content h1, .rd-content h2, .rd-content h3, .rd-content h4, .rd-content strong', 'color:#f9fafb'],
  ['.rd-content a', 'color:#93c5fd'],
  ['.rd-content h2, .rd-content hr', 'border-color:#374151'],
  ['.rd-content blockquote', 'color:#d1d5db;border-color:#4b5563'],
  ['.rd-content code, .rd-content pre', 'background-color:#111827;color:#e5e7eb'],
] as const;

function importantRules(prefix: string, rules: readonly (readonly [string, string])[]): string {
  return rules.map(([selectors, declarations]) => {
    const scoped = selectors.split(', ').map((selector) => `${prefix}${selector}`).join(', ');
    return `${scoped} { ${declarations.split(';').map((declaration) => `${declaration} !important`).join('; ')}; }`;
  }).join('\n');
}

const isBackground = ([, declarations]: readonly [string, string]): boolean => declarations.startsWith('background');

const STYLE_SHEET = `:root { color-scheme: light dark; supported-color-schemes: light dark; }
@media (prefers-color-scheme: dark) {
${importantRules('', DARK_RULES)}
}
${importantRules('[data-ogsc] ', DARK_RULES.filter((rule) => !isBackground(rule)))}
${importantRules('[data-ogsb] ', DARK_RULES.filter(isBackground))}`;

const PREHEADER_STYLE = `display:none;font-size:1px;color:${LIGHT.page};line-height:1px;max-height:0px;max-width:0px;opacity:0;overflow:hidden;mso-hide:all;`;
const PREHEADER_FILLER = '&#8199;&#65279;&#847; '.repeat(90).trimEnd();

const CONTENT_STYLE = `padding:32px 32px 16px;font-family:${FONT_STACK};font-size:16px;line-height:1.6;color:${LIGHT.text};`
  + 'overflow-wrap:break-word;word-wrap:break-word;word-break:break-word;';

function preheader(text: string): string {
  return text === '' ? '' : `<div style="${PREHEADER_STYLE}">${escapeHtml(text)}${PREHEADER_FILLER}</div>\n`;
}

/** The complete HTML email; deterministic, ends with exactly one newline. */
export function wrapEmailShell({ title, preheader: preview, content, forPasting = false }: EmailShellParts): string {
  const safeTitle = escapeHtml(title);
  const styleSheet = forPasting ? '' : `<style>\n${STYLE_SHEET}\n</style>\n`;
  return `<!DOCTYPE html>
<html lang="en" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<meta name="format-detection" content="telephone=no, date=no, address=no, email=no, url=no">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light dark">
<title>${safeTitle}</title>
<!--[if mso]><noscript><xml><o:OfficeDocumentSettings><o:PixelsPerInch>96</o:PixelsPerInch></o:OfficeDocumentSettings></xml></noscript><![endif]-->
${styleSheet}</head>
<body class="rd-body" style="margin:0;padding:0;word-spacing:normal;background-color:${LIGHT.page};">
${forPasting ? '' : preheader(preview)}<div role="article" aria-roledescription="email" aria-label="${safeTitle}" lang="en">
<table role="presentation" class="rd-page" width="100%" cellpadding="0" cellspacing="0" border="0" style="width:100%;background-color:${LIGHT.page};">
<tr>
<td align="center" style="padding:24px 12px;">
<!--[if mso]><table role="presentation" align="center" width="600" cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]-->
<table role="presentation" class="rd-card" width="100%" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;background-color:${LIGHT.card};border-radius:8px;">
<tr>
<td class="rd-content" style="${CONTENT_STYLE}">
${content}
</td>
</tr>
</table>
<!--[if mso]></td></tr></table><![endif]-->
</td>
</tr>
</table>
</div>
</body>
</html>
`;
}
