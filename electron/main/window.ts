import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL, windowOptions } from './security';

// The only window factory.
export async function createMainWindow(preloadPath: string): Promise<BrowserWindow> {
  const win = new BrowserWindow(windowOptions(preloadPath));
  win.once('ready-to-show', () => {
    win.show();
  });
  await win.loadURL(APP_ENTRY_URL);
  return win;
}
