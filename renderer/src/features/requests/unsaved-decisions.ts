import { useSyncExternalStore } from 'react';

// Which kinds of a request have a decision with edits not yet saved. The decision form says so and
// the letters section beside it reads it: a decision letter's draft shows the saved decision, so
// it must not be offered as if it showed what is on the screen.
const unsaved = new Map<string, string>();
const listeners = new Set<() => void>();

export function markUnsaved(requestId: string, kind: string, dirty: boolean): void {
  const kinds = new Set((unsaved.get(requestId) ?? '').split(',').filter(Boolean));
  if (dirty) kinds.add(kind);
  else kinds.delete(kind);
  const next = [...kinds].sort().join(',');
  if (next === (unsaved.get(requestId) ?? '')) return;
  if (next === '') unsaved.delete(requestId);
  else unsaved.set(requestId, next);
  for (const l of listeners) l();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

// Whether any decision of the request has unsaved edits.
export function useUnsavedDecision(requestId: string): boolean {
  return useSyncExternalStore(subscribe, () => unsaved.has(requestId));
}
