import type { KeyboardEvent } from 'react';

// Enter in a single-line field moves to the next field instead of submitting the form, as in
// the paper-to-screen data entry office staff are used to. Textareas and buttons keep Enter.
export function enterMovesOn(e: KeyboardEvent<HTMLFormElement>): void {
  const target = e.target as HTMLElement;
  if (e.key !== 'Enter' || e.shiftKey || e.ctrlKey || e.altKey || e.nativeEvent.isComposing) return;
  if (!(target instanceof HTMLInputElement) || target.type === 'checkbox' || target.type === 'radio') return;
  e.preventDefault();
  const focusable = Array.from(
    e.currentTarget.querySelectorAll<HTMLElement>(
      'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])',
    ),
  ).filter((el) => el.tabIndex >= 0 && el.offsetParent !== null);
  const next = focusable[focusable.indexOf(target) + 1];
  next?.focus();
}
