import { Body1, Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { Decision, GroundCode } from '../../../../core/domain/decisions';
import { markGrounds, withheldSection, type MarkedRecord } from '../../../../core/domain/disclosure/marks';
import { tableFormats } from '../../../../core/domain/disclosure/records';
import type { RequestKind } from '../../../../core/domain/intake/kinds';
import { ErrorBar } from '../../components/ErrorBar';
import { call, errorMessage } from '../../lib/api';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
});

// The decision's 「開示しない部分」 built from the withholding marks on the records (then editable),
// and a warning when the decision and the marks disagree.
export function WithheldFromMarks(props: {
  requestId: string;
  kind: RequestKind;
  decision: Decision;
  set: (patch: Partial<Decision>) => void;
}) {
  const styles = useStyles();
  const d = props.decision;
  const records = useQuery({
    queryKey: ['records.list', props.requestId],
    queryFn: () => call('records.list', { requestId: props.requestId }),
  });
  const marked = (records.data ?? []).filter((r) => r.kind === props.kind && r.marks.length > 0);
  const build = useMutation({
    mutationFn: async () => {
      const withHeaders: MarkedRecord[] = [];
      for (const r of marked) {
        // A table's marks name its columns; a document's rectangles name their pages.
        const header = tableFormats.includes(r.format)
          ? (await call('records.table', { id: r.id, offset: 0, limit: 1 })).header
          : [];
        withHeaders.push({ fileName: r.fileName, header, marks: r.marks });
      }
      const reasons = [...new Set(marked.flatMap((r) => r.marks.map((m) => m.reason)))];
      const grounds: GroundCode[] = [...new Set<GroundCode>([...d.grounds, ...markGrounds(withHeaders)])];
      props.set({
        outcome: 'partial',
        withheld: withheldSection(withHeaders),
        grounds,
        reason: d.reason === '' ? reasons.join('\n') : d.reason,
      });
    },
  });
  if (marked.length === 0) return null;
  const count = marked.reduce((n, r) => n + r.marks.length, 0);
  return (
    <div>
      <div className={styles.row}>
        <Body1>
          添付した記録に不開示の指定が{count}件あります（{marked.length}ファイル）。
        </Body1>
        <Button size="small" onClick={() => build.mutate()} disabled={build.isPending}>
          不開示の指定から「開示しない部分」を作成
        </Button>
      </div>
      {d.outcome === 'full' && (
        <MessageBar intent="warning">
          <MessageBarBody>
            記録に不開示の指定がありますが、決定は「全部開示」です。一部開示とするか、指定を解除してください。
          </MessageBarBody>
        </MessageBar>
      )}
      <ErrorBar message={build.isError ? errorMessage(build.error) : null} />
    </div>
  );
}
