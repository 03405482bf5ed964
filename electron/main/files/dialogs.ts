// File dialogs are opened by main, never described by the renderer: a path never crosses IPC.
// Electron implements this with dialog.showOpenDialog; the test harness with a queue the test
// fills (e2e/harness).
type Filters = { name: string; extensions: string[] }[];

export type FileDialogs = {
  openFile: (opts: { title: string; filters: Filters }) => Promise<string | null>;
  // Where to save a file the user asked to save (null: cancelled).
  saveFile: (opts: { title: string; defaultName: string; filters: Filters }) => Promise<string | null>;
};

export const noDialogs: FileDialogs = { openFile: () => Promise.resolve(null), saveFile: () => Promise.resolve(null) };
