import { parentPort, threadId } from 'node:worker_threads';
import { doFileWork, keysOf, type FileWork } from './file-work';

// The worker thread of in-worker.ts: pieces of file work one after another, each result or error
// posted back under its id. The keys a piece carried are zeroed once it is done.
parentPort?.on('message', (m: { id: number; work: FileWork; nativeBinding: string | undefined }) => {
  Promise.resolve()
    .then(async () => await doFileWork(m.work, m.nativeBinding))
    .then(
      (result) => parentPort?.postMessage({ id: m.id, ok: true, result, threadId }),
      (err: unknown) => {
        const e = err instanceof Error ? err : new Error(String(err));
        const code = 'code' in e ? (e as { code: unknown }).code : undefined;
        parentPort?.postMessage({ id: m.id, ok: false, error: { name: e.name, message: e.message, code } });
      },
    )
    .finally(() => {
      for (const k of keysOf(m.work)) k.fill(0);
    });
});
