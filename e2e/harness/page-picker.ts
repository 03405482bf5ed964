// TEST-ONLY. In the harness page: answers main's "open file" with the browser's own file picker,
// and sends the chosen file to the harness (file-picker.ts). A browser opens its picker only
// right after a person's click; when that moment has passed (or the call came without one), a
// small dialog says so and offers the button that opens it.
import type { PickRequest } from './file-picker-event';

async function answer(id: string, file: File | null): Promise<void> {
  await fetch(`/__harness/pick/${encodeURIComponent(id)}`, {
    method: 'POST',
    headers: file ? { 'X-Harness-File-Name': encodeURIComponent(file.name) } : { 'X-Harness-Cancel': '1' },
    body: file,
  });
}

function choose(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.hidden = true;
    const done = (file: File | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => done(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => done(null), { once: true });
    document.body.append(input);
    input.click();
  });
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text: string,
  style: Partial<CSSStyleDeclaration> = {},
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.textContent = text;
  // Through the CSSOM: the app's CSP allows no inline style attributes.
  Object.assign(e.style, style);
  return e;
}

// The browser would not open its picker by itself: ask the person to press a button for it.
function askToChoose(req: PickRequest): Promise<File | null> {
  return new Promise((resolve) => {
    const backdrop = element('div', '', {
      position: 'fixed',
      inset: '0',
      background: 'rgba(0, 0, 0, 0.4)',
      display: 'flex',
      alignItems: 'center',
      justifyContent: 'center',
      zIndex: '2147483647',
    });
    const box = element('div', '', {
      background: '#fff',
      color: '#242424',
      padding: '20px 24px',
      borderRadius: '8px',
      maxWidth: '480px',
      font: '14px/1.6 sans-serif',
      boxShadow: '0 8px 32px rgba(0, 0, 0, 0.3)',
    });
    box.setAttribute('role', 'dialog');
    box.setAttribute('aria-modal', 'true');
    const heading = element('h2', req.title, { fontSize: '18px', margin: '0 0 8px' });
    heading.id = 'harness-pick-title';
    box.setAttribute('aria-labelledby', heading.id);
    const text = element(
      'p',
      'ブラウザーがファイルを選ぶ画面を自動では開けませんでした（テスト用ハーネスでは、ボタンを押した直後でないと開けません）。「ファイルを選ぶ…」を押して、ファイルを選んでください。',
      { margin: '0 0 16px' },
    );
    const buttons = element('div', '', { display: 'flex', gap: '8px', justifyContent: 'flex-end' });
    const pick = element('button', 'ファイルを選ぶ…', { padding: '6px 16px', font: 'inherit' });
    const cancel = element('button', 'キャンセル', { padding: '6px 16px', font: 'inherit' });
    const close = (file: File | null) => {
      backdrop.remove();
      resolve(file);
    };
    pick.addEventListener('click', () => {
      void choose(req.accept).then(close);
    });
    cancel.addEventListener('click', () => close(null));
    buttons.append(pick, cancel);
    box.append(heading, text, buttons);
    backdrop.append(box);
    document.body.append(backdrop);
    pick.focus();
  });
}

// Whether the last click was a person's (a script's click() or dispatchEvent is not): only then
// does the call it started still hold the browser's permission to open a picker.
let lastClickByPerson = true;
document.addEventListener(
  'click',
  (e) => {
    lastClickByPerson = e.isTrusted;
  },
  true,
);

export async function pickFile(req: PickRequest): Promise<void> {
  const canOpen = navigator.userActivation.isActive && lastClickByPerson;
  const file = await (canOpen ? choose(req.accept) : askToChoose(req));
  await answer(req.id, file);
}
