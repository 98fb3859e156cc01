/**
 * A notice that leaves by itself ("Removed … Undo", "Copied …"): shown next to what it is about, gone after
 * a while or when the next action replaces or clears it. Undo stays possible later from "Recently removed".
 */
import { useCallback, useEffect, useState } from 'preact/hooks';

export const NOTICE_MS = 8_000;

export function useNotice<T>(ms = NOTICE_MS): [T | null, (notice: T | null) => void] {
  const [notice, setNotice] = useState<T | null>(null);
  useEffect(() => {
    if (notice === null) return undefined;
    const timer = setTimeout(() => setNotice(null), ms);
    return () => clearTimeout(timer);
  }, [notice, ms]);
  const show = useCallback((next: T | null) => setNotice(next), []);
  return [notice, show];
}
