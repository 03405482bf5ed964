import { zodResolver } from '@hookform/resolvers/zod';
import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Organisation, type OrganisationInput } from '../../../../core/domain/organisation';
import { ErrorBar } from '../../components/ErrorBar';
import { call } from '../../lib/api';
import { applyServerErrors } from '../../lib/forms';
import { useRevealRefusal } from '../../lib/reveal';
import { OrganisationFields, organisationFieldNames } from '../setup/OrganisationFields';
import { JointUseFields } from './JointUseFields';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '880px' },
});

export function OrganisationPanel(props: { value: Organisation; editable: boolean }) {
  const styles = useStyles();
  const client = useQueryClient();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const form = useForm<OrganisationInput, unknown, Organisation>({
    resolver: zodResolver(Organisation),
    defaultValues: props.value,
  });
  const { ref, reveal } = useRevealRefusal();
  const save = useMutation({
    mutationFn: (v: Organisation) => call('settings.updateOrganisation', v),
    onSuccess: (v) => {
      form.reset(v);
      setMessage({ ok: true, text: '組織情報を保存しました。' });
      void client.invalidateQueries({ queryKey: ['settings.get'] });
    },
    onError: (err) => {
      const text = applyServerErrors(err, form.setError, organisationFieldNames);
      setMessage(text ? { ok: false, text } : null);
      reveal();
    },
  });
  return (
    <form
      ref={ref}
      className={styles.stack}
      onSubmit={(e) => void form.handleSubmit((v) => save.mutate(v))(e)}
      noValidate
    >
      {message?.ok && (
        <MessageBar intent="success">
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      <ErrorBar message={message && !message.ok ? message.text : null} />
      <fieldset disabled={!props.editable} style={{ border: 'none', padding: 0, margin: 0 }}>
        <OrganisationFields control={form.control} />
        <JointUseFields control={form.control} setValue={form.setValue} />
      </fieldset>
      {props.editable && (
        <div>
          <Button type="submit" appearance="primary" disabled={save.isPending || !form.formState.isDirty}>
            保存する
          </Button>
        </div>
      )}
    </form>
  );
}
