/**
 * The markup parsers of the command line: linkedom, already Roundup's DOM for Node (capture tests,
 * CLI, benchmarks). An extension page passes the browser's own DOMParser instead.
 */
import { DOMParser, parseHTML } from 'linkedom';
import type { MarkupParsers } from './archive-files.ts';

export const nodeMarkupParsers: MarkupParsers = {
  html: (text) => parseHTML(text).document as unknown as Document,
  xml: (text) => new DOMParser().parseFromString(text, 'text/xml') as unknown as Document,
};
