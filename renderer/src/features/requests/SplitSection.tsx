import { Body1, Button, Caption1, Checkbox, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { RequestDetail } from '../../../../core/contract';
import { kindInfo, type RequestKind } from '../../../../core/domain/intake/kinds';
import { canRecord } from '../../../../core/domain/workflow';
import { ErrorBar } from '../../components/ErrorBar';
import { WhyDisabled } from '../../components/WhyDisabled';
import { call, errorMessage } from '../../lib/api';

// One 請求書, several requests (issue 33 §4): the other requests of the same envelope, and at
// intake the split that lets a kind go ahead without waiting for another kind's fee or 補正.
export function SplitSection(props: { request: RequestDetail; onOpen?: (id: string) => void }) {
  const r = props.request;
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<RequestKind[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const split = useMutation({
    mutationFn: (kinds: RequestKind[]) => call('intake.split', { id: r.id, kinds }),
    onSuccess: async (child) => {
      setOpen(false);
      setChosen([]);
      setDone(`受付番号 ${child.receiptNo} として分割しました。`);
      await client.invalidateQueries({ queryKey: ['requests.get', r.id] });
      await client.invalidateQueries({ queryKey: ['requests.earlier'] });
      await client.invalidateQueries({ queryKey: ['requests.list'] });
      await client.invalidateQueries({ queryKey: ['requests.dashboard'] });
    },
  });
  const labels = (kinds: readonly RequestKind[]) => kinds.map((k) => kindInfo[k].label).join('、');
  const canSplit = canRecord('intake', r.status) && r.items.length > 1;
  if (r.linked.length === 0 && !canSplit) return null;
  return (
    <div role="group" aria-label="同じ請求書の他の請求" data-testid="split-section">
      {r.linked.length > 0 && (
        <Body1 block data-testid="linked-requests">
          同じ請求書の他の請求:{' '}
          {r.linked.map((l) =>
            props.onOpen ? (
              <Button key={l.id} size="small" appearance="transparent" onClick={() => props.onOpen?.(l.id)}>
                {`${l.receiptNo}（${labels(l.kinds)}）`}
              </Button>
            ) : (
              <span key={l.id}>{`${l.receiptNo}（${labels(l.kinds)}）`} </span>
            ),
          )}
        </Body1>
      )}
      {done && (
        <MessageBar intent="success">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
      {canSplit && !open && (
        <div>
          <Button size="small" onClick={() => setOpen(true)}>
            請求の種類を分けて別の受付番号で進める…
          </Button>
        </div>
      )}
      {canSplit && open && (
        <div role="group" aria-label="請求の分割" style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
          <Body1 block>分ける請求の種類</Body1>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16 }}>
            {r.items.map((i) => (
              <Checkbox
                key={i.kind}
                label={kindInfo[i.kind].feeAllowed ? kindInfo[i.kind].label : `${kindInfo[i.kind].label}（手数料なし）`}
                checked={chosen.includes(i.kind)}
                onChange={(_e, d) => setChosen(d.checked ? [...chosen, i.kind] : chosen.filter((k) => k !== i.kind))}
              />
            ))}
          </div>
          <Caption1 block>
            手数料を要しない種類（訂正・利用停止等）は、他の種類の手数料や補正を待たずに進められます。分けた種類は枝番付きの受付番号で処理し、双方の通知に互いの受付番号を記載します。
          </Caption1>
          <ErrorBar message={split.isError ? errorMessage(split.error) : null} />
          <div style={{ display: 'flex', gap: 8 }}>
            <Button
              appearance="primary"
              disabled={chosen.length === 0 || split.isPending}
              aria-describedby={chosen.length === 0 ? 'why-split' : undefined}
              onClick={() => split.mutate(chosen)}
            >
              分割する
            </Button>
            <Button onClick={() => setOpen(false)}>取り消す</Button>
            <WhyDisabled id="why-split" reason={chosen.length === 0 ? '分ける請求の種類を選択してください。' : null} />
          </div>
        </div>
      )}
    </div>
  );
}
