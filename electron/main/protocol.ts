import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { APP_HOST, contentSecurityPolicy } from './security';

export const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  };
}

// Maps app://madoguchi/<path> to a file under the built renderer folder and nothing else.
// Every response, errors included, carries the CSP header.
export async function serveAppRequest(rendererDir: string, url: string): Promise<Response> {
  const headers = securityHeaders(contentSecurityPolicy());
  const notFound = () =>
    new Response('Not found', { status: 404, headers: { ...headers, 'Content-Type': 'text/plain' } });
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return notFound();
  }
  if (parsed.host !== APP_HOST) return notFound();
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return notFound();
  }
  if (pathname.includes('\0')) return notFound();
  const root = resolve(rendererDir);
  const file = resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`);
  if (!file.startsWith(root + sep)) return notFound();
  const type = MIME[extname(file).toLowerCase()];
  if (!type) return notFound();
  try {
    const body = await readFile(file);
    return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': type } });
  } catch {
    return notFound();
  }
}
