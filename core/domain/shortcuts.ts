// The keyboard shortcuts, listed once: the application menu (electron/main/menu.ts) binds its
// accelerators from `accelerators`, the renderer handles the same keys itself (so they also work
// in a browser, the test harness), and the list staff open with F1 or ? shows `shortcutGroups`.
// menu.test.ts checks that every accelerator of the menu is in the list.

export const accelerators = {
  newIntake: 'CmdOrCtrl+N',
  print: 'CmdOrCtrl+P',
  lock: 'CmdOrCtrl+L',
  quit: 'CmdOrCtrl+Q',
  zoomIn: 'CmdOrCtrl+Plus',
  shortcuts: 'F1',
} as const;

export type ShortcutGroup = { title: string; items: readonly { keys: readonly string[]; label: string }[] };

export const shortcutGroups: readonly ShortcutGroup[] = [
  {
    title: 'どの画面でも',
    items: [
      // A browser keeps Ctrl+N for a new window: Alt+N does the same there.
      { keys: ['Ctrl+N', 'Alt+N'], label: '新規受付を開く' },
      { keys: ['Ctrl+L'], label: 'ロックする' },
      { keys: ['Ctrl+P'], label: '表示中の画面を印刷する' },
      { keys: ['F1', '?'], label: 'このキーボードショートカットの一覧を開く（? は入力欄の外で）' },
      { keys: ['Ctrl++', 'Ctrl+-', 'Ctrl+0'], label: '画面の拡大・縮小・実際のサイズ' },
      { keys: ['F11'], label: '全画面表示の切り替え' },
      { keys: ['Ctrl+Q'], label: 'アプリを終了する' },
    ],
  },
  {
    title: '画面の操作',
    items: [
      { keys: ['Tab', 'Shift+Tab'], label: '次の項目へ・前の項目へ移る' },
      { keys: ['Enter', 'Space'], label: 'ボタンを押す・チェックを付ける' },
      { keys: ['Esc'], label: 'ダイアログを閉じる' },
    ],
  },
  {
    title: '新規受付の入力中',
    items: [{ keys: ['Enter'], label: '次の入力欄へ進む（最後は「受付を登録する」ボタンへ）' }],
  },
];

// What a keydown asks for (新規受付, the list, the lock); null for any other key. `?` only outside a
// field that takes text (there it is a character to type).
export function shortcutOf(
  e: { key: string; code: string; ctrlKey: boolean; altKey: boolean; shiftKey: boolean; metaKey: boolean },
  inTextField: boolean,
): 'newIntake' | 'shortcuts' | 'lock' | null {
  const key = e.key.toLowerCase();
  // By the key's place too: with the Japanese input method on, Alt+N may not say "n".
  const n = key === 'n' || e.code === 'KeyN';
  if (e.ctrlKey && !e.altKey && !e.shiftKey && n) return 'newIntake';
  if (e.altKey && !e.ctrlKey && !e.shiftKey && !e.metaKey && n) return 'newIntake';
  if (e.ctrlKey && !e.altKey && !e.shiftKey && key === 'l') return 'lock';
  if (e.key === 'F1' && !e.ctrlKey && !e.altKey && !e.shiftKey) return 'shortcuts';
  if (e.key === '?' && !e.ctrlKey && !e.altKey && !e.metaKey && !inTextField) return 'shortcuts';
  return null;
}
