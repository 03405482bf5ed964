import type { MenuItemConstructorOptions } from 'electron';
import { accelerators } from '../../core/domain/shortcuts';

export type MenuActions = {
  newIntake: () => void;
  shortcuts: () => void;
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
    { label: '拡大', role: 'zoomIn', accelerator: accelerators.zoomIn },
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
        { label: '新規受付(&N)', accelerator: accelerators.newIntake, click: actions.newIntake },
        { type: 'separator' },
        { label: '印刷(&P)…', accelerator: accelerators.print, click: actions.print },
        { type: 'separator' },
        { label: 'ロック(&L)', accelerator: accelerators.lock, click: actions.lock },
        { type: 'separator' },
        { label: '終了(&X)', accelerator: accelerators.quit, click: actions.quit },
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
      submenu: [
        { label: 'キーボードショートカット(&K)', accelerator: accelerators.shortcuts, click: actions.shortcuts },
        { type: 'separator' },
        { label: 'Madoguchi について', click: actions.about },
      ],
    },
  ];
}
