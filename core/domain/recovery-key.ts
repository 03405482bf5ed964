import { base32crockford } from '@scure/base';

// The recovery key: 15 random bytes (120 bits) written as 24 Crockford base32 characters in six
// groups of four, e.g. "7F3K-Q9XD-…". Crockford's alphabet has no I, L, O or U, and reading
// tolerates the usual confusions (i/l → 1, o → 0), lower case, spaces and hyphens.
export const RECOVERY_KEY_BYTES = 15;
const GROUP = 4;

export function formatRecoveryKey(bytes: Uint8Array): string {
  if (bytes.length !== RECOVERY_KEY_BYTES) throw new Error('A recovery key is 15 bytes.');
  const chars = base32crockford.encode(bytes);
  return (chars.match(new RegExp(`.{1,${GROUP}}`, 'g')) ?? []).join('-');
}

export function parseRecoveryKey(text: string): Uint8Array | null {
  const cleaned = text
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-ー－]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (!/^[0-9A-HJKMNP-TV-Z]{24}$/.test(cleaned)) return null;
  try {
    const bytes = base32crockford.decode(cleaned);
    return bytes.length === RECOVERY_KEY_BYTES ? bytes : null;
  } catch {
    return null;
  }
}
