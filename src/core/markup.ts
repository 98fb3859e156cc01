/**
 * Text that is already written in an export's format, and so is printed by a template as it is.
 *
 * Templates escape every value for their format (template-engine.ts) except these. Only Roundup makes
 * them, from what it has rendered itself: the editor's Markdown (titles, summaries, intro, outro)
 * written out token by token with its text escaped, a Markdown link target, the text a template
 * captured. A page's text is never Markup: it reaches a template as a plain string and is escaped.
 *
 * The text sits in a private field, so a template cannot reach it as a property (`item.title.text`
 * is an unknown name), only print it.
 */
export class Markup {
  readonly #text: string;

  constructor(text: string) {
    this.#text = text;
  }

  toString(): string {
    return this.#text;
  }
}

/** The editor's block Markdown (intro, outro): also keeps the text as typed, for a template's explicit `| raw`. */
export class EditorMarkup extends Markup {
  readonly #source: string;

  constructor(rendered: string, source: string) {
    super(rendered);
    this.#source = source;
  }

  /** The Markdown as the editor typed it, unrendered. */
  get source(): string {
    return this.#source;
  }
}

/** Inline Markdown rendered for a format, able to render a shorter form of itself (the `first_sentence` helper). */
export class InlineMarkup extends Markup {
  readonly #firstSentence: () => Markup;

  constructor(rendered: string, firstSentence: () => Markup) {
    super(rendered);
    this.#firstSentence = firstSentence;
  }

  firstSentence(): Markup {
    return this.#firstSentence();
  }
}
