import type { KeyboardEvent } from 'react';

// Enter in a single-line field moves to the next field instead of submitting the form, as in
// the paper-to-screen data entry office staff are used to. Textareas and buttons keep Enter;
// checkboxes and radios move on as well (Space ticks them).
// Enter moves between fields only (and on to the form's submit button at the end): landing on a
// row's 削除 or 追加 button, a second Enter would press it. Destructive buttons are also marked
// data-destructive and never reached this way.
export function enterMovesOn(e: KeyboardEvent<HTMLFormElement>): void {
  const target = e.target as HTMLElement;
  if (e.key !== 'Enter' || e.shiftKey || e.ctrlKey || e.altKey || e.nativeEvent.isComposing) return;
  if (!(target instanceof HTMLInputElement)) return;
  // On a checkbox or radio too: there Chrome's Enter would submit the form half filled.
  e.preventDefault();
  const focusable = Array.from(
    e.currentTarget.querySelectorAll<HTMLElement>(
      'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button[type="submit"]:not([disabled])',
    ),
  ).filter((el) => el.tabIndex >= 0 && el.offsetParent !== null && !el.hasAttribute('data-destructive'));
  // A radio group is one stop, as for Tab: the next field after the group's last radio.
  const sameGroup = (el: HTMLElement) =>
    target.type === 'radio' && el instanceof HTMLInputElement && el.type === 'radio' && el.name === target.name;
  const after = focusable.slice(focusable.indexOf(target) + 1);
  const next = after.find((el) => !sameGroup(el));
  next?.focus();
}
