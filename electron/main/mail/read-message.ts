import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { ErrorCode } from '../../../core/contract';
import { unsafeCharacter } from '../../../core/domain/intake/text';
import { unpacked } from '../disclosure/redact-worker';
import { MAX_ENCLOSURE_BYTES } from '../enclosures/service';
import { AppError } from '../errors';
import { imageProblem } from '../files/image-limits';
import { sniffMime, type EnclosureMime } from '../files/sniff';

// A request that arrived by e-mail, as saved from the desk's mail program (.eml, RFC 5322;
// issue 35 §1). The message is parsed by postal-mime (docs/DECISIONS.md, "Requests by e-mail")
// off main's thread: a worker thread with a capped heap and a time limit, so a hostile message
// (a huge attachment, thousands of parts, deep nesting) is refused without holding or exhausting
// main. The worker is a short CommonJS script given as source that loads postal-mime from the
// path main resolved, as the other file workers do.
//
// HTML bodies are reduced to text by html-to-text (in the same worker), never rendered.
//
// What comes back: who sent it and when, the subject, the body as plain text, and each attachment with its checks done: an
// attachment that could not be an enclosure says why in Japanese, and is never offered.

export const MAX_MESSAGE_BYTES = 40 * 1024 * 1024;
const HEAP_MB = 256;
const TIME_LIMIT_MS = 30_000;
// Limits given to postal-mime (each is a refusal of the whole message when exceeded).
const LIMITS = { maxNestingDepth: 20, maxPartCount: 300, maxHeadersSize: 1024 * 1024, maxRfc822NestingDepth: 3 };

export type MailAttachment = {
  name: string;
  declaredMime: string;
  size: number;
  sha256: string;
  // The enclosure type it would be (from its bytes), or null with the reason it cannot be one.
  mime: EnclosureMime | null;
  refused: string | null;
};

export type MailMessage = {
  sha256: string;
  messageId: string | null;
  from: { name: string; address: string } | null;
  // ISO 8601 (UTC) of the Date header, or null without a readable one.
  date: string | null;
  subject: string;
  text: string;
  attachments: MailAttachment[];
};

export type ReadMail = { message: MailMessage; content: (index: number) => Buffer };

const SOURCE = String.raw`
const { parentPort, workerData: job } = require('node:worker_threads');
const PostalMime = require(job.postalMime).default;
const { convert } = require(job.htmlToText);
(async () => {
  try {
    const email = await PostalMime.parse(job.content, { ...job.limits, attachmentEncoding: 'arraybuffer' });
    if (email.headers.length === 0) throw Object.assign(new Error('no headers'), { code: 'ENOHEADERS' });
    // An HTML-only body as text: tags, scripts and styles dropped, pictures skipped (nothing is
    // fetched or rendered), link targets kept as text.
    const text = email.text ?? (email.html ? convert(email.html, { wordwrap: false, selectors: [{ selector: 'img', format: 'skip' }] }) : '');
    const attachments = email.attachments.map((a) => ({
      name: a.filename ?? '',
      mime: a.mimeType ?? '',
      content: a.content,
      nestedTooDeep: a.rfc822DepthExceeded === true,
    }));
    parentPort.postMessage(
      {
        type: 'done',
        messageId: email.messageId ?? null,
        from: email.from && email.from.address ? { name: email.from.name ?? '', address: email.from.address } : null,
        date: email.date ?? null,
        subject: email.subject ?? '',
        text,
        attachments,
      },
      attachments.map((a) => a.content),
    );
  } catch (e) {
    parentPort.postMessage({ type: 'error', code: (e && e.code) || null });
  }
})();
`;

type Parsed = {
  type: 'done';
  messageId: string | null;
  from: { name: string; address: string } | null;
  date: string | null;
  subject: string;
  text: string;
  attachments: { name: string; mime: string; content: ArrayBuffer; nestedTooDeep: boolean }[];
};
type WorkerMessage = Parsed | { type: 'error'; code: string | null };

const refuse = (message: string) => new AppError(ErrorCode.BAD_INPUT, message);

const tooComplex: Record<string, string> = {
  EMAXNESTINGDEPTH: 'メールの構造の入れ子が深すぎるため読み取れません。',
  EMAXPARTCOUNT: 'メールの部品の数が多すぎるため読み取れません。',
  EMAXHEADERSIZE: 'メールのヘッダーが大きすぎるため読み取れません。',
  EMAXFORWARDEDADDRESSES: 'メールに含まれる宛先が多すぎるため読み取れません。',
};

function parseInWorker(content: Buffer): Promise<Parsed> {
  const copy = new Uint8Array(content.length);
  copy.set(content);
  const worker = new Worker(SOURCE, {
    eval: true,
    workerData: {
      content: copy.buffer,
      postalMime: unpacked(require.resolve('postal-mime')),
      htmlToText: unpacked(require.resolve('html-to-text')),
      limits: LIMITS,
    },
    transferList: [copy.buffer],
    resourceLimits: { maxOldGenerationSizeMb: HEAP_MB },
  });
  return new Promise<Parsed>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(refuse('メールの読み取りに時間がかかりすぎたため中止しました。メールが壊れていないかご確認ください。'));
      void worker.terminate();
    }, TIME_LIMIT_MS);
    const settle = () => {
      clearTimeout(timer);
      void worker.terminate();
    };
    worker.on('message', (m: WorkerMessage) => {
      settle();
      if (m.type === 'done') resolve(m);
      else
        reject(
          refuse(
            tooComplex[m.code ?? ''] ??
              'メールとして読み取れません。保存したメールのファイル（.eml）かご確認ください。',
          ),
        );
    });
    worker.on('error', (err: Error & { code?: string }) => {
      settle();
      reject(
        refuse(
          err.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? 'メールが大きすぎるため読み取れません（読み取りに必要なメモリーが上限を超えました）。'
            : 'メールとして読み取れません。保存したメールのファイル（.eml）かご確認ください。',
        ),
      );
    });
    worker.on('exit', () => {
      clearTimeout(timer);
      reject(refuse('メールとして読み取れません。保存したメールのファイル（.eml）かご確認ください。'));
    });
  });
}

// Why an attachment cannot be an enclosure, or null.
function attachmentProblem(name: string, content: Buffer, mime: EnclosureMime | null, nestedTooDeep: boolean) {
  const bad = unsafeCharacter(name, false);
  if (bad) return `ファイル名に表示を偽る文字や制御文字（${bad}）が含まれているため、取り込みません。`;
  if (nestedTooDeep) return 'メールの中のメールが深く入れ子になっているため、取り込みません。';
  if (content.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) || /\.zip$/i.test(name)) {
    return '圧縮ファイル（ZIP）は取り込めません。中のファイルを取り出して、書類として追加してください。';
  }
  if (content.length > MAX_ENCLOSURE_BYTES) {
    return `ファイルが大きすぎます（${(content.length / 1024 / 1024).toFixed(1)}MB）。1ファイル${MAX_ENCLOSURE_BYTES / 1024 / 1024}MBまでです。`;
  }
  if (!mime) return 'PDF・PNG・JPEG・TIFF のいずれでもないため、書類としては取り込めません。';
  return imageProblem(content, mime);
}

function isoDate(value: string | null): string | null {
  if (!value) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

export async function readMessage(content: Buffer): Promise<ReadMail> {
  if (content.length > MAX_MESSAGE_BYTES) {
    throw refuse(
      `メールのファイルが大きすぎます（${(content.length / 1024 / 1024).toFixed(1)}MB）。${MAX_MESSAGE_BYTES / 1024 / 1024}MBまでです。`,
    );
  }
  if (content.length === 0) throw refuse('メールのファイルが空です。');
  const parsed = await parseInWorker(content);
  const bodies = parsed.attachments.map((a) => Buffer.from(a.content));
  const attachments = parsed.attachments.map((a, i): MailAttachment => {
    const body = bodies[i] ?? Buffer.alloc(0);
    const mime = sniffMime(body.subarray(0, 16));
    const refused = attachmentProblem(a.name, body, mime, a.nestedTooDeep);
    return {
      name: a.name,
      declaredMime: a.mime,
      size: body.length,
      sha256: createHash('sha256').update(body).digest('hex'),
      mime: refused ? null : mime,
      refused,
    };
  });
  return {
    message: {
      sha256: createHash('sha256').update(content).digest('hex'),
      messageId: parsed.messageId,
      from: parsed.from,
      date: isoDate(parsed.date),
      subject: parsed.subject,
      text: parsed.text,
      attachments,
    },
    content: (index) => {
      const body = bodies[index];
      if (!body || attachments[index]?.refused) throw refuse('この添付ファイルは取り込めません。');
      return body;
    },
  };
}
