// Locks the vault after the administrator's idle time. The idle source differs per runtime:
// Electron asks the OS (powerMonitor.getSystemIdleTime), the harness counts from the last call.
export type IdleWatch = { stop: () => void };

export function watchIdle(opts: {
  idleSeconds: () => number;
  limitSeconds: () => number | null | Promise<number | null>;
  onIdle: () => void;
  intervalMs?: number | undefined;
}): IdleWatch {
  const check = async () => {
    const limit = await opts.limitSeconds();
    if (limit !== null && opts.idleSeconds() >= limit) opts.onIdle();
  };
  const timer = setInterval(() => {
    // A limit that cannot be read (the vault locked meanwhile) leaves the next tick to try again.
    check().catch(() => undefined);
  }, opts.intervalMs ?? 15_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
