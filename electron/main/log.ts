import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';

// Logs carry event names, ids, codes and counts only: never names, addresses, keys or free text
// typed by staff. The field type keeps values scalar so nothing structured slips in by accident.
export type LogFields = Record<string, string | number | boolean | null>;
export type LogLevel = 'info' | 'warn' | 'error';
export type LogEntry = { time: string; level: LogLevel; event: string } & LogFields;

export type Logger = {
  info: (event: string, fields?: LogFields) => void;
  warn: (event: string, fields?: LogFields) => void;
  error: (event: string, fields?: LogFields) => void;
  close: () => Promise<void>;
};

function makeLogger(write: (entry: LogEntry) => void, close: () => Promise<void>): Logger {
  const at = (level: LogLevel) => (event: string, fields?: LogFields) => {
    write({ ...fields, time: new Date().toISOString(), level, event });
  };
  return { info: at('info'), warn: at('warn'), error: at('error'), close };
}

export function createMemoryLogger(): Logger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  return Object.assign(
    makeLogger(
      (e) => entries.push(e),
      () => Promise.resolve(),
    ),
    { entries },
  );
}

export function createFileLogger(logDir: string): Logger {
  mkdirSync(logDir, { recursive: true });
  const month = new Date().toISOString().slice(0, 7);
  const stream: WriteStream = createWriteStream(join(logDir, `madoguchi-${month}.log`), { flags: 'a' });
  return makeLogger(
    (e) => {
      stream.write(`${JSON.stringify(e)}\n`);
    },
    () => new Promise<void>((resolve) => stream.end(resolve)),
  );
}
