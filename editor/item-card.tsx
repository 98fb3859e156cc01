/**
 * One item of the issue: what readers will see, at a glance, and every field on "Edit".
 * The card itself takes focus, so the keyboard can move it: Alt+Up/Down within the issue,
 * Alt+Left/Right to the previous or next section. The grip drags it.
 */
import { useState } from 'preact/hooks';
import { inlineMarkdownToPlainText } from '../src/core/inline-markdown.ts';
import type { ItemPatch } from '../src/core/issue-ops.ts';
import type { MoveDirection } from '../src/core/item-move-target.ts';
import type { Item } from '../src/core/model.ts';
import { shownTitle } from '../src/ui/shown-title.ts';
import { ItemFields } from './item-fields.tsx';
import type { ItemDrag } from './use-item-drag.ts';

const MOVE_KEYS: Readonly<Record<string, MoveDirection>> = {
  ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'previous-section', ArrowRight: 'next-section',
};

/** Alt+Arrow keeps its own meaning in text (word and line moves on some systems). */
function isTextEntry(target: EventTarget | null): boolean {
  return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement
    || (target instanceof HTMLInputElement && target.type !== 'checkbox' && target.type !== 'button');
}

interface Props {
  item: Item;
  sectionId: string;
  drag: ItemDrag;
  dropBefore: boolean;
  onSave: (patch: ItemPatch) => void;
  onMove: (direction: MoveDirection) => void;
  onRemove: () => void;
}


export function ItemCard({ item, sectionId, drag, dropBefore, onSave, onMove, onRemove }: Props) {
  const [open, setOpen] = useState(false);
  const title = shownTitle(item);

  function onKeyDown(event: KeyboardEvent) {
    const direction = MOVE_KEYS[event.key];
    if (!event.altKey || direction === undefined || isTextEntry(event.target)) return;
    event.preventDefault();
    onMove(direction);
  }

  const classes = ['item', dropBefore ? 'drop-before' : '', drag.dragged === item.id ? 'dragging' : ''].filter(Boolean).join(' ');
  return (
    <li class={classes} tabIndex={0} data-item-id={item.id} aria-describedby="move-hint" onKeyDown={onKeyDown}
      {...drag.overItem(sectionId, item.id)}>
      <div class="item-row">
        <span class="grip" aria-hidden="true" title="Drag to move" {...drag.handle(item.id)}>⠿</span>
        <div class="item-main">
          <p class="item-title">{title}</p>
          <p class="item-meta">{[item.site, item.kind === 'article' ? '' : item.kind, item.authors.join(', ')].filter(Boolean).join(' · ')}</p>
          {!open && item.summary && <p class="item-summary">{inlineMarkdownToPlainText(item.summary)}</p>}
          {!open && item.note && <p class="item-note"><span class="note-label">Private note</span> {item.note}</p>}
        </div>
        <div class="item-actions">
          <button type="button" class="quiet" aria-expanded={open} aria-controls={`item-${item.id}-fields`}
            aria-label={`${open ? 'Done editing' : 'Edit'} “${title}”`} onClick={() => setOpen(!open)}>{open ? 'Done' : 'Edit'}</button>
          <button type="button" class="quiet" aria-label={`Remove “${title}”`} onClick={onRemove}>Remove</button>
        </div>
      </div>
      {open && <div id={`item-${item.id}-fields`}><ItemFields item={item} onSave={onSave} /></div>}
    </li>
  );
}
