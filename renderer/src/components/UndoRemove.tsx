import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';

// Removing a row of a form (a document, a payment) takes one click and can be taken back: the
// row removed last is kept, and a bar offers 「元に戻す」 to put it back where it was with
// everything typed in it. Only the last removal is kept, as in an office editor's undo.
export function useUndoableRemove<T>(
  array: { remove: (index: number) => void; insert: (index: number, value: T) => void },
  current: (index: number) => T | undefined,
): { remove: (index: number, label: string) => void; bar: ReactNode } {
  const [removed, setRemoved] = useState<{ index: number; value: T; label: string } | null>(null);
  const remove = (index: number, label: string) => {
    const value = current(index);
    if (value === undefined) return;
    array.remove(index);
    setRemoved({ index, value, label });
  };
  const bar = removed ? (
    <MessageBar intent="info" role="status">
      <MessageBarBody>{removed.label}を削除しました。</MessageBarBody>
      <MessageBarActions>
        <Button
          size="small"
          onClick={() => {
            array.insert(removed.index, removed.value);
            setRemoved(null);
          }}
        >
          元に戻す
        </Button>
      </MessageBarActions>
    </MessageBar>
  ) : null;
  return { remove, bar };
}
