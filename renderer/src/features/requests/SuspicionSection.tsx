import { Button, Field, MessageBar, MessageBarBody, MessageBarTitle, Textarea } from '@fluentui/react-components';
import { slashDateTime } from '../../../../core/domain/dates';
import { useState } from 'react';
import { WhyDisabled } from '../../components/WhyDisabled';
import { type RequestDetail } from '../../../../core/contract';
import { call, errorMessage } from '../../lib/api';
import { useRequestMutation } from './WorkflowPanel';

// A suspected impersonation: staff raise it with a note (which names and addresses disagree),
// the dashboard lists it for the 個人情報保護管理者, and it is cleared with the reason.
export function SuspicionSection(props: { request: RequestDetail }) {
  const r = props.request;
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const flag = useRequestMutation(
    r.id,
    (suspected: boolean) => call('requests.flagSuspicion', { id: r.id, suspected, note }),
    () => {
      setOpen(false);
      setNote('');
    },
  );
  const closed = r.closedOn !== null;
  if (closed && !r.suspicion) return null;
  const form = (suspected: boolean) => {
    const noteMissing = note.trim() === '' ? `${suspected ? '疑いの内容' : '解除の理由'}を入力してください。` : null;
    return (
      <div role="group" aria-label={suspected ? 'なりすましの疑いの記録' : 'なりすましの疑いの解除'}>
        <Field
          label={suspected ? '疑いの内容（一致しない記載など）' : '解除の理由（確認した内容）'}
          required
          validationMessage={flag.isError ? errorMessage(flag.error) : undefined}
        >
          <Textarea value={note} onChange={(_e, d) => setNote(d.value)} />
        </Field>
        <div style={{ display: 'flex', gap: 8, marginTop: 8 }}>
          <Button
            appearance="primary"
            disabled={noteMissing !== null || flag.isPending}
            aria-describedby={noteMissing ? 'why-suspicion' : undefined}
            onClick={() => flag.mutate(suspected)}
          >
            {suspected ? '疑いを記録する' : '疑いを解除する'}
          </Button>
          <Button onClick={() => setOpen(false)}>取り消す</Button>
          <WhyDisabled id="why-suspicion" reason={noteMissing} />
        </div>
      </div>
    );
  };
  if (r.suspicion) {
    return (
      <MessageBar intent="error" layout="multiline" data-testid="suspicion">
        <MessageBarBody>
          <MessageBarTitle>なりすましの疑いがあります</MessageBarTitle>
          {r.suspicion.note}（記録: {r.accountNames[r.suspicion.by] ?? r.suspicion.by}、{slashDateTime(r.suspicion.at)}
          ）
          {!closed &&
            (open ? (
              form(false)
            ) : (
              <div>
                <Button size="small" onClick={() => setOpen(true)}>
                  疑いを解除する…
                </Button>
              </div>
            ))}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return open ? (
    form(true)
  ) : (
    <div>
      <Button size="small" onClick={() => setOpen(true)}>
        なりすましの疑いを記録する…
      </Button>
    </div>
  );
}
