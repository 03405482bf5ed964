import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Subtitle1,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { defaultWindow, type ChannelOutput, type EnvelopeWindow, type LetterSettings } from '../../../../core/contract';
import {
  defaultLetterTemplates,
  letterKinds,
  letterLabels,
  placeholders,
  type LetterKind,
} from '../../../../core/domain/letters/catalogue';
import { ErrorBar } from '../../components/ErrorBar';
import { SuccessBar } from '../../components/SuccessBar';
import { ApiError, call, errorMessage } from '../../lib/api';
import { ScanPreview } from '../intake/ScanPreview';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '720px' },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'end', flexWrap: 'wrap' },
  section: { marginTop: tokens.spacingVerticalL },
  window: {
    display: 'grid',
    gridTemplateColumns: 'repeat(4, minmax(0, 1fr))',
    gap: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: tokens.spacingHorizontalM,
    '& > span': { gridColumn: '1 / -1' },
  },
});

type Settings = ChannelOutput<'settings.get'>;

// Letters: numbering, date style, window envelopes; the signing certificate and the seal; the
// fixed sentences of each letter with a preview.
const windowFields: [keyof EnvelopeWindow, string][] = [
  ['left', '左端'],
  ['top', '上端'],
  ['width', '幅'],
  ['height', '高さ'],
];

export function LettersPanel(props: { settings: Settings }) {
  const styles = useStyles();
  const client = useQueryClient();
  const [value, setValue] = useState<LetterSettings>(props.settings.letters);
  const [done, setDone] = useState<string | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [kind, setKind] = useState<LetterKind>('receipt');
  const [preview, setPreview] = useState<string | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ['settings.get'] });
  const save = useMutation({
    mutationFn: (v: LetterSettings) => call('settings.updateLetters', v),
    onSuccess: async () => {
      setDone('回答書の設定を保存しました。');
      await refresh();
    },
  });
  const importCert = useMutation({
    mutationFn: () => call('letters.importCertificate', { passphrase }),
    onSuccess: async (c) => {
      setPassphrase('');
      if (c) setDone(`証明書を登録しました（${c.subject}、有効期限 ${c.notAfter.slice(0, 10)}）。`);
      await refresh();
    },
  });
  const removeCert = useMutation({ mutationFn: () => call('letters.removeCertificate', {}), onSuccess: refresh });
  const importSeal = useMutation({
    mutationFn: () => call('letters.importSeal', {}),
    onSuccess: async (ok) => {
      if (ok) setDone('社印の画像を登録しました。');
      await refresh();
    },
  });
  const removeSeal = useMutation({ mutationFn: () => call('letters.removeSeal', {}), onSuccess: refresh });
  const template = value.templates[kind] ?? defaultLetterTemplates[kind];
  const setTemplate = (patch: Partial<typeof template>) =>
    setValue({ ...value, templates: { ...value.templates, [kind]: { ...template, ...patch } } });
  const previewMutation = useMutation({
    mutationFn: () => call('letters.templatePreview', { kind, template }),
    onSuccess: (r) => setPreview(r.base64),
  });
  const errors = [save, importCert, removeCert, importSeal, removeSeal, previewMutation].find((m) => m.isError)?.error;
  const issue = (key: string) =>
    save.error instanceof ApiError ? save.error.issues?.find((i) => i.path.includes(key))?.message : undefined;
  const cert = props.settings.certificate;
  return (
    <div className={styles.form}>
      <SuccessBar message={done} />
      <ErrorBar message={errors ? errorMessage(errors) : null} />
      <Subtitle1 as="h2">書式</Subtitle1>
      <Field
        label="文書番号の形式"
        hint="{年} は西暦年、{連番} は年ごとの通し番号に置き換わります。"
        validationMessage={issue('documentNoPattern')}
      >
        <Input
          value={value.documentNoPattern}
          onChange={(_e, d) => setValue({ ...value, documentNoPattern: d.value })}
        />
      </Field>
      <Field label="日付の表記">
        <RadioGroup
          layout="horizontal"
          value={value.dateStyle}
          onChange={(_e, d) => setValue({ ...value, dateStyle: d.value as LetterSettings['dateStyle'] })}
        >
          <Radio value="wareki" label="和暦（令和8年11月22日）" />
          <Radio value="seireki" label="西暦（2026年11月22日）" />
        </RadioGroup>
      </Field>
      <Checkbox
        label="宛名を窓あき封筒（長形3号）の窓の位置に印字する"
        checked={value.windowEnvelope}
        onChange={(_e, d) => setValue({ ...value, windowEnvelope: d.checked === true })}
      />
      {value.windowEnvelope && (
        <fieldset className={styles.window}>
          <legend>窓の位置と大きさ（用紙の左上から、mm）</legend>
          {windowFields.map(([key, label]) => (
            <Field key={key} label={label} validationMessage={issue(key)}>
              <Input
                type="number"
                inputMode="decimal"
                value={String((value.window ?? defaultWindow)[key])}
                onChange={(_e, d) =>
                  setValue({ ...value, window: { ...(value.window ?? defaultWindow), [key]: Number(d.value) } })
                }
              />
            </Field>
          ))}
          <Caption1>
            標準は長形3号の窓（左 {defaultWindow.left}・上 {defaultWindow.top}・幅 {defaultWindow.width}・高さ{' '}
            {defaultWindow.height}）です。保存すると、下書きとプレビューに窓の位置が点線で表示されます。
          </Caption1>
        </fieldset>
      )}

      <Subtitle1 as="h2" className={styles.section}>
        定型文
      </Subtitle1>
      <Field label="書類">
        <Select
          value={kind}
          onChange={(_e, d) => {
            setKind(d.value as LetterKind);
            setPreview(null);
          }}
        >
          {letterKinds.map((k) => (
            <option key={k} value={k}>
              {letterLabels[k]}
            </option>
          ))}
        </Select>
      </Field>
      <Body1>差し込み項目: {placeholders.map((p) => `{${p}}`).join('、')}</Body1>
      <Field label="表題" validationMessage={issue('title')}>
        <Input value={template.title} onChange={(_e, d) => setTemplate({ title: d.value })} />
      </Field>
      <Field label="本文（段落ごとに改行）" validationMessage={issue('body')}>
        <Textarea rows={6} value={template.body} onChange={(_e, d) => setTemplate({ body: d.value })} />
      </Field>
      <div className={styles.row}>
        <Button onClick={() => previewMutation.mutate()} disabled={previewMutation.isPending}>
          見本で表示
        </Button>
        <Button
          onClick={() => {
            setValue({
              ...value,
              templates: Object.fromEntries(Object.entries(value.templates).filter(([k]) => k !== kind)),
            });
          }}
        >
          標準の文章に戻す
        </Button>
        <Button appearance="primary" onClick={() => save.mutate(value)} disabled={save.isPending}>
          書式と定型文を保存する
        </Button>
      </div>
      {preview && <ScanPreview key={preview.length} mime="application/pdf" base64={preview} label="定型文の見本" />}

      <Subtitle1 as="h2" className={styles.section}>
        電子署名
      </Subtitle1>
      {cert ? (
        <Body1 data-testid="certificate">
          登録済み: {cert.subject}（有効期限 {cert.notAfter.slice(0, 10)}）
        </Body1>
      ) : (
        <Body1>証明書が登録されていません。回答書は電子署名なしで確定されます。</Body1>
      )}
      <div className={styles.row}>
        <Field label="証明書のパスフレーズ" hint="取り込みにのみ使い、保存しません。">
          <Input type="password" value={passphrase} onChange={(_e, d) => setPassphrase(d.value)} />
        </Field>
        <Button onClick={() => importCert.mutate()} disabled={importCert.isPending}>
          証明書ファイル（PKCS#12）を取り込む…
        </Button>
        {cert && <Button onClick={() => removeCert.mutate()}>証明書を削除</Button>}
      </div>

      <Subtitle1 as="h2" className={styles.section}>
        社印（角印）
      </Subtitle1>
      <Body1>{props.settings.seal ? '登録済みです。差出人の氏名に重ねて印字されます。' : '登録されていません。'}</Body1>
      <div className={styles.row}>
        <Button onClick={() => importSeal.mutate()} disabled={importSeal.isPending}>
          社印の画像（PNG）を取り込む…
        </Button>
        {props.settings.seal && <Button onClick={() => removeSeal.mutate()}>社印を削除</Button>}
      </div>
    </div>
  );
}
