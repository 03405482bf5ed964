import type { BrowserWindowConstructorOptions, Event, Session, WebContents, WebPreferences } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'madoguchi';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
export const EMPTY_STYLE_HASH = 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=';

// The renderer's Content-Security-Policy, sent as a response header on every app:// response.
// The test harness serves the same policy and only opens connect-src to its own origin.
export function contentSecurityPolicy(opts: { connectSelf: boolean } = { connectSelf: false }): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    // Fluent UI's style engine (Griffel) creates empty <style> elements and fills them through
    // CSSOM, which CSP does not govern. The hash is that of the empty string: it admits empty
    // style elements only, never inline CSS text.
    `style-src 'self' '${EMPTY_STYLE_HASH}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${opts.connectSelf ? "'self'" : "'none'"}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    // The PDF preview's pdf.js worker, bundled with the renderer.
    "worker-src 'self'",
    "manifest-src 'none'",
  ].join('; ');
}

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    enableWebSQL: false,
  };
}

// The one place window options are made; every BrowserWindow comes from window.ts with these.
export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 860,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: 'Madoguchi',
    backgroundColor: '#ffffff',
    autoHideMenuBar: false,
    webPreferences: secureWebPreferences(preloadPath),
  };
}

export const BLOCKED_URL_PATTERNS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'];

type HardenableSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'webRequest'
>;

// No camera, notifications, geolocation, USB, …; and nothing leaves the machine.
export function hardenSession(session: HardenableSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => {
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest({ urls: BLOCKED_URL_PATTERNS }, (_details, callback) => {
    callback({ cancel: true });
  });
}

type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export function hardenWebContents(contents: HardenableContents): void {
  const deny = (event: Event) => {
    event.preventDefault();
  };
  // The app is a single page: any navigation is either a bug or an attack.
  contents.on('will-navigate', deny);
  contents.on('will-redirect', deny);
  contents.on('will-attach-webview', deny);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

type SenderFrame = { url: string; parent: unknown } | null | undefined;

// An IPC call is trusted only from the top frame of our own window showing our own origin.
export function isTrustedSender(frame: SenderFrame, senderId: number, mainWindowId: number | undefined): boolean {
  if (!frame || mainWindowId === undefined || senderId !== mainWindowId) return false;
  if (frame.parent !== null) return false;
  try {
    // WHATWG URL gives custom schemes an opaque origin ('null'), so compare scheme and host.
    const url = new URL(frame.url);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.port === '';
  } catch {
    return false;
  }
}
