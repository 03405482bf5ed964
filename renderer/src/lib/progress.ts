import { useEffect, useState } from 'react';
import { onEvent } from './api';

// The progress main reports while a long export or package runs (null until the first step).
export function useExportProgress(running: boolean): { done: number; total: number } | null {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  useEffect(() => {
    if (!running) return undefined;
    const off = onEvent('export.progress', setProgress);
    return () => {
      off();
      setProgress(null);
    };
  }, [running]);
  return running ? progress : null;
}
