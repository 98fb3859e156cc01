/**
 * The last gate for the editor's own templates: what a template produced must contain no active
 * content and no link other than http, https or mailto, whoever wrote the template (a template can
 * arrive from another device or a backup file) and whatever a page put into the fields it uses.
 *
 * Fields are escaped before this (template-engine.ts), so a page cannot add markup; but a template
 * decides where a field goes, and `<a href="{{ item.site }}">` would make a link of a page's text.
 * So the output is read here the way a reader's software reads it:
 * - HTML with the tokenizer rules of the HTML standard for the data state, tags and attributes
 *   (every element that would switch to another state, such as script, style, textarea or svg, is
 *   refused first), so what is checked is what a browser or mail client builds;
 * - Markdown with a CommonMark parser that trusts everything (raw HTML on, every link kept), as the
 *   worst consumer would, with its raw HTML checked as above.
 * Presets are not checked here: test/unit/hostile-inputs.test.ts checks them with every hostile case.
 */
import MarkdownIt from 'markdown-it';
import type { ExportFormat } from './format-writers.ts';
import { toSafeLinkUrl } from './safe-url.ts';

/** Unsafe output from the editor's template: the message says what was found, in plain words. */
export class OutputRefused extends Error {
  override name = 'OutputRefused';
}

const ALLOWED_ELEMENTS = new Set(('a abbr address article aside b bdi bdo big blockquote br caption center cite code col colgroup dd del '
  + 'details dfn div dl dt em figcaption figure font footer h1 h2 h3 h4 h5 h6 header hr i img ins kbd li main mark nav ol p pre q s '
  + 'samp section small span strike strong sub summary sup table tbody td tfoot th thead time tr tt u ul var wbr').split(' '));
const URL_ATTRIBUTES = new Set(['href', 'src', 'background', 'action', 'cite', 'longdesc', 'lowsrc', 'dynsrc', 'poster', 'usemap', 'data', 'codebase', 'xlink:href', 'profile']);
const REFUSED_ATTRIBUTES = new Set(['srcdoc', 'srcset', 'formaction', 'ping', 'http-equiv']);
const UNSAFE_STYLE = /expression\s*\(|javascript:|url\s*\(|@import|behavior\s*:|-moz-binding/i;

// The named references that can spell a URL scheme or its separators; any other `&` before the
// scheme's colon makes the target unreadable here, so it is refused rather than guessed.
const NAMED = new Map(Object.entries({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", colon: ':', tab: '\t', newline: '\n', sol: '/', lpar: '(', rpar: ')', period: '.', nbsp: '\u00a0' }));

function decodeAttribute(value: string): string {
  return value.replace(/&#x([0-9a-f]+);?|&#([0-9]+);?|&([a-z]+);/gi, (match, hex?: string, decimal?: string, name?: string) => {
    if (name !== undefined) return NAMED.get(name.toLowerCase()) ?? match;
    const code = hex !== undefined ? parseInt(hex, 16) : Number(decimal);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
  });
}

/** A link target a reader may follow: a fragment of this document, or a safe http, https or mailto URL. */
function isSafeTarget(target: string): boolean {
  if (/^#/.test(target.trim())) return true;
  const colon = target.indexOf(':');
  if (colon !== -1 && target.slice(0, colon).includes('&')) return false;
  return toSafeLinkUrl(target) !== null;
}

function checkAttribute(element: string, name: string, rawValue: string): void {
  const value = decodeAttribute(rawValue);
  if (/^on/.test(name) || REFUSED_ATTRIBUTES.has(name)) throw new OutputRefused(`the template writes <${element} ${name}=…>, and an email may not have that attribute`);
  if (URL_ATTRIBUTES.has(name) && !isSafeTarget(value)) {
    throw new OutputRefused(`the template writes <${element} ${name}="${value.slice(0, 80)}">, and only http, https and mailto links are allowed`);
  }
  if (name === 'style' && UNSAFE_STYLE.test(value)) throw new OutputRefused(`the template writes a style on <${element}> that could load or run something`);
}

// The tokenizer states of the HTML standard, as sticky patterns: tag name; before attribute name
// (spaces and `/`); attribute name (its first character may be `=`); around `=`; unquoted value.
const TAG_NAME = /[^\t\n\f\r />]*/y;
const BEFORE_ATTRIBUTE = /[\t\n\f\r /]*/y;
const ATTRIBUTE_NAME = /[^\t\n\f\r />][^\t\n\f\r />=]*/y;
const SPACES = /[\t\n\f\r ]*/y;
const UNQUOTED_VALUE = /[^\t\n\f\r >]*/y;

/** Matches a sticky pattern at `index`; returns the match (maybe empty) and the index after it. */
function take(pattern: RegExp, html: string, index: number): [string, number] {
  pattern.lastIndex = index;
  const match = pattern.exec(html)?.[0] ?? '';
  return [match, index + match.length];
}

/** Reads one tag from `<` at `start` (name, then attributes as the HTML standard tokenizes them); returns the index after `>`. */
function readTag(html: string, start: number, isEndTag: boolean): number {
  let [name, index] = take(TAG_NAME, html, start + (isEndTag ? 2 : 1));
  name = name.toLowerCase();
  if (!ALLOWED_ELEMENTS.has(name)) throw new OutputRefused(`the template writes a <${name}> element, which an email may not contain`);
  for (;;) {
    index = take(BEFORE_ATTRIBUTE, html, index)[1];
    if (index >= html.length) throw new OutputRefused(`the template leaves a <${name}> tag unclosed`);
    if (html[index] === '>') return index + 1;
    let attribute: string;
    [attribute, index] = take(ATTRIBUTE_NAME, html, index);
    const afterName = take(SPACES, html, index)[1];
    let value = '';
    if (html[afterName] === '=') {
      index = take(SPACES, html, afterName + 1)[1];
      const quote = html[index];
      if (quote === '"' || quote === "'") {
        const end = html.indexOf(quote, index + 1);
        if (end === -1) throw new OutputRefused(`the template leaves a quoted attribute of <${name}> unclosed`);
        value = html.slice(index + 1, end);
        index = end + 1;
      } else {
        [value, index] = take(UNQUOTED_VALUE, html, index);
      }
    } else {
      index = afterName;
    }
    if (!isEndTag) checkAttribute(name, attribute.toLowerCase(), value);
  }
}

/** Where a comment that starts at `start` (`<!--`) ends, as the HTML standard reads it. */
function commentEnd(html: string, start: number): number {
  const body = start + 4;
  if (html.startsWith('>', body)) return body + 1;
  if (html.startsWith('->', body)) return body + 2;
  const ends = [html.indexOf('-->', body), html.indexOf('--!>', body)].filter((end) => end !== -1);
  if (ends.length === 0) return html.length;
  const end = Math.min(...ends);
  return end + (html.startsWith('-->', end) ? 3 : 4);
}

/** Throws OutputRefused when HTML written by a template holds anything but inert elements and safe links. */
export function checkHtmlOutput(html: string): void {
  let index = html.indexOf('<');
  while (index !== -1) {
    const next = html[index + 1] ?? '';
    if (html.startsWith('<!--', index)) {
      const end = commentEnd(html, index);
      // Outlook reads the markup inside conditional comments; the document shell has the only ones an email needs.
      if (/\[if|endif\]/i.test(html.slice(index, end))) throw new OutputRefused('the template writes an Outlook conditional comment; Roundup writes the ones an email needs');
      index = html.indexOf('<', end);
      continue;
    }
    if (next === '!' || next === '?' || (next === '/' && !/[a-z]/i.test(html[index + 2] ?? ''))) {
      if (next === '/' && html[index + 2] === '>') { index = html.indexOf('<', index + 3); continue; }
      const end = html.indexOf('>', index);
      index = end === -1 ? -1 : html.indexOf('<', end + 1);
      continue;
    }
    if (/[a-z]/i.test(next) || next === '/') {
      index = html.indexOf('<', readTag(html, index, next === '/'));
      continue;
    }
    index = html.indexOf('<', index + 1);
  }
}

const trustingConsumer = new MarkdownIt({ html: true });
trustingConsumer.validateLink = () => true;

interface MarkdownToken { type: string; content: string; attrGet(name: string): string | null; children: MarkdownToken[] | null }

function checkMarkdownTokens(tokens: MarkdownToken[]): void {
  for (const token of tokens) {
    if (token.type === 'link_open' || token.type === 'image') {
      const target = token.attrGet(token.type === 'image' ? 'src' : 'href') ?? '';
      if (!isSafeTarget(target)) throw new OutputRefused(`the template writes a Markdown link to "${target.slice(0, 80)}", and only http, https and mailto links are allowed`);
    }
    if (token.type === 'html_block' || token.type === 'html_inline') checkHtmlOutput(token.content);
    if (token.children) checkMarkdownTokens(token.children);
  }
}

/** Throws OutputRefused when a template's output is unsafe for its format (plain text cannot be). */
export function guardTemplateOutput(format: ExportFormat, output: string): void {
  if (format === 'html') checkHtmlOutput(output);
  else if (format === 'md') checkMarkdownTokens(trustingConsumer.parse(output, {}) as unknown as MarkdownToken[]);
}
