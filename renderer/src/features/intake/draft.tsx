import { Caption1 } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { call } from '../../lib/api';
import { draftForm, emptyIntake, type IntakeForm } from './model';

// New intake only: what is typed is saved as a draft (in the encrypted database) a moment after
// each change, and offered back when the page opens again — after leaving the page, an idle lock
// or a crash. Registering or discarding removes it.
export function useIntakeDraft(form: UseFormReturn<IntakeForm>, values: IntakeForm, enabled: boolean) {
  const [loaded, setLoaded] = useState(false);
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  // The values last saved as the draft, and when: the page says "saved" while they are current.
  const [saved, setSaved] = useState<{ values: IntakeForm; at: Date } | null>(null);
  useEffect(() => {
    if (!enabled) return undefined;
    let live = true;
    void call('drafts.get', { kind: 'intake' })
      .then((d) => {
        if (!live) return;
        const restored = d ? draftForm(d.data) : null;
        if (d && restored) {
          form.reset(restored);
          setRestoredAt(d.savedAt);
        }
      })
      .catch(() => undefined)
      .finally(() => {
        if (live) setLoaded(true);
      });
    return () => {
      live = false;
    };
  }, [enabled, form]);
  const dirty = form.formState.isDirty;
  useEffect(() => {
    if (!enabled || !loaded || !dirty) return undefined;
    let current = true;
    const timer = setTimeout(() => {
      // Through JSON: unset optional fields (undefined) are left out, as JSON has no such value.
      const data = JSON.parse(JSON.stringify(values)) as IntakeForm;
      void call('drafts.save', { kind: 'intake', data })
        .then(() => {
          if (current) setSaved({ values, at: new Date() });
        })
        .catch(() => undefined);
    }, DRAFT_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [enabled, loaded, dirty, values]);
  return {
    restoredAt,
    savedAt: saved?.values === values ? saved.at : null,
    clear: () => call('drafts.clear', { kind: 'intake' }).catch(() => undefined),
    discard: () => {
      void call('drafts.clear', { kind: 'intake' }).catch(() => undefined);
      form.reset(emptyIntake());
      setRestoredAt(null);
    },
  };
}

const DRAFT_DELAY_MS = 800;

export function savedLine(at: Date | null) {
  if (!at) return null;
  const time = at.toLocaleTimeString('ja-JP', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit' });
  return (
    <Caption1 role="status" data-testid="draft-saved">
      {`入力内容を一時保存しました（${time}）。登録するまで、ロックや画面の切り替えの後も復元できます。`}
    </Caption1>
  );
}
