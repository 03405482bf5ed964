import { useCallback, useEffect, useRef, useState } from 'react';

// After main refuses a submission, the eye must land where the problem is: the first field in
// error (in the order the form shows them) is scrolled to the middle of the view and focused.
// Without one (a refusal no field owns), the form's first alert is shown instead. Generic: it
// reads aria-invalid, which Fluent's Field sets on every control whose message is an error.
export function useRevealRefusal<E extends HTMLElement = HTMLFormElement>() {
  const ref = useRef<E>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (tick === 0) return;
    // After the paint that shows the messages: the fields turn invalid in the same render.
    const frame = requestAnimationFrame(() => {
      const root = ref.current;
      if (!root) return;
      const field = root.querySelector<HTMLElement>('[aria-invalid="true"]');
      const target = field ?? root.querySelector<HTMLElement>('[role="alert"]');
      if (!target) return;
      target.scrollIntoView({ block: 'center' });
      if (field) field.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [tick]);
  const reveal = useCallback(() => setTick((t) => t + 1), []);
  return { ref, reveal };
}
