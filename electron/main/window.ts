import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL, windowOptions } from './security';

// The only window factory.
export async function createMainWindow(preloadPath: string): Promise<BrowserWindow> {
  // The options come from windowOptions (sandbox, contextIsolation, no node integration; tested in
  // security.test.ts), which the scanner cannot follow; navigation and new windows (auxclick
  // included) are denied by hardenWebContents for every web contents.
  const win = new BrowserWindow(windowOptions(preloadPath)); // eng-disable SANDBOX_JS_CHECK CONTEXT_ISOLATION_JS_CHECK AUXCLICK_JS_CHECK -- justified above
  win.once('ready-to-show', () => {
    win.show();
  });
  await win.loadURL(APP_ENTRY_URL);
  return win;
}
