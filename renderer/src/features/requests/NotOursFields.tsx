import { Field, Input, Select, Textarea } from '@fluentui/react-components';
import type { Decision } from '../../../../core/domain/decisions';
import { useSettings } from '../../lib/settings';

type Props = {
  decision: Decision;
  set: (patch: Partial<Decision>) => void;
  problems: Partial<Record<keyof Decision, string>>;
};

// Not our 保有個人データ: the 委託元 and its window, picked from the company's list (設定 → 処理)
// and copied into the decision, then editable for this request.
export function NotOursFields({ decision: d, set, problems }: Props) {
  const trustors = useSettings().data?.processing.trustors ?? [];
  const msg = (k: keyof Decision) => ({
    validationMessage: problems[k],
    validationState: problems[k] ? ('error' as const) : ('none' as const),
  });
  return (
    <>
      {trustors.length > 0 && (
        <Field label="登録済みの委託元から選ぶ">
          <Select
            value={trustors.some((t) => t.name === d.trustorName) ? d.trustorName : ''}
            onChange={(_e, v) => {
              const t = trustors.find((x) => x.name === v.value);
              if (t) set({ trustorName: t.name, trustorWindow: t.window });
            }}
          >
            <option value="">委託元を選択…</option>
            {trustors.map((t) => (
              <option key={t.name} value={t.name}>
                {t.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Field label="委託元の名称" required {...msg('trustorName')}>
        <Input value={d.trustorName} onChange={(_e, v) => set({ trustorName: v.value })} />
      </Field>
      <Field
        label="委託元の窓口（ご請求先。通知に記載します）"
        required
        hint="窓口の名称、住所・電話番号・メールアドレスなど"
        {...msg('trustorWindow')}
      >
        <Textarea rows={3} value={d.trustorWindow} onChange={(_e, v) => set({ trustorWindow: v.value })} />
      </Field>
      <Field label="補足（任意。通知に記載します）" {...msg('reason')}>
        <Textarea value={d.reason} onChange={(_e, v) => set({ reason: v.value })} />
      </Field>
    </>
  );
}
