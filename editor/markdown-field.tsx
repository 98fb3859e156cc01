/**
 * A Markdown text (intro, outro) with its rendering beside it, as the exports will show it (see
 * MarkdownView). The rendering scrolls when long, so it takes focus (keyboard scrolling).
 */
import { MarkdownView } from '../src/ui/markdown-view.tsx';
import { SavedField } from '../src/ui/saved-field.tsx';

interface Props {
  id: string;
  label: string;
  value: string;
  onSave: (value: string) => void;
}

export function MarkdownField({ id, label, value, onSave }: Props) {
  return (
    <div class="markdown-field">
      <SavedField id={id} label={label} value={value} onSave={onSave} multiline rows={5} hint="Markdown" />
      <div class="markdown-rendered" aria-label={`${label}, rendered`} role="region" tabIndex={0}>
        <MarkdownView markdown={value} empty={<p class="hint">Nothing yet.</p>} />
      </div>
    </div>
  );
}
