import { app, BrowserWindow, dialog, ipcMain, Menu, powerMonitor, protocol, safeStorage, session } from 'electron';
import { join } from 'node:path';
import { electronNativeBinding } from './db/native';
import { createDispatcher } from './ipc/dispatcher';
import { registerIpc, sendEvent } from './ipc/register';
import { ownerOnly } from './file-modes';
import { createFileLogger } from './log';
import { buildMenuTemplate } from './menu';
import { logDir, resolveDataDir } from './paths';
import { serveAppRequest } from './protocol';
import { APP_SCHEME, hardenSession, hardenWebContents } from './security';
import { createServices } from './composition';
import { fileWitness } from './vault/witness';
import { createMainWindow } from './window';

// Composition root of the main process. Everything but the Electron glue lives in services/,
// which the test harness runs unchanged in plain Node.

// Read before userData moves to the data folder: the roaming profile, which the data folder
// (local AppData) does not contain.
const witnessFile = join(app.getPath('appData'), 'Madoguchi Audit Anchor', 'audit-anchor.bin');
app.setPath('userData', resolveDataDir(process.platform, process.env, app.getPath('userData')));
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ]);
  start();
}

function start(): void {
  const dataDir = app.getPath('userData');
  ownerOnly(dataDir);
  const logger = createFileLogger(logDir(dataDir));
  let mainWindow: BrowserWindow | null = null;
  const services = createServices({
    emit: (event, payload) => {
      if (!mainWindow) return;
      sendEvent(mainWindow.webContents, event, payload);
      // Locking wipes the renderer's state too: nothing decrypted stays on screen or in memory.
      if (event === 'session.locked') mainWindow.webContents.reload();
    },
    idleSeconds: () => powerMonitor.getSystemIdleTime(),
    // The newest audit anchor, encrypted for this Windows user (DPAPI) outside the data folder.
    anchorWitness: fileWitness(witnessFile, {
      encrypt: (text) => safeStorage.encryptStringAsync(text),
      decrypt: async (bytes) => (await safeStorage.decryptStringAsync(bytes)).result,
    }),
    dialogs: {
      openFile: async (o) => {
        const options = { title: o.title, filters: o.filters, properties: ['openFile' as const] };
        const r = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
        return r.canceled ? null : (r.filePaths[0] ?? null);
      },
      saveFile: async (o) => {
        const options = { title: o.title, defaultPath: o.defaultName, filters: o.filters };
        const r = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
        return r.canceled || r.filePath === '' ? null : r.filePath;
      },
    },
    runtime: {
      appName: 'Madoguchi',
      version: app.getVersion(),
      runtime: 'electron',
      platform: process.platform,
      dataDir,
    },
    logger,
    nativeBinding: electronNativeBinding(app.getAppPath()),
    // extraResources in the package; the repository's resources/ when run from a checkout.
    resourcesDir: app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources'),
  });
  const dispatch = createDispatcher({
    handlers: services.handlers,
    logger,
    validateOutput: !app.isPackaged,
    context: services.context,
  });

  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents);
  });
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    app.quit();
  });
  app.on('will-quit', () => {
    void services.close();
  });

  void app.whenReady().then(async () => {
    hardenSession(session.defaultSession);
    powerMonitor.on('lock-screen', () => void services.vault.lock('system'));
    powerMonitor.on('suspend', () => void services.vault.lock('system'));
    const rendererDir = join(__dirname, '../renderer');
    protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request.url));
    registerIpc(ipcMain, dispatch, () => mainWindow?.webContents.id);
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({
          print: () => {
            if (!mainWindow) return;
            const win = mainWindow;
            // Printed once the print is in the audit log (as before, when recording was synchronous).
            void services.recordScreenPrint().then(
              () => {
                win.webContents.print({ silent: false, printBackground: true });
              },
              () => undefined,
            );
          },
          lock: () => {
            void services.vault.lock('manual');
          },
          about: () => {
            if (mainWindow) sendEvent(mainWindow.webContents, 'app.menu', { command: 'about' });
          },
          newIntake: () => {
            if (mainWindow) sendEvent(mainWindow.webContents, 'app.menu', { command: 'newIntake' });
          },
          shortcuts: () => {
            if (mainWindow) sendEvent(mainWindow.webContents, 'app.menu', { command: 'shortcuts' });
          },
          quit: () => {
            app.quit();
          },
          devTools: !app.isPackaged,
        }),
      ),
    );
    mainWindow = await createMainWindow(join(__dirname, '../preload/index.cjs'));
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
    logger.info('app.started', { version: app.getVersion() });
  });
}
