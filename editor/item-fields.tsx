/** Every field of an item, each saved as it is typed (links and dates once complete and valid). */
import { ITEM_KINDS, type Item } from '../src/core/model.ts';
import { LIMITS, isPublishedDate } from '../src/core/schema.ts';
import type { ItemPatch } from '../src/core/issue-ops.ts';
import { SavedField } from '../src/ui/saved-field.tsx';


function checkUrl(optional: boolean) {
  return (value: string) => {
    if (optional && value.trim() === '') return null;
    return URL.canParse(value.trim()) ? null : 'Enter a whole address, starting with https://';
  };
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

export function ItemFields({ item, onSave }: { item: Item; onSave: (patch: ItemPatch) => void }) {
  const id = (field: string) => `item-${item.id}-${field}`;
  return (
    <div class="item-fields">
      <SavedField id={id('title')} label="Title" value={item.title} onSave={(title) => onSave({ title })}
        validate={(title) => (title.length > LIMITS.title ? `At most ${LIMITS.title.toLocaleString('en')} characters` : null)}
        hint="Markdown: *emphasis*, `code`" />
      <SavedField id={id('summary')} label="Summary" value={item.summary} onSave={(summary) => onSave({ summary })} multiline rows={4}
        hint="Markdown: *emphasis*, `code`, [links](https://…)" />
      <SavedField id={id('note')} label="Private note" value={item.note} onSave={(note) => onSave({ note })} multiline rows={2}
        hint="Only for you: never exported." />
      <div class="field-grid">
        <SavedField id={id('url')} label="Link" type="url" saveOn="change" value={item.url} validate={checkUrl(false)}
          onSave={(url) => onSave({ url: url.trim() })} />
        <SavedField id={id('site')} label="Site" value={item.site} onSave={(site) => onSave({ site })} />
        <SavedField id={id('authors')} label="Authors" value={item.authors.join('\n')} multiline rows={2} saveOn="change"
          hint="One per line." onSave={(text) => onSave({ authors: text.split('\n').map((name) => name.trim()).filter(Boolean) })} />
        <SavedField id={id('published')} label="Published" value={item.publishedAt ?? ''} saveOn="change" placeholder="YYYY-MM-DD"
          validate={(value) => (value.trim() === '' || isPublishedDate(value.trim()) ? null : 'Enter a date like 2021-06-24, 2021-06 or 2021')}
          onSave={(value) => onSave({ publishedAt: orNull(value) })} />
        <div class="field">
          <label for={id('kind')}>Kind</label>
          <select id={id('kind')} value={item.kind} onChange={(event) => onSave({ kind: event.currentTarget.value as Item['kind'] })}>
            {ITEM_KINDS.map((kind) => <option key={kind} value={kind}>{kind}</option>)}
          </select>
        </div>
        <SavedField id={id('canonical')} label="Canonical link" type="url" saveOn="change" value={item.canonicalUrl ?? ''}
          validate={checkUrl(true)} onSave={(value) => onSave({ canonicalUrl: orNull(value) })} />
        <SavedField id={id('image')} label="Image" type="url" saveOn="change" value={item.image ?? ''}
          validate={checkUrl(true)} onSave={(value) => onSave({ image: orNull(value) })} />
      </div>
    </div>
  );
}
