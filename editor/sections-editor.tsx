/**
 * The issue's sections and items: rename, reorder, add and remove sections; edit, move and remove
 * items. Removals can be undone from the notice they leave. Moves are said aloud (aria-live).
 */
import { Fragment } from 'preact';
import { useRef } from 'preact/hooks';
import { liveSections } from '../src/core/live-parts.ts';
import { describeItemPlace, itemMoveTarget, type ItemPlace } from '../src/core/item-move-target.ts';
import type { Issue } from '../src/core/model.ts';
import { AddSectionForm } from '../src/ui/add-section-form.tsx';
import { send } from '../src/ui/send.ts';
import { useNotice } from '../src/ui/use-notice.ts';
import { shownTitle } from '../src/ui/shown-title.ts';
import { SectionBlock, type SectionActions } from './section-block.tsx';
import type { EditorState } from './use-editor.ts';
import { useItemDrag } from './use-item-drag.ts';

export interface Removed {
  kind: 'item' | 'section';
  id: string;
  /** Where the notice stands: the section the item was in, or the section itself. */
  sectionId: string;
  position: string;
  text: string;
}

export function SectionsEditor({ editor, issue }: { editor: EditorState; issue: Issue }) {
  // Shown where the removed part was, until the next action or a few seconds; "Recently removed" keeps it after.
  const [removed, setRemoved] = useNotice<Removed>();
  const issueId = issue.id;
  // Moves run one after another, each from where the previous one left the item or section: a second
  // Alt+Arrow or click pressed before the first answer arrives must not start from the old order.
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
    placeItem(itemId, place, title).catch(editor.fail);
  });

  const actions: SectionActions = {
    rename: (section, name) => { editor.change(() => send('section/rename', { issueId, sectionId: section.id, name })).catch(editor.fail); },
    // Like keyboard moves of items: one after another, each from where the previous one left the section,
    // so a second click before the first answer arrives moves it once more instead of to the same place.
    moveSection: (section, step) => {
      moves.current = moves.current.then(async () => {
        const order = liveSections(latest.current);
        const index = order.findIndex((candidate) => candidate.id === section.id) + step;
        if (index < 0 || index >= order.length) return;
        const moved = await editor.change(() => send('section/move', { issueId, sectionId: section.id, index }),
          `Moved section ${section.name} to position ${index + 1}.`);
        if (moved) latest.current = moved;
      });
    },
    removeSection: (section) => { editor.change(() => send('section/remove', { issueId, sectionId: section.id }))
      .then((next) => next && setRemoved({ kind: 'section', id: section.id, sectionId: section.id, position: section.position,
        text: `Removed section “${section.name}” and its items.` })).catch(editor.fail); },
    saveItem: (item, patch) => { editor.change(() => send('item/update', { issueId, itemId: item.id, patch })).catch(editor.fail); },
    moveItem: (item, direction) => {
      moves.current = moves.current.then(async () => {
        const place = itemMoveTarget(latest.current, item.id, direction);
        if (place) await placeItem(item.id, place, item.title);
        else editor.announce(`“${item.title}” is already ${direction === 'up' || direction === 'previous-section' ? 'first' : 'last'}.`);
      });
    },
    removeItem: (item) => { editor.change(() => send('item/remove', { issueId, itemId: item.id }))
      .then((next) => next && setRemoved({ kind: 'item', id: item.id, sectionId: item.sectionId, position: item.position,
        text: `Removed “${shownTitle(item)}”.` })).catch(editor.fail); },
  };

  async function undo(what: Removed) {
    setRemoved(null);
    const restored = await editor.change(() => (what.kind === 'item'
      ? send('item/restore', { issueId, itemId: what.id })
      : send('section/restore', { issueId, sectionId: what.id })), 'Restored.');
    if (!restored) setRemoved(what);
  }

  const sections = liveSections(issue);
  const notice = (what: Removed) => (
    <p role="status" class="notice removed-notice" key={`removed-${what.id}`}>
      {what.text} <button type="button" class="link" onClick={() => { undo(what).catch(editor.fail); }}>Undo</button>
    </p>
  );
  // A removed section's notice stands where the section was: before the first section that came after it.
  const sectionNoticeBefore = removed?.kind === 'section' ? sections.find((section) => section.position > removed.position)?.id ?? null : undefined;
  return (
    <div class="sections">
      <p id="move-hint" class="hint">
        To move an item, focus it and press Alt+↑ or Alt+↓; Alt+← and Alt+→ move it to the previous or next section. Or drag it by its grip.
      </p>
      {sections.map((section, index) => (
        <Fragment key={section.id}>
          {removed && sectionNoticeBefore === section.id && notice(removed)}
          <SectionBlock issue={issue} section={section} index={index} sectionCount={sections.length} drag={drag} actions={actions}
            removedItem={removed?.kind === 'item' && removed.sectionId === section.id ? { ...removed, notice: notice(removed) } : null} />
        </Fragment>
      ))}
      {removed && sectionNoticeBefore === null && notice(removed)}
      <AddSectionForm class="row add-section" placeholder="New section name" onAdd={async (name) =>
        (await editor.change(async () => (await send('section/add', { issueId, name })).issue, `Added section ${name.trim()}.`)) !== null} />
    </div>
  );
}
