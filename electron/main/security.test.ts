import type { Event } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  APP_ORIGIN,
  BLOCKED_URL_PATTERNS,
  contentSecurityPolicy,
  hardenSession,
  hardenWebContents,
  isTrustedSender,
  windowOptions,
} from './security';

type Handler = (...args: unknown[]) => unknown;

function fakeSession() {
  const handlers: Record<string, Handler> = {};
  let filter: { urls: string[] } | undefined;
  const session = {
    setPermissionRequestHandler: (h: Handler) => {
      handlers['request'] = h;
    },
    setPermissionCheckHandler: (h: Handler) => {
      handlers['check'] = h;
    },
    setDevicePermissionHandler: (h: Handler) => {
      handlers['device'] = h;
    },
    webRequest: {
      onBeforeRequest: (f: { urls: string[] }, h: Handler) => {
        filter = f;
        handlers['beforeRequest'] = h;
      },
    },
  };
  return { session, handlers, filter: () => filter };
}

function fakeContents() {
  const listeners: Record<string, Handler> = {};
  let openHandler: Handler | undefined;
  const contents = {
    on: (name: string, l: Handler) => {
      listeners[name] = l;
      return contents;
    },
    setWindowOpenHandler: (h: Handler) => {
      openHandler = h;
    },
  };
  return { contents, listeners, openHandler: () => openHandler };
}

function fakeEvent() {
  const preventDefault = vi.fn();
  return { event: { preventDefault } as unknown as Event, preventDefault };
}

describe('window options', () => {
  it('hold the secure values', () => {
    const prefs = windowOptions('/app/preload/index.cjs').webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
  });
});

describe('session hardening', () => {
  it('denies every permission request, check and device request', () => {
    const { session, handlers } = fakeSession();
    hardenSession(session as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      handlers['request']?.({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect(handlers['check']?.({}, 'media')).toBe(false);
    expect(handlers['device']?.({ deviceType: 'usb' })).toBe(false);
  });

  it('cancels every http, https, ws and wss request', () => {
    const { session, handlers, filter } = fakeSession();
    hardenSession(session as never);
    expect(filter()?.urls).toEqual(BLOCKED_URL_PATTERNS);
    for (const scheme of ['http', 'https', 'ws', 'wss']) {
      expect(filter()?.urls).toContain(`${scheme}://*/*`);
    }
    const callback = vi.fn();
    handlers['beforeRequest']?.({ url: 'https://example.com/' }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel: true });
  });
});

describe('web contents hardening', () => {
  it('blocks navigation, redirects and webviews', () => {
    const { contents, listeners } = fakeContents();
    hardenWebContents(contents as never);
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const { event, preventDefault } = fakeEvent();
      listeners[name]?.(event, 'https://evil.example/');
      expect(preventDefault, name).toHaveBeenCalled();
    }
  });

  it('denies window.open', () => {
    const { contents, openHandler } = fakeContents();
    hardenWebContents(contents as never);
    expect(openHandler()?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(openHandler()?.({ url: `${APP_ORIGIN}/index.html` })).toEqual({ action: 'deny' });
  });
});

describe('sender check', () => {
  const top = { url: `${APP_ORIGIN}/index.html`, parent: null };
  it('trusts the top frame of our window on our origin', () => {
    expect(isTrustedSender(top, 7, 7)).toBe(true);
  });
  it('refuses another window, a subframe, a foreign origin or no frame', () => {
    expect(isTrustedSender(top, 8, 7)).toBe(false);
    expect(isTrustedSender(top, 7, undefined)).toBe(false);
    expect(isTrustedSender({ ...top, parent: top }, 7, 7)).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null }, 7, 7)).toBe(false);
    expect(isTrustedSender({ url: 'app://other/index.html', parent: null }, 7, 7)).toBe(false);
    expect(isTrustedSender({ url: 'file:///C:/x.html', parent: null }, 7, 7)).toBe(false);
    expect(isTrustedSender({ url: 'not a url', parent: null }, 7, 7)).toBe(false);
    expect(isTrustedSender(null, 7, 7)).toBe(false);
  });
});

describe('content security policy', () => {
  it('allows only our own scripts and no connections', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
  });
  it('opens connect-src to its own origin only for the test harness', () => {
    expect(contentSecurityPolicy({ connectSelf: true })).toContain("connect-src 'self'");
  });
});
