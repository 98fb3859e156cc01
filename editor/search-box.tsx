/** "Did we already feature this?": searches every issue's items by link or words, as the editor types. */
import { useEffect, useState } from 'preact/hooks';
import type { SearchHit } from '../src/core/search-items.ts';
import { send } from '../src/ui/send.ts';
import { routeHref } from './use-editor.ts';

const TYPING_PAUSE_MS = 150;

export function SearchBox({ onError }: { onError: (caught: unknown) => void }) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);

  useEffect(() => {
    if (query.trim() === '') {
      setHits(null);
      return undefined;
    }
    let current = true;
    const timer = setTimeout(() => {
      send('items/search', { query }).then((found) => { if (current) setHits(found); }, onError);
    }, TYPING_PAUSE_MS);
    return () => { current = false; clearTimeout(timer); };
  }, [query, onError]);

  return (
    <div role="search" class="search">
      <label for="search">Did we already feature this?</label>
      <input id="search" type="search" placeholder="Paste a link or type words" value={query}
        onInput={(event) => setQuery(event.currentTarget.value)} />
      <p class="visually-hidden" aria-live="polite">
        {hits === null ? '' : hits.length === 0 ? 'No issue has it.' : `${hits.length} found.`}
      </p>
      {hits !== null && (hits.length === 0 ? <p class="hint">No issue has it.</p> : (
        <ul class="search-hits">
          {hits.map((hit) => (
            <li key={`${hit.issueId}/${hit.itemId}`}>
              <a href={routeHref(hit.issueId, hit.itemId)}>
                <span class="hit-where">#{hit.issueNumber} · {hit.sectionName}{hit.issueStatus === 'draft' ? ' (draft)' : ''}</span>
                <span class="hit-title">{hit.title || hit.url}</span>
              </a>
            </li>
          ))}
        </ul>
      ))}
    </div>
  );
}
