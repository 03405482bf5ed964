import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES, readMessage } from './read-message';

// Messages as Japanese mail programs write them, built here byte by byte: ISO-2022-JP (the
// traditional form of Japanese mail), Shift_JIS and EUC-JP bodies, encoded-word headers (RFC
// 2047) and RFC 2231 file names; then the hostile ones of issue 35 §1.

// ISO-2022-JP from EUC-JP: runs of JIS X 0208 as their codes without the high bit between ESC $ B
// and ESC ( B; ASCII as it is.
const jis = (text: string) => {
  const out: Buffer[] = [];
  for (const run of text.match(/[\x20-\x7e\r\n]+|[^\x20-\x7e\r\n]+/g) ?? []) {
    if (/^[\x20-\x7e\r\n]/.test(run)) out.push(Buffer.from(run, 'latin1'));
    else {
      out.push(Buffer.from([0x1b, 0x24, 0x42]), Buffer.from([...iconv.encode(run, 'euc-jp')].map((b) => b & 0x7f)));
      out.push(Buffer.from([0x1b, 0x28, 0x42]));
    }
  }
  return Buffer.concat(out);
};
const word = (text: string) => `=?ISO-2022-JP?B?${jis(text).toString('base64')}?=`;
const crlf = (lines: string[]) => Buffer.from(lines.join('\r\n'), 'latin1');
const licence = readFileSync(join(__dirname, '../pdf/fixtures/cure.png'));

const HEAD = [
  `From: ${word('山田 太郎')} <taro.yamada@example.jp>`,
  'To: privacy@example.co.jp',
  `Subject: ${word('保有個人データの開示請求')}`,
  'Date: Mon, 7 Dec 2026 18:30:00 +0900',
  'Message-ID: <20261207183000.1234@example.jp>',
  'MIME-Version: 1.0',
];

function withAttachment(body: Buffer, attachment: { header: string[]; content: Buffer }): Buffer {
  return Buffer.concat([
    crlf([...HEAD, 'Content-Type: multipart/mixed; boundary="b1"', '', '--b1']),
    crlf(['', 'Content-Type: text/plain; charset=ISO-2022-JP', 'Content-Transfer-Encoding: 7bit', '', '']),
    body,
    crlf(['', '--b1', ...attachment.header, 'Content-Transfer-Encoding: base64', '', '']),
    Buffer.from(attachment.content.toString('base64').replace(/.{76}/g, '$&\r\n'), 'latin1'),
    crlf(['', '--b1--', '']),
  ]);
}

describe('a message saved from a mail program', () => {
  it('reads an ISO-2022-JP message: sender, date, subject, body, and its licence image as an enclosure', async () => {
    const raw = withAttachment(jis('開示請求をいたします。運転免許証の写しを添付します。'), {
      header: [
        'Content-Type: image/png',
        // RFC 2231: a UTF-8 file name, percent-encoded.
        `Content-Disposition: attachment; filename*=UTF-8''${encodeURIComponent('運転免許証.png')}`,
      ],
      content: licence,
    });
    const { message, content } = await readMessage(raw);
    expect(message.from).toEqual({ name: '山田 太郎', address: 'taro.yamada@example.jp' });
    expect(message.subject).toBe('保有個人データの開示請求');
    expect(message.date).toBe('2026-12-07T09:30:00.000Z');
    expect(message.messageId).toBe('<20261207183000.1234@example.jp>');
    expect(message.text).toContain('開示請求をいたします。運転免許証の写しを添付します。');
    expect(message.sha256).toBe(createHash('sha256').update(raw).digest('hex'));
    expect(message.attachments).toEqual([
      {
        name: '運転免許証.png',
        declaredMime: 'image/png',
        size: licence.length,
        sha256: createHash('sha256').update(licence).digest('hex'),
        mime: 'image/png',
        refused: null,
      },
    ]);
    expect(content(0).equals(licence)).toBe(true);
  });

  it('reads Shift_JIS and EUC-JP bodies, and an encoded-word file name', async () => {
    for (const charset of ['Shift_JIS', 'EUC-JP']) {
      const raw = Buffer.concat([
        crlf([...HEAD, `Content-Type: text/plain; charset=${charset}`, 'Content-Transfer-Encoding: 8bit', '', '']),
        iconv.encode('ｶﾀｶﾅと漢字、髙橋さんの請求です。', charset),
      ]);
      expect((await readMessage(raw)).message.text, charset).toContain('ｶﾀｶﾅと漢字、髙橋さんの請求です。');
    }
    const named = withAttachment(jis('添付します'), {
      header: ['Content-Type: image/png', `Content-Disposition: attachment; filename="${word('保険証.png')}"`],
      content: licence,
    });
    expect((await readMessage(named)).message.attachments[0]?.name).toBe('保険証.png');
  });

  it('reduces an HTML body to text: no script, no style, no picture fetched', async () => {
    const raw = Buffer.concat([
      crlf([...HEAD, 'Content-Type: text/html; charset=utf-8', '', '']),
      Buffer.from(
        '<html><head><style>p{color:red}</style><script>alert("x")</script></head>' +
          '<body><p>開示を<b>請求</b>します</p><img src="http://tracker.example/p.png"></body></html>',
        'utf8',
      ),
    ]);
    const { message } = await readMessage(raw);
    expect(message.text).toContain('開示を請求します');
    expect(message.text).not.toMatch(/alert|color|tracker|<|>/);
  });
});

describe('a hostile message is refused, or its attachment is, with the reason in Japanese', () => {
  it('refuses a message over the size limit before parsing it (a 100 MB attachment)', async () => {
    await expect(readMessage(Buffer.alloc(MAX_MESSAGE_BYTES + 1, 0x41))).rejects.toThrow(/大きすぎます/);
  });

  it('refuses what is not a message at all, and an empty file', async () => {
    await expect(readMessage(Buffer.from([0, 1, 2, 255, 254, 10, 13, 0, 99]))).rejects.toThrow(
      /メールとして読み取れません/,
    );
    await expect(readMessage(Buffer.alloc(0))).rejects.toThrow(/空です/);
  });

  it('refuses thousands of parts', async () => {
    const parts = Array.from({ length: 3000 }, (_, i) => `--b\r\nContent-Type: text/plain\r\n\r\npart ${i}\r\n`);
    const raw = Buffer.concat([
      crlf([...HEAD, 'Content-Type: multipart/mixed; boundary="b"', '', '']),
      Buffer.from(parts.join('') + '--b--\r\n', 'latin1'),
    ]);
    await expect(readMessage(raw)).rejects.toThrow(/部品の数が多すぎる/);
  });

  it('does not offer a message nested ten levels deep', async () => {
    let inner = crlf(['From: x@example.jp', 'Subject: inner', 'Content-Type: text/plain', '', 'deep']);
    for (let level = 0; level < 10; level++) {
      inner = Buffer.concat([
        crlf([
          `From: level${level}@example.jp`,
          `Subject: level ${level}`,
          `Content-Type: multipart/mixed; boundary="n${level}"`,
          '',
          `--n${level}`,
          // Inline (no Content-Disposition): each level is parsed inside the one around it.
          'Content-Type: message/rfc822',
          '',
          '',
        ]),
        inner,
        crlf(['', `--n${level}--`, '']),
      ]);
    }
    const raw = Buffer.concat([crlf([...HEAD.filter((h) => !h.startsWith('From'))]), crlf(['']), inner]);
    const { message } = await readMessage(raw);
    expect(message.attachments.length).toBeGreaterThan(0);
    for (const a of message.attachments) expect(a.refused).not.toBeNull();
    expect(message.attachments.some((a) => a.refused?.includes('入れ子'))).toBe(true);
  });

  it('does not offer a zip, a file named with bidi or zero-width characters, nor a non-document', async () => {
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]);
    const cases: [string, Buffer, RegExp][] = [
      ['書類.zip', zip, /圧縮ファイル/],
      ['gpj.\u202Eexe.png', licence, /表示を偽る文字.*U\+202E/],
      ['免許\u200B証.png', licence, /U\+200B/],
      ['memo.txt', Buffer.from('hello'), /PDF・PNG・JPEG・TIFF/],
    ];
    for (const [name, body, reason] of cases) {
      const raw = withAttachment(jis('添付'), {
        header: [
          'Content-Type: application/octet-stream',
          `Content-Disposition: attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
        ],
        content: body,
      });
      const { message, content } = await readMessage(raw);
      expect(message.attachments[0]?.refused, name).toMatch(reason);
      expect(message.attachments[0]?.mime).toBeNull();
      expect(() => content(0)).toThrow(/取り込めません/);
    }
  });
});
