/**
 * A Markdown text (intro, outro) with its rendering beside it, as the exports will show it.
 * The rendering comes from the exports' own parser (raw HTML off, only safe links), which is why it
 * may be put into the page as HTML. The rendering scrolls when long, so it takes focus (keyboard scrolling).
 */
import { markdownToHtml } from '../src/core/inline-markdown.ts';
import { SavedField } from '../src/ui/saved-field.tsx';

interface Props {
  id: string;
  label: string;
  value: string;
  onSave: (value: string) => void;
}

export function MarkdownField({ id, label, value, onSave }: Props) {
  const rendered = markdownToHtml(value, {});
  return (
    <div class="markdown-field">
      <SavedField id={id} label={label} value={value} onSave={onSave} multiline rows={5} hint="Markdown" />
      <div class="markdown-rendered" aria-label={`${label}, rendered`} role="region" tabIndex={0}>
        {rendered.trim() === '' ? <p class="hint">Nothing yet.</p> : <div dangerouslySetInnerHTML={{ __html: rendered }} />}
      </div>
    </div>
  );
}
