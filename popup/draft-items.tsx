import { useState } from 'preact/hooks';
import { liveItems, liveSections } from '../src/core/live-parts.ts';
import type { Issue, Item } from '../src/core/model.ts';
import { LIMITS } from '../src/core/limits.ts';
import { AddSectionForm } from '../src/ui/add-section-form.tsx';
import { send } from '../src/ui/send.ts';
import { titleText } from '../src/ui/title-text.ts';
import { useNotice } from '../src/ui/use-notice.ts';
import type { usePopup } from './use-popup.ts';
import { logRejection } from '../src/core/rejections.ts';

interface Props {
  popup: ReturnType<typeof usePopup>;
  draft: Issue;
}


/** The current draft, compact, by section: each item editable and removable (with undo, where it was). */
export function DraftItems({ popup, draft }: Props) {
  const [removed, setRemoved] = useNotice<Item>();

  async function run(action: () => Promise<Issue>): Promise<boolean> {
    setRemoved(null); // the next action ends the last notice
    try {
      popup.setDraft(await action());
      return true;
    } catch (caught) {
      popup.fail(caught);
      return false;
    }
  }

  const sections = liveSections(draft);
  const count = liveItems(draft).length;
  return (
    <section class="draft" aria-labelledby="draft-heading">
      <h2 id="draft-heading">Issue #{draft.number}: {count} {count === 1 ? 'item' : 'items'}</h2>
      {sections.map((section) => (
        <DraftSection key={section.id} name={section.name} items={liveItems(draft, section.id)}
          removed={removed?.sectionId === section.id ? removed : null}
          onUndo={(item) => { run(() => send('item/restore', { issueId: draft.id, itemId: item.id })).catch(popup.fail); }}
          onSave={async (itemId, patch) => void await run(() => send('item/update', { issueId: draft.id, itemId, patch }))}
          onRemove={async (item) => { if (await run(() => send('item/remove', { issueId: draft.id, itemId: item.id }))) setRemoved(item); }} />
      ))}
      <AddSectionForm class="row add-section" placeholder="New section" onAdd={(name) => run(async () => (await send('section/add', { issueId: draft.id, name })).issue)} />
    </section>
  );
}

interface SectionProps {
  name: string;
  items: Item[];
  /** The item just removed from this section, whose Undo shows where it was. */
  removed: Item | null;
  onUndo: (item: Item) => void;
  onSave: (itemId: string, patch: { title: string; summary: string }) => Promise<void>;
  onRemove: (item: Item) => Promise<void>;
}

/**
 * A section of the draft, collapsed to its name and count until opened: a draft of a thousand items
 * must not slow the popup's first paint, which is about the page being captured.
 */
function DraftSection({ name, items, removed, onUndo, onSave, onRemove }: SectionProps) {
  const [open, setOpen] = useState(false);
  // The removed item keeps its place in the list, as its Undo, for as long as the notice lasts.
  const rows = removed ? [...items, removed].sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0)) : items;
  return (
    <div class="draft-section">
      <h3>
        <button type="button" class="disclosure" aria-expanded={open || removed !== null} onClick={() => setOpen(!open)}>
          {name} <span class="count">({items.length})</span>
        </button>
      </h3>
      {(open || removed) && rows.length > 0 && (
        <ul>
          {rows.map((item) => (item === removed
            ? (
              <li key={item.id} class="removed" role="status">
                Removed “{titleText(item.title, item.url)}”. <button type="button" class="link" onClick={() => onUndo(item)}>Undo</button>
              </li>
            )
            : <DraftItem key={item.id} item={item} onSave={(patch) => onSave(item.id, patch)} onRemove={() => onRemove(item)} />))}
        </ul>
      )}
    </div>
  );
}

interface ItemProps {
  item: Item;
  onSave: (patch: { title: string; summary: string }) => Promise<void>;
  onRemove: () => Promise<void>;
}

function DraftItem({ item, onSave, onRemove }: ItemProps) {
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(item.title);
  const [summary, setSummary] = useState(item.summary);
  const shown = titleText(item.title, item.url);

  if (!editing) {
    return (
      <li>
        <span class="item-title" title={shown}>{shown}</span>
        <button type="button" class="link" aria-label={`Edit “${shown}”`} onClick={() => { setTitle(item.title); setSummary(item.summary); setEditing(true); }}>Edit</button>
        <button type="button" class="link" aria-label={`Remove “${shown}”`} onClick={() => { onRemove().catch(logRejection('remove the item')); }}>Remove</button>
      </li>
    );
  }
  const idBase = `item-${item.id}`;
  return (
    <li>
      <form onSubmit={(event) => { event.preventDefault(); onSave({ title, summary }).then(() => setEditing(false), logRejection('save the item')); }}
        onKeyDown={(event) => { if (event.key === 'Escape') { event.preventDefault(); setEditing(false); } }}>
        <label for={`${idBase}-title`}>Item title</label>
        <input id={`${idBase}-title`} type="text" value={title} maxLength={LIMITS.title} onInput={(event) => setTitle(event.currentTarget.value)} />
        <label for={`${idBase}-summary`}>Item summary</label>
        <textarea id={`${idBase}-summary`} rows={3} value={summary} maxLength={LIMITS.summary} onInput={(event) => setSummary(event.currentTarget.value)} />
        <button type="submit">Save</button>
        <button type="button" onClick={() => setEditing(false)}>Cancel</button>
      </form>
    </li>
  );
}
