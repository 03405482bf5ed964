import { createHash } from 'node:crypto';

const STEP = 4 * 1024 * 1024;

// Work on large buffers in steps, with a turn of the event loop between: tens of megabytes in one
// go would hold main's thread for a few hundred milliseconds.

// The SHA-256 of a large buffer, 4 MB at a time with a turn of the event loop in between: tens of
// megabytes hashed in one go would hold main's thread for a few hundred milliseconds.
export async function sha256InSteps(bytes: Uint8Array): Promise<string> {
  const hash = createHash('sha256');
  for (let at = 0; at < bytes.length; at += STEP) {
    if (at > 0) await new Promise((resolve) => setImmediate(resolve));
    hash.update(bytes.subarray(at, at + STEP));
  }
  return hash.digest('hex');
}

// Base64 of a large buffer in steps of 3 MB (a multiple of 3, so the parts join cleanly).
export async function base64InSteps(bytes: Uint8Array): Promise<string> {
  const step = 3 * 1024 * 1024;
  const parts: string[] = [];
  for (let at = 0; at < bytes.length; at += step) {
    if (at > 0) await new Promise((resolve) => setImmediate(resolve));
    parts.push(Buffer.from(bytes.buffer, bytes.byteOffset + at, Math.min(step, bytes.length - at)).toString('base64'));
  }
  return parts.join('');
}
