import { Checkbox, Field, Input, Radio, RadioGroup, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { IdentityRulesSettings } from '../../../../core/contract';
import { documentInfo } from '../../../../core/domain/intake/documents';
import {
  appointedAgentRuleChoices,
  appointedAgentRules,
  electronicChannels,
  identityDocumentTypes,
  identityRuleLabels,
  identityRules,
  matchFieldLabels,
  matchFields,
  parentProofs,
  type IdentityRule,
  type AppointedAgentRule,
} from '../../../../core/domain/intake/identity-rules';
import { channelLabels, channels } from '../../../../core/domain/intake/kinds';
import { CheckboxGroup } from '../../components/CheckboxGroup';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
});

const toggle = <T,>(list: readonly T[], v: T, on: boolean): T[] => (on ? [...list, v] : list.filter((x) => x !== v));

// The company's identity procedure: channels, what proves identity, what an agent sends, and
// matching the registered record for e-mail and web requests. Each left as is keeps the app's
// behaviour before these settings (every channel, every document, 実印 and 印鑑登録証明書).
export function IdentityRulesFields(props: {
  value: IdentityRulesSettings;
  onChange: (next: IdentityRulesSettings) => void;
}) {
  const styles = useStyles();
  const r = props.value;
  // A setting cleared (blank, no channel) is left out: the default applies again.
  const set = (patch: { [K in keyof IdentityRulesSettings]?: IdentityRulesSettings[K] | undefined }) => {
    const next: Record<string, unknown> = { ...r, ...patch };
    props.onChange(Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined)));
  };
  const acceptedChannels = r.acceptedChannels ?? [...channels];
  const documents = r.acceptedDocuments ?? [...identityDocumentTypes];
  const match = r.registeredMatch ?? { channels: [], fields: [] };
  const setMatch = (m: typeof match) => set({ registeredMatch: m.channels.length === 0 ? undefined : m });
  return (
    <>
      <Subtitle2>請求の受付方法と本人確認の手続</Subtitle2>
      <CheckboxGroup
        label="受け付ける請求の方法（それ以外で届いた請求には、所定の方法をご案内します）"
        className={styles.row}
      >
        {channels.map((c) => (
          <Checkbox
            key={c}
            label={channelLabels[c]}
            checked={acceptedChannels.includes(c)}
            onChange={(_e, d) => set({ acceptedChannels: toggle(acceptedChannels, c, d.checked === true) })}
          />
        ))}
      </CheckboxGroup>
      <Field label="本人確認書類の点数">
        <RadioGroup
          layout="horizontal"
          value={r.identityRule ?? 'photoOrTwo'}
          onChange={(_e, d) => set({ identityRule: d.value as IdentityRule })}
        >
          {identityRules.map((rule) => (
            <Radio key={rule} value={rule} label={identityRuleLabels[rule]} />
          ))}
        </RadioGroup>
      </Field>
      <CheckboxGroup label="受け付ける本人確認書類" className={styles.row}>
        {identityDocumentTypes.map((t) => (
          <Checkbox
            key={t}
            label={documentInfo[t].label}
            checked={documents.includes(t)}
            onChange={(_e, d) => set({ acceptedDocuments: toggle(documents, t, d.checked === true) })}
          />
        ))}
      </CheckboxGroup>
      <CheckboxGroup
        label="写しではなく原本を求める書類（住民票・戸籍謄本・証明書類・委任状は常に原本です）"
        className={styles.row}
      >
        {identityDocumentTypes
          .filter((t) => !documentInfo[t].originalRequired)
          .map((t) => (
            <Checkbox
              key={t}
              label={documentInfo[t].label}
              checked={(r.originals ?? []).includes(t)}
              onChange={(_e, d) => set({ originals: toggle(r.originals ?? [], t, d.checked === true) })}
            />
          ))}
      </CheckboxGroup>
      <Field label="任意代理人に求める書類（いずれも代理人の本人確認書類が必要です）">
        <RadioGroup
          layout="horizontal"
          value={r.appointedAgent ?? 'registeredSeal'}
          onChange={(_e, d) => set({ appointedAgent: d.value as AppointedAgentRule })}
        >
          {appointedAgentRules.map((rule) => (
            <Radio key={rule} value={rule} label={appointedAgentRuleChoices[rule]} />
          ))}
        </RadioGroup>
      </Field>
      <CheckboxGroup label="親権者であることを確認する書類" className={styles.row}>
        {parentProofs.map((t) => (
          <Checkbox
            key={t}
            label={t === 'familyRegister' ? '戸籍謄本' : '続柄の記載のある住民票の写し'}
            checked={(r.parentProof ?? parentProofs).includes(t)}
            onChange={(_e, d) =>
              set({ parentProof: toggle(r.parentProof ?? [...parentProofs], t, d.checked === true) })
            }
          />
        ))}
      </CheckboxGroup>
      <Field label="委任状の有効期間（作成日からの月数）" hint="空欄: 作成日を問いません">
        <Input
          type="number"
          min={1}
          max={12}
          value={r.poaWindowMonths === undefined ? '' : String(r.poaWindowMonths)}
          onChange={(_e, d) => set({ poaWindowMonths: d.value === '' ? undefined : Number(d.value) })}
        />
      </Field>
      <CheckboxGroup
        label="ご本人からの請求を、書類ではなくご登録情報との照合で確認する請求の方法"
        className={styles.row}
      >
        {electronicChannels.map((c) => (
          <Checkbox
            key={c}
            label={channelLabels[c]}
            checked={match.channels.includes(c)}
            onChange={(_e, d) => setMatch({ ...match, channels: toggle(match.channels, c, d.checked === true) })}
          />
        ))}
      </CheckboxGroup>
      {match.channels.length > 0 && (
        <CheckboxGroup label="照合する項目（2つ以上）" className={styles.row}>
          {matchFields.map((f) => (
            <Checkbox
              key={f}
              label={matchFieldLabels[f]}
              checked={match.fields.includes(f)}
              onChange={(_e, d) => setMatch({ ...match, fields: toggle(match.fields, f, d.checked === true) })}
            />
          ))}
        </CheckboxGroup>
      )}
    </>
  );
}
