/** One section: its name (renamed as typed), its place among the sections, and its items. */
import { Fragment, type ComponentChild } from 'preact';
import { liveItems } from '../src/core/live-parts.ts';
import type { ItemPatch } from '../src/core/issue-ops.ts';
import type { MoveDirection } from '../src/core/item-move-target.ts';
import type { Issue, Item, Section } from '../src/core/model.ts';
import { SavedField } from '../src/ui/saved-field.tsx';
import { ItemCard } from './item-card.tsx';
import type { ItemDrag } from './use-item-drag.ts';

export interface SectionActions {
  rename: (section: Section, name: string) => void;
  /** One place up (-1) or down (+1), from wherever the section is when the move is made. */
  moveSection: (section: Section, step: -1 | 1) => void;
  removeSection: (section: Section) => void;
  saveItem: (item: Item, patch: ItemPatch) => void;
  moveItem: (item: Item, direction: MoveDirection) => void;
  removeItem: (item: Item) => void;
}

interface Props {
  issue: Issue;
  section: Section;
  index: number;
  sectionCount: number;
  drag: ItemDrag;
  actions: SectionActions;
  /** An item just removed from this section: its notice (with Undo) stands where it was. */
  removedItem: { position: string; notice: ComponentChild } | null;
}

export function SectionBlock({ issue, section, index, sectionCount, drag, actions, removedItem }: Props) {
  const items = liveItems(issue, section.id);
  const others = items.filter((item) => item.id !== drag.dragged);
  const dropIndex = drag.place?.sectionId === section.id ? drag.place.index : null;
  return (
    <section class="section-block" aria-label={`Section ${section.name}`} {...drag.overSection(section.id)}>
      <div class="section-head">
        <SavedField id={`section-${section.id}-name`} label="Section name" labelHidden value={section.name} class="section-name"
          validate={(name) => (name.trim() === '' ? 'A section needs a name.' : null)} onSave={(name) => actions.rename(section, name)} />
        <span class="count">{items.length} item{items.length === 1 ? '' : 's'}</span>
        <div class="toolbar">
          <button type="button" class="quiet" disabled={index === 0} aria-label={`Move section ${section.name} up`}
            onClick={() => actions.moveSection(section, -1)}>↑</button>
          <button type="button" class="quiet" disabled={index === sectionCount - 1} aria-label={`Move section ${section.name} down`}
            onClick={() => actions.moveSection(section, 1)}>↓</button>
          <button type="button" class="quiet" aria-label={`Remove section ${section.name}`} onClick={() => actions.removeSection(section)}>Remove</button>
        </div>
      </div>
      <ul class={`items${dropIndex === others.length ? ' drop-end' : ''}`}>
        {items.map((item, itemIndex) => (
          <Fragment key={item.id}>
          {removedItem && item.position > removedItem.position && (items[itemIndex - 1]?.position ?? '') <= removedItem.position
            && <li class="removed-slot">{removedItem.notice}</li>}
          <ItemCard item={item} sectionId={section.id} drag={drag}
            dropBefore={dropIndex !== null && others[dropIndex]?.id === item.id}
            onSave={(patch) => actions.saveItem(item, patch)} onMove={(direction) => actions.moveItem(item, direction)}
            onRemove={() => actions.removeItem(item)} />
          </Fragment>
        ))}
        {removedItem && (items.at(-1)?.position ?? '') <= removedItem.position && <li class="removed-slot">{removedItem.notice}</li>}
      </ul>
      {items.length === 0 && <p class="hint empty-section">No items yet: drag one here, or move one with Alt+Arrow keys.</p>}
    </section>
  );
}
