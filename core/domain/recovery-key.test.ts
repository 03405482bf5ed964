import { describe, expect, it } from 'vitest';
import { formatRecoveryKey, parseRecoveryKey } from './recovery-key';

const bytes = Uint8Array.from({ length: 15 }, (_, i) => (i * 37 + 11) % 256);

describe('recovery key', () => {
  it('is 24 Crockford base32 characters in six groups of four', () => {
    const text = formatRecoveryKey(bytes);
    expect(text).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){5}[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it('reads back what was written, forgiving case, spaces, full-width forms and I/L/O', () => {
    const text = formatRecoveryKey(bytes);
    expect(parseRecoveryKey(text)).toEqual(bytes);
    expect(parseRecoveryKey(text.toLowerCase().replaceAll('-', ' '))).toEqual(bytes);
    const fullWidth = text.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    expect(parseRecoveryKey(fullWidth)).toEqual(bytes);
    expect(parseRecoveryKey(text.replaceAll('1', 'l').replaceAll('0', 'o'))).toEqual(bytes);
  });

  it('refuses wrong lengths and characters outside the alphabet', () => {
    expect(parseRecoveryKey('')).toBeNull();
    expect(parseRecoveryKey(formatRecoveryKey(bytes).slice(0, -1))).toBeNull();
    expect(parseRecoveryKey('UUUU-UUUU-UUUU-UUUU-UUUU-UUUU')).toBeNull();
    expect(() => formatRecoveryKey(new Uint8Array(14))).toThrow();
  });
});
