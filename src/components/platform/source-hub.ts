/**
 * Where `<retention-source>` elements publish their data and widgets with
 * `source="ID"` pick it up. A widget may connect before its source (it waits),
 * and a source that reloads (new `src`) publishes a new version that every
 * watching widget recomputes from. One download, many widgets: the source has
 * the engine download and parse its file, and publishes the same URL input,
 * which the engine then serves parsed to every widget.
 */
import type { LoadError } from './errors.ts';
import type { DownloadProgress } from '../../engine/protocol.ts';
import type { RawInput } from './input.ts';

export interface SourceSnapshot {
  state: 'loading' | 'ready' | 'error';
  /** Increases with every new load, so widgets can tell new data from old. */
  version: number;
  input?: RawInput;
  /** How many records the engine parsed from it (when ready). */
  rows?: number;
  error?: LoadError;
  progress?: DownloadProgress;
}

type Listener = (snapshot: SourceSnapshot | undefined) => void;

const snapshots = new Map<string, SourceSnapshot>();
const listeners = new Map<string, Set<Listener>>();

/** Publishes the state of source `id`; `undefined` withdraws it (the source left the page). */
export function publishSource(id: string, snapshot: SourceSnapshot | undefined): void {
  if (snapshot) snapshots.set(id, snapshot);
  else snapshots.delete(id);
  for (const listener of [...(listeners.get(id) ?? [])]) listener(snapshot);
}

/** Calls `listener` now with the current state of `id` (maybe undefined) and on every change. Returns an unsubscribe. */
export function watchSource(id: string, listener: Listener): () => void {
  let set = listeners.get(id);
  if (!set) listeners.set(id, (set = new Set()));
  set.add(listener);
  listener(snapshots.get(id));
  return () => {
    set.delete(listener);
    if (set.size === 0) listeners.delete(id);
  };
}

export function currentSource(id: string): SourceSnapshot | undefined {
  return snapshots.get(id);
}
