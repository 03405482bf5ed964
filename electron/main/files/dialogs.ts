// File dialogs are opened by main, never described by the renderer: a path never crosses IPC.
// Electron implements this with dialog.showOpenDialog; the test harness with a queue the test
// fills (e2e/harness).
export type FileDialogs = {
  openFile: (opts: { title: string; filters: { name: string; extensions: string[] }[] }) => Promise<string | null>;
};

export const noDialogs: FileDialogs = { openFile: () => Promise.resolve(null) };
