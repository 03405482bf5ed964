// TEST-ONLY. Runs the real services and the real dispatcher in Node behind 127.0.0.1, serves the
// built renderer, and injects a bridge that stands in for Electron's preload. Never packaged.
import { build } from 'esbuild';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve, sep } from 'node:path';
import { ErrorCode, events, type EventName, type EventPayload } from '../../core/contract';
import { AppError } from '../../electron/main/errors';
import { createDispatcher } from '../../electron/main/ipc/dispatcher';
import { ownerOnly } from '../../electron/main/file-modes';
import { createFileLogger } from '../../electron/main/log';
import { logDir } from '../../electron/main/paths';
import { MIME, securityHeaders } from '../../electron/main/protocol';
import { contentSecurityPolicy } from '../../electron/main/security';
import { createServices, type Services } from '../../electron/main/composition';
import { repoRoot } from '../../electron/main/testing/repo-root';
import type { KdfCost } from '../../electron/main/vault/kdf';
import { createFilePicker } from './file-picker';

export type HarnessOptions = {
  dataDir: string;
  rendererDir?: string;
  port?: number;
  version?: string;
  // End-to-end tests use a cheap KDF so that a login does not take half a second.
  kdfCost?: () => Promise<KdfCost>;
  // Where "save" puts files (the harness's stand-in for a download folder).
  downloadsDir?: string;
};

export type Harness = {
  url: string;
  origin: string;
  services: Services;
  // Resolves once the event went to at least one connected page (waits up to 5 s for one).
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => Promise<void>;
  // The next "file dialog" main opens answers with this path. With nothing queued, the page
  // shows the browser's file picker instead (file-picker.ts), for a person trying the app.
  queueOpenFile: (path: string) => void;
  downloadsDir: string;
  close: () => Promise<void>;
};

const ROOT = repoRoot();
const COOKIE = 'madoguchi_harness';
const MAX_BODY = 64 * 1024 * 1024;

let bridgeCode: Promise<string> | null = null;
function bridgeScript(): Promise<string> {
  bridgeCode ??= build({
    entryPoints: [join(ROOT, 'e2e/harness/bridge.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
  }).then((r) => r.outputFiles[0]?.text ?? '');
  return bridgeCode;
}

async function readPackageVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        resolveBody(null);
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      resolveBody(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

function sameToken(a: string | undefined, b: string): boolean {
  if (!a || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

function cookieToken(req: IncomingMessage): string | undefined {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [k, v] = part.trim().split('=');
    if (k === COOKIE) return v;
  }
  return undefined;
}

export async function startHarness(opts: HarnessOptions): Promise<Harness> {
  // Test runs check the store's scopes (db/store.ts); the app does not.
  process.env['MADOGUCHI_STORE_GUARD'] ??= '1';
  const rendererDir = resolve(opts.rendererDir ?? join(ROOT, 'out/renderer'));
  mkdirSync(opts.dataDir, { recursive: true });
  ownerOnly(opts.dataDir);
  const logger = createFileLogger(logDir(opts.dataDir));
  const streams = new Set<ServerResponse>();
  const fileQueue: string[] = [];
  const downloadsDir = resolve(opts.downloadsDir ?? join(tmpdir(), 'madoguchi-harness-downloads'));
  const broadcast = (event: string, data: unknown) => {
    for (const s of streams) s.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  const picker = createFilePicker({ listening: () => streams.size > 0, send: broadcast });
  const services = createServices({
    emit: (event, payload) => {
      broadcast(event, events[event].parse(payload));
    },
    kdfCost: opts.kdfCost,
    dialogs: {
      openFile: (o) => {
        const queued = fileQueue.shift();
        return queued === undefined ? picker.pick(o) : Promise.resolve(queued);
      },
      saveFile: (o) => {
        mkdirSync(downloadsDir, { recursive: true });
        return Promise.resolve(join(downloadsDir, basename(o.defaultName)));
      },
    },
    resourcesDir: join(ROOT, 'resources'),
    runtime: {
      appName: 'Madoguchi',
      version: opts.version ?? (await readPackageVersion()),
      runtime: 'harness',
      platform: process.platform,
      dataDir: opts.dataDir,
    },
    logger,
  });
  const dispatch = createDispatcher({
    handlers: services.handlers,
    logger,
    validateOutput: true,
    context: services.context,
    onCall: services.touch,
  });
  const token = randomBytes(24).toString('hex');
  const headers = securityHeaders(contentSecurityPolicy({ connectSelf: true }));
  let origin = '';

  const send = (
    res: ServerResponse,
    status: number,
    type: string,
    body: string | Buffer,
    extra: Record<string, string> = {},
  ): void => {
    res.writeHead(status, { ...headers, 'Content-Type': type, ...extra });
    res.end(body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', origin);
    const fromQuery = url.searchParams.get('token') ?? undefined;
    const authorised = sameToken(cookieToken(req), token) || sameToken(fromQuery, token);
    if (!authorised) {
      send(res, 403, 'text/plain', 'Forbidden');
      return;
    }
    const setCookie = { 'Set-Cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/` };

    if (req.method === 'POST' && url.pathname.startsWith('/__harness/rpc/')) {
      const channel = decodeURIComponent(url.pathname.slice('/__harness/rpc/'.length));
      // Same-origin requests from our page are the harness's "trusted sender".
      const trusted = req.headers.origin === origin && cookieToken(req) !== undefined;
      const body = await readBody(req);
      let payload: unknown = undefined;
      if (body) {
        try {
          payload = JSON.parse(body.toString('utf8'));
        } catch {
          payload = undefined;
        }
      }
      const result = await picker.during(() => dispatch(channel, payload, trusted));
      send(res, 200, 'application/json; charset=utf-8', JSON.stringify(result));
      return;
    }
    if (req.method === 'POST' && url.pathname.startsWith('/__harness/pick/')) {
      // The page's answer to a file pick: the file's bytes and its name, or a cancel.
      if (req.headers.origin !== origin) {
        send(res, 403, 'text/plain', 'Forbidden');
        return;
      }
      const id = decodeURIComponent(url.pathname.slice('/__harness/pick/'.length));
      const body = await readBody(req);
      const name = req.headers['x-harness-file-name'];
      const answer =
        req.headers['x-harness-cancel'] === '1' || typeof name !== 'string'
          ? null
          : body === null
            ? new AppError(
                ErrorCode.BAD_INPUT,
                `ファイルが大きすぎます。テスト用ハーネスで選べるファイルは${MAX_BODY / 1024 / 1024}MBまでです。`,
              )
            : { name: decodeURIComponent(name), content: body };
      send(res, picker.answer(id, answer) ? 204 : 404, 'text/plain', '');
      return;
    }
    if (req.method !== 'GET') {
      send(res, 405, 'text/plain', 'Method not allowed');
      return;
    }
    if (url.pathname === '/__harness/bridge.js') {
      send(res, 200, MIME['.js'] ?? '', await bridgeScript());
      return;
    }
    if (url.pathname === '/__harness/events') {
      res.writeHead(200, { ...headers, 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => {
        streams.delete(res);
        if (streams.size === 0) picker.cancelAll();
      });
      return;
    }
    const path = url.pathname === '/' ? '/index.html' : decodeURIComponent(url.pathname);
    const file = resolve(rendererDir, `.${path}`);
    if (!file.startsWith(rendererDir + sep)) {
      send(res, 404, 'text/plain', 'Not found');
      return;
    }
    let content: Buffer;
    try {
      content = await readFile(file);
    } catch {
      send(res, 404, 'text/plain', 'Not found');
      return;
    }
    if (path === '/index.html') {
      // A page load starts a new session, as a new app window would: whoever opens the URL
      // again logs in, and nothing decrypted carries over from the last user.
      await services.vault.lock('system');
      const html = content
        .toString('utf8')
        .replace('<head>', '<head>\n    <script src="/__harness/bridge.js"></script>');
      send(res, 200, MIME['.html'] ?? '', html, setCookie);
      return;
    }
    send(res, 200, MIME[extname(file)] ?? 'application/octet-stream', content);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'text/plain', 'Internal error');
      else res.end();
    });
  });
  await new Promise<void>((r) => server.listen(opts.port ?? 0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    services,
    emit: async (event, payload) => {
      const data = events[event].parse(payload);
      for (let waited = 0; streams.size === 0 && waited < 5000; waited += 50) {
        await new Promise((r) => setTimeout(r, 50));
      }
      if (streams.size === 0) throw new Error('No page is listening for events.');
      broadcast(event, data);
    },
    queueOpenFile: (path) => {
      fileQueue.push(path);
    },
    downloadsDir,
    close: async () => {
      for (const s of streams) s.end();
      picker.close();
      await new Promise<void>((r) => server.close(() => r()));
      await services.close();
    },
  };
}
