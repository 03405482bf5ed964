import { Button, Checkbox, Field, Radio, RadioGroup, Select, makeStyles, tokens } from '@fluentui/react-components';
import { Controller, useFieldArray, useWatch, type Control, type UseFormSetValue } from 'react-hook-form';
import {
  documentInfo,
  documentTypes,
  guardianshipLabels,
  guardianships,
  type DocumentType,
} from '../../../../core/domain/intake/identity';
import { kindInfo } from '../../../../core/domain/intake/kinds';
import { DateField } from '../../components/DateField';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { useUndoableRemove } from '../../components/UndoRemove';
import { localId, type IntakeForm } from './model';

const useStyles = makeStyles({
  doc: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    display: 'grid',
    // As many 160px columns as the card holds (four at 1366 wide, three at 1280): a fixed four
    // overflowed the card at 1280×720 and cut the last field off.
    gridTemplateColumns: 'repeat(auto-fill, minmax(160px, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
    marginBottom: tokens.spacingVerticalS,
  },
  full: { gridColumn: '1 / -1', display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  row: { display: 'flex', gap: tokens.spacingHorizontalXL, flexWrap: 'wrap', marginTop: tokens.spacingVerticalM },
});

const docLabels = Object.fromEntries(documentTypes.map((t) => [t, documentInfo[t].label])) as Record<
  DocumentType,
  string
>;

function CheckboxField(props: {
  control: Control<IntakeForm>;
  name: `identity.documents.${number}.${'original' | 'showsRelationship' | 'backSideReceived' | 'containsMyNumber' | 'honsekiMasked' | 'showsHonseki' | 'agencyGranted'}`;
  label: string;
}) {
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ field }) => (
        <Checkbox
          label={props.label}
          checked={field.value === true}
          onChange={(_e, d) => field.onChange(d.checked === true)}
        />
      )}
    />
  );
}

function MatchRadio(props: { control: Control<IntakeForm>; who: 'principal' | 'agent'; label: string }) {
  return (
    <Controller
      control={props.control}
      name={`identity.nameAddressMatch.${props.who}`}
      render={({ field }) => (
        <Field label={props.label}>
          <RadioGroup
            layout="horizontal"
            value={field.value === null ? 'unchecked' : field.value ? 'match' : 'mismatch'}
            onChange={(_e, d) => field.onChange(d.value === 'unchecked' ? null : d.value === 'match')}
          >
            <Radio value="unchecked" label="未照合" />
            <Radio value="match" label="一致" />
            <Radio value="mismatch" label="不一致" />
          </RadioGroup>
        </Field>
      )}
    />
  );
}

// Documents that prove the agent's standing are the 本人's (戸籍謄本 of the parent's child, the
// 後見登記, the 本人's 印鑑登録証明書 and 委任状): choosing one sets 誰の書類か to 本人.
const principalsProof: readonly DocumentType[] = [
  'familyRegister',
  'registryCertificate',
  'sealCertificate',
  'powerOfAttorney',
];

export function IdentitySection(props: {
  control: Control<IntakeForm>;
  setValue: UseFormSetValue<IntakeForm>;
  agent: boolean;
  // Shows the 弁護士登録番号: 'lawyer' for a 弁護士 agent, 'guardian' for a 後見人 who may be one.
  lawyerNo: 'lawyer' | 'guardian' | null;
}) {
  const styles = useStyles();
  const c = props.control;
  const docs = useFieldArray({ control: c, name: 'identity.documents' });
  const values = useWatch({ control: c, name: 'identity.documents' });
  const kinds = useWatch({ control: c, name: 'items' }).map((i) => i.kind);
  const undo = useUndoableRemove(docs, (i) => values[i]);
  return (
    <div>
      {undo.bar}
      {docs.fields.map((f, i) => {
        const type = values[i]?.type ?? f.type;
        const doc = values[i] ?? f;
        return (
          <div key={f.id} className={styles.doc} data-testid="identity-document">
            <SelectField<IntakeForm, DocumentType>
              name={`identity.documents.${i}.type`}
              label="書類の種類"
              control={c}
              options={documentTypes}
              labels={docLabels}
              onValue={(t) => {
                if (principalsProof.includes(t)) props.setValue(`identity.documents.${i}.holder`, 'principal');
              }}
            />
            <SelectField<IntakeForm, 'principal' | 'agent'>
              name={`identity.documents.${i}.holder`}
              label="誰の書類か"
              control={c}
              options={props.agent ? ['principal', 'agent'] : ['principal']}
              labels={{ principal: '本人', agent: '代理人' }}
            />
            {documentInfo[type].hasExpiry && (
              <DateField<IntakeForm>
                name={`identity.documents.${i}.expiresOn`}
                label="有効期限"
                control={c}
                nullable
                hint="例: 2029/1/1"
              />
            )}
            {documentInfo[type].issueWindow && (
              <DateField<IntakeForm>
                name={`identity.documents.${i}.issuedOn`}
                label="発行日"
                control={c}
                nullable
                hint="例: 2026/10/1"
              />
            )}
            {type === 'powerOfAttorney' && (
              <DateField<IntakeForm>
                name={`identity.documents.${i}.issuedOn`}
                label="委任状の作成日"
                control={c}
                nullable
                hint="例: 2026/10/1"
              />
            )}
            {(documentInfo[type].hasExpiry || documentInfo[type].issueWindow || type === 'powerOfAttorney') && (
              <DateField<IntakeForm>
                name={`identity.documents.${i}.receivedOn`}
                label="この書類の到着日（補正で届いた場合）"
                control={c}
                nullable
                hint="請求書と一緒に届いた書類は空欄。有効期限・発行日はこの日で判定します"
              />
            )}
            {((type === 'myNumberCard' && doc.backSideReceived === true) ||
              (type === 'residentRecord' && doc.containsMyNumber === true)) && (
              <DateField<IntakeForm>
                name={`identity.documents.${i}.destroyedOn`}
                label="個人番号を廃棄・マスキングした日"
                control={c}
                nullable
                hint="例: 2026/10/1"
              />
            )}
            <div className={styles.full}>
              <CheckboxField control={c} name={`identity.documents.${i}.original`} label="原本" />
              {type === 'residentRecord' && (
                <CheckboxField control={c} name={`identity.documents.${i}.showsRelationship`} label="続柄の記載あり" />
              )}
              {type === 'residentRecord' && (
                <CheckboxField
                  control={c}
                  name={`identity.documents.${i}.containsMyNumber`}
                  label="個人番号の記載あり"
                />
              )}
              {type === 'residentRecord' && (
                <CheckboxField control={c} name={`identity.documents.${i}.showsHonseki`} label="本籍の記載あり" />
              )}
              {(type === 'familyRegister' || (type === 'residentRecord' && doc.showsHonseki === true)) && (
                <CheckboxField control={c} name={`identity.documents.${i}.honsekiMasked`} label="本籍を黒塗り済み" />
              )}
              {type === 'registryCertificate' && (
                <Controller
                  control={c}
                  name={`identity.documents.${i}.guardianship`}
                  render={({ field }) => (
                    <Field label="登記されている類型">
                      <Select value={field.value ?? 'guardian'} onChange={(_e, d) => field.onChange(d.value)}>
                        {guardianships.map((g) => (
                          <option key={g} value={g}>
                            {guardianshipLabels[g]}
                          </option>
                        ))}
                      </Select>
                    </Field>
                  )}
                />
              )}
              {type === 'registryCertificate' && (doc.guardianship ?? 'guardian') !== 'guardian' && (
                <CheckboxField
                  control={c}
                  name={`identity.documents.${i}.agencyGranted`}
                  label="代理権付与の記載あり"
                />
              )}
              {type === 'myNumberCard' && (
                <CheckboxField
                  control={c}
                  name={`identity.documents.${i}.backSideReceived`}
                  label="裏面（個人番号）の写しも届いた"
                />
              )}
              {type === 'healthInsurance' && (
                <Controller
                  control={c}
                  name={`identity.documents.${i}.insurerNumberMasked`}
                  render={({ field }) => (
                    <Field label="保険者番号等のマスキング">
                      <Select
                        value={field.value ?? ''}
                        onChange={(_e, d) => field.onChange(d.value === '' ? null : d.value)}
                      >
                        <option value="">未実施</option>
                        <option value="sender">請求者がマスキング済み</option>
                        <option value="us">当社でマスキングした</option>
                      </Select>
                    </Field>
                  )}
                />
              )}
              {type === 'powerOfAttorney' && (
                <Controller
                  control={c}
                  name={`identity.documents.${i}.powerOfAttorney`}
                  render={({ field }) => {
                    const v = field.value ?? { kinds: [], canReceive: false, registeredSeal: false };
                    return (
                      <CheckboxGroup label="委任状の記載" className={styles.row}>
                        {kinds.map((k) => (
                          <Checkbox
                            key={k}
                            label={`委任事項: ${kindInfo[k].label}`}
                            checked={v.kinds.includes(k)}
                            onChange={(_e, d) =>
                              field.onChange({
                                ...v,
                                kinds: d.checked === true ? [...v.kinds, k] : v.kinds.filter((x) => x !== k),
                              })
                            }
                          />
                        ))}
                        <Checkbox
                          label="受領権限あり"
                          checked={v.canReceive}
                          onChange={(_e, d) => field.onChange({ ...v, canReceive: d.checked === true })}
                        />
                        <Checkbox
                          label="実印の押印あり"
                          checked={v.registeredSeal}
                          onChange={(_e, d) => field.onChange({ ...v, registeredSeal: d.checked === true })}
                        />
                      </CheckboxGroup>
                    );
                  }}
                />
              )}
              <Button size="small" data-destructive onClick={() => undo.remove(i, `確認書類（${docLabels[type]}）`)}>
                この書類を削除
              </Button>
            </div>
          </div>
        );
      })}
      <Button
        onClick={() =>
          docs.append({
            id: localId('d'),
            type: 'drivingLicence',
            holder: props.agent ? 'agent' : 'principal',
            original: false,
            expiresOn: null,
            issuedOn: null,
          })
        }
      >
        確認書類を追加
      </Button>
      <div className={styles.row}>
        {!props.agent && <MatchRadio control={c} who="principal" label="請求書と本人確認書類の氏名・住所の照合" />}
        {props.agent && <MatchRadio control={c} who="agent" label="請求書と代理人の本人確認書類の氏名・住所の照合" />}
        {props.lawyerNo && (
          <TextField<IntakeForm>
            name="identity.lawyerRegistrationNo"
            label={props.lawyerNo === 'lawyer' ? '弁護士登録番号' : '弁護士登録番号（後見人が弁護士の場合）'}
            control={c}
          />
        )}
      </div>
    </div>
  );
}
