/**
 * The issue's sections and items: rename, reorder, add and remove sections; edit, move and remove
 * items. Removals can be undone from the notice they leave. Moves are said aloud (aria-live).
 */
import { useRef, useState } from 'preact/hooks';
import { liveSections } from '../src/core/live-parts.ts';
import { describeItemPlace, itemMoveTarget, type ItemPlace } from '../src/core/item-move-target.ts';
import type { Issue } from '../src/core/model.ts';
import { AddSectionForm } from '../src/ui/add-section-form.tsx';
import { send } from '../src/ui/send.ts';
import { SectionBlock, type SectionActions } from './section-block.tsx';
import type { EditorState } from './use-editor.ts';
import { useItemDrag } from './use-item-drag.ts';

interface Removed {
  kind: 'item' | 'section';
  id: string;
  text: string;
}

export function SectionsEditor({ editor, issue }: { editor: EditorState; issue: Issue }) {
  const [removed, setRemoved] = useState<Removed | null>(null);
  const issueId = issue.id;
  // Keyboard moves run one after another, each from where the previous one left the item: a second
  // Alt+Arrow pressed before the first answer arrives must not start from the old order.
  const latest = useRef(issue);
  latest.current = issue;
  const moves = useRef<Promise<unknown>>(Promise.resolve());

  async function placeItem(itemId: string, place: ItemPlace, title: string) {
    const moved = await editor.change(() => send('item/move', { issueId, itemId, ...place }));
    if (moved) latest.current = moved;
    const now = moved && describeItemPlace(moved, itemId);
    if (now) editor.announce(`Moved “${title}” to ${now.sectionName}, ${now.position} of ${now.count}.`);
    editor.setFocusItemId(itemId);
  }

  const drag = useItemDrag(issue, (itemId, place) => {
    const title = issue.items.find((item) => item.id === itemId)?.title ?? '';
    void placeItem(itemId, place, title);
  });

  const actions: SectionActions = {
    rename: (section, name) => void editor.change(() => send('section/rename', { issueId, sectionId: section.id, name })),
    moveSection: (section, index) => void editor.change(() => send('section/move', { issueId, sectionId: section.id, index }),
      `Moved section ${section.name} to position ${index + 1}.`),
    removeSection: (section) => void editor.change(() => send('section/remove', { issueId, sectionId: section.id }))
      .then((next) => next && setRemoved({ kind: 'section', id: section.id, text: `Removed section “${section.name}” and its items.` })),
    saveItem: (item, patch) => void editor.change(() => send('item/update', { issueId, itemId: item.id, patch })),
    moveItem: (item, direction) => {
      moves.current = moves.current.then(async () => {
        const place = itemMoveTarget(latest.current, item.id, direction);
        if (place) await placeItem(item.id, place, item.title);
        else editor.announce(`“${item.title}” is already ${direction === 'up' || direction === 'previous-section' ? 'first' : 'last'}.`);
      });
    },
    removeItem: (item) => void editor.change(() => send('item/remove', { issueId, itemId: item.id }))
      .then((next) => next && setRemoved({ kind: 'item', id: item.id, text: `Removed “${item.title}”.` })),
  };

  async function undo(what: Removed) {
    const restored = await editor.change(() => (what.kind === 'item'
      ? send('item/restore', { issueId, itemId: what.id })
      : send('section/restore', { issueId, sectionId: what.id })), 'Restored.');
    if (restored) setRemoved(null);
  }

  const sections = liveSections(issue);
  return (
    <div class="sections">
      <p id="move-hint" class="hint">
        To move an item, focus it and press Alt+↑ or Alt+↓; Alt+← and Alt+→ move it to the previous or next section. Or drag it by its grip.
      </p>
      {removed && (
        <p role="status" class="notice">
          {removed.text} <button type="button" class="link" onClick={() => void undo(removed)}>Undo</button>
        </p>
      )}
      {sections.map((section, index) => (
        <SectionBlock key={section.id} issue={issue} section={section} index={index} sectionCount={sections.length} drag={drag} actions={actions} />
      ))}
      <AddSectionForm class="row add-section" placeholder="New section name" onAdd={async (name) =>
        (await editor.change(async () => (await send('section/add', { issueId, name })).issue, `Added section ${name.trim()}.`)) !== null} />
    </div>
  );
}
