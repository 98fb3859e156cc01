/**
 * Drag and drop of items within and between sections (mouse and touchpad; the keyboard has
 * Alt+Arrow, see item-card.tsx). The drop target is kept as a place in `moveItem` terms, so the
 * drop line shown is exactly where the item lands. Event handlers read refs, not state: drag events
 * follow each other faster than a re-render, and a handler must not see the previous event's state.
 */
import { useRef, useState } from 'preact/hooks';
import { liveItems } from '../src/core/live-parts.ts';
import type { ItemPlace } from '../src/core/item-move-target.ts';
import type { Issue } from '../src/core/model.ts';

const DRAG_TYPE = 'application/x-roundup-item';

export function useItemDrag(issue: Issue, onDrop: (itemId: string, place: ItemPlace) => void) {
  const [shown, setShown] = useState<{ dragged: string | null; place: ItemPlace | null }>({ dragged: null, place: null });
  const dragged = useRef<string | null>(null);
  const place = useRef<ItemPlace | null>(null);

  const others = (sectionId: string) => liveItems(issue, sectionId).filter((item) => item.id !== dragged.current);

  function show(next: ItemPlace | null) {
    const same = next?.sectionId === place.current?.sectionId && next?.index === place.current?.index;
    place.current = next;
    if (!same) setShown({ dragged: dragged.current, place: next });
  }

  function end() {
    dragged.current = null;
    place.current = null;
    setShown({ dragged: null, place: null });
  }

  function drop(event: DragEvent) {
    event.preventDefault();
    if (dragged.current && place.current) onDrop(dragged.current, place.current);
    end();
  }

  return {
    place: shown.place,
    dragged: shown.dragged,
    /** For the grip: the whole item is the drag image. */
    handle: (itemId: string) => ({
      draggable: true,
      onDragStart: (event: DragEvent) => {
        event.dataTransfer?.setData(DRAG_TYPE, itemId);
        if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
        const card = (event.currentTarget as HTMLElement).closest('li');
        if (card) event.dataTransfer?.setDragImage(card, 16, 16);
        dragged.current = itemId;
        setShown({ dragged: itemId, place: null });
      },
      onDragEnd: end,
    }),
    /** Over an item: before or after it, by which half the pointer is in. */
    overItem: (sectionId: string, itemId: string) => ({
      onDragOver: (event: DragEvent) => {
        if (!dragged.current) return;
        event.preventDefault();
        event.stopPropagation();
        const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
        const after = event.clientY > box.top + box.height / 2;
        const index = others(sectionId).findIndex((item) => item.id === itemId);
        if (index !== -1) show({ sectionId, index: index + (after ? 1 : 0) });
        // Over the dragged item itself: the last place stands.
      },
      onDrop: drop,
    }),
    /** Over a section's empty space: its end. */
    overSection: (sectionId: string) => ({
      onDragOver: (event: DragEvent) => {
        if (!dragged.current) return;
        event.preventDefault();
        show({ sectionId, index: others(sectionId).length });
      },
      onDrop: drop,
    }),
  };
}

export type ItemDrag = ReturnType<typeof useItemDrag>;
