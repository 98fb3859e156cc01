import { useState } from 'preact/hooks';
import { liveItems, liveSections } from '../src/core/live-parts.ts';
import type { Issue, Item } from '../src/core/model.ts';
import { AddSectionForm } from '../src/ui/add-section-form.tsx';
import { send } from '../src/ui/send.ts';
import type { usePopup } from './use-popup.ts';

interface Props {
  popup: ReturnType<typeof usePopup>;
  draft: Issue;
}

/** The current draft, compact, by section: each item editable and removable (with undo). */
export function DraftItems({ popup, draft }: Props) {
  const [removed, setRemoved] = useState<Item | null>(null);

  async function run(action: () => Promise<Issue>) {
    try {
      popup.setDraft(await action());
    } catch (caught) {
      popup.fail(caught);
    }
  }

  const sections = liveSections(draft);
  const count = liveItems(draft).length;
  return (
    <section class="draft" aria-labelledby="draft-heading">
      <h2 id="draft-heading">Issue #{draft.number}: {count} {count === 1 ? 'item' : 'items'}</h2>
      {removed && (
        <p role="status" class="notice">
          Removed “{removed.title}”.{' '}
          <button type="button" class="link" onClick={() => void run(() => send('item/restore', { issueId: draft.id, itemId: removed.id })).then(() => setRemoved(null))}>
            Undo
          </button>
        </p>
      )}
      {sections.map((section) => (
        <DraftSection key={section.id} name={section.name} items={liveItems(draft, section.id)}
          onSave={(itemId, patch) => run(() => send('item/update', { issueId: draft.id, itemId, patch }))}
          onRemove={(item) => run(() => send('item/remove', { issueId: draft.id, itemId: item.id })).then(() => setRemoved(item))} />
      ))}
      <AddSectionForm placeholder="New section" onAdd={async (name) => {
        await run(async () => (await send('section/add', { issueId: draft.id, name })).issue);
        return true;
      }} />
    </section>
  );
}

interface SectionProps {
  name: string;
  items: Item[];
  onSave: (itemId: string, patch: { title: string; summary: string }) => Promise<void>;
  onRemove: (item: Item) => Promise<void>;
}

/**
 * A section of the draft, collapsed to its name and count until opened: a draft of a thousand items
 * must not slow the popup's first paint, which is about the page being captured.
 */
function DraftSection({ name, items, onSave, onRemove }: SectionProps) {
  const [open, setOpen] = useState(false);
  return (
    <div class="draft-section">
      <h3>
        <button type="button" class="disclosure" aria-expanded={open} onClick={() => setOpen(!open)}>
          {name} <span class="count">({items.length})</span>
        </button>
      </h3>
      {open && items.length > 0 && (
        <ul>
          {items.map((item) => (
            <DraftItem key={item.id} item={item} onSave={(patch) => onSave(item.id, patch)} onRemove={() => onRemove(item)} />
          ))}
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

  if (!editing) {
    return (
      <li>
        <span class="item-title">{item.title}</span>
        <button type="button" class="link" aria-label={`Edit “${item.title}”`} onClick={() => setEditing(true)}>Edit</button>
        <button type="button" class="link" aria-label={`Remove “${item.title}”`} onClick={() => void onRemove()}>Remove</button>
      </li>
    );
  }
  const idBase = `item-${item.id}`;
  return (
    <li>
      <form onSubmit={(event) => { event.preventDefault(); void onSave({ title, summary }).then(() => setEditing(false)); }}
        onKeyDown={(event) => { if (event.key === 'Escape') { event.preventDefault(); setEditing(false); } }}>
        <label for={`${idBase}-title`}>Item title</label>
        <input id={`${idBase}-title`} type="text" value={title} onInput={(event) => setTitle(event.currentTarget.value)} />
        <label for={`${idBase}-summary`}>Item summary</label>
        <textarea id={`${idBase}-summary`} rows={3} value={summary} onInput={(event) => setSummary(event.currentTarget.value)} />
        <button type="submit">Save</button>
        <button type="button" onClick={() => setEditing(false)}>Cancel</button>
      </form>
    </li>
  );
}
