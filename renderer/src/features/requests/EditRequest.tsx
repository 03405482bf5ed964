import { useEffect, useRef } from 'react';
import type { RequestDetail } from '../../../../core/contract';
import { IntakePage } from '../intake/IntakePage';
import type { IntakePart } from './RequestContents';

// The intake form's headings for each part a 修正 button opens (IntakePage.tsx); the notes have
// no heading, only their field.
const partHeadings: Record<Exclude<IntakePart, 'notes'>, string> = {
  requester: '2. 請求者',
  items: '3. 請求の内容',
  identity: '4. 本人確認・代理人確認',
  fee: '5. 手数料',
};

const controls = 'input:not([type="hidden"]), select, textarea';

// Where the form's part starts and its first field: found by the form's own headings and labels,
// so that the intake form needs no knowledge of the request page.
export function findIntakePart(
  root: HTMLElement,
  part: IntakePart,
): { start: Element; field: HTMLElement | null } | null {
  if (part === 'notes') {
    const label = [...root.querySelectorAll('label')].find((l) => l.textContent.trim().startsWith('備考'));
    const field = label?.control ?? null;
    return field ? { start: field, field } : null;
  }
  const heading = [...root.querySelectorAll('h2')].find((h) => h.textContent.trim() === partHeadings[part]);
  if (!heading) return null;
  const section = heading.parentElement ?? heading;
  return { start: heading, field: section.querySelector<HTMLElement>(controls) };
}

// The intake form filled with the request, opened at the part whose 修正 was chosen: scrolled to
// its heading, the focus on its first field.
export function EditRequest(props: { request: RequestDetail; part: IntakePart; onDone: () => void }) {
  const root = useRef<HTMLDivElement>(null);
  const { part } = props;
  useEffect(() => {
    if (!root.current) return;
    const found = findIntakePart(root.current, part);
    if (!found) return;
    found.start.scrollIntoView({ block: 'start' });
    found.field?.focus({ preventScroll: true });
  }, [part]);
  return (
    <div ref={root}>
      <IntakePage existing={props.request} onCreated={props.onDone} onCancel={props.onDone} />
    </div>
  );
}
