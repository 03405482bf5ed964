import type { MenuItemConstructorOptions } from 'electron';

export type MenuActions = {
  print: () => void;
  lock: () => void;
  about: () => void;
  quit: () => void;
  devTools: boolean;
};

// The Japanese application menu. Reload is deliberately absent: it would throw away a form that
// staff are filling in.
export function buildMenuTemplate(actions: MenuActions): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { label: '拡大', role: 'zoomIn', accelerator: 'CmdOrCtrl+Plus' },
    { label: '縮小', role: 'zoomOut' },
    { label: '実際のサイズ', role: 'resetZoom' },
    { type: 'separator' },
    { label: '全画面表示', role: 'togglefullscreen' },
  ];
  if (actions.devTools) view.push({ type: 'separator' }, { label: '開発者ツール', role: 'toggleDevTools' });
  return [
    {
      label: 'ファイル(&F)',
      submenu: [
        { label: '印刷(&P)…', accelerator: 'CmdOrCtrl+P', click: actions.print },
        { type: 'separator' },
        { label: 'ロック(&L)', accelerator: 'CmdOrCtrl+L', click: actions.lock },
        { type: 'separator' },
        { label: '終了(&X)', accelerator: 'CmdOrCtrl+Q', click: actions.quit },
      ],
    },
    {
      label: '編集(&E)',
      submenu: [
        { label: '元に戻す', role: 'undo' },
        { label: 'やり直し', role: 'redo' },
        { type: 'separator' },
        { label: '切り取り', role: 'cut' },
        { label: 'コピー', role: 'copy' },
        { label: '貼り付け', role: 'paste' },
        { label: 'すべて選択', role: 'selectAll' },
      ],
    },
    { label: '表示(&V)', submenu: view },
    {
      label: 'ヘルプ(&H)',
      submenu: [{ label: 'Madoguchi について', click: actions.about }],
    },
  ];
}
