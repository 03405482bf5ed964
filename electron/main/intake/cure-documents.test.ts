import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../../core/contract';
import { appointedInput, call, failure, makeServices, setupVault, tempDataDir } from '../testing/support';

// An agent (任意代理人) whose 印鑑登録証明書 was five months old when the request arrived.
const agentRequest = (sealIssuedOn: string, extra: ChannelInput<'intake.create'>['identity']['documents'] = []) =>
  appointedInput(sealIssuedOn, { arrivalDate: '2026-11-02', extra });

describe('documents a 補正 brought', () => {
  it('a fresh 印鑑登録証明書 issued after the 到達日 is judged at its own arrival, and 調査 can start', async () => {
    let now = new Date('2026-11-02T01:00:00Z');
    const s = makeServices(tempDataDir(), { clock: () => now });
    await setupVault(s);
    const r = await call(s, 'intake.create', agentRequest('2026-06-01'));
    expect(r.identity.result.defects.map((d) => d.code)).toEqual(['tooOld']);
    await call(s, 'requests.transition', { id: r.id, action: 'startCheck', comment: '' });
    await call(s, 'requests.requestCure', {
      id: r.id,
      cure: { defects: ['発行日から3か月以内の印鑑登録証明書'], dueDate: '2026-11-16' },
    });
    now = new Date('2026-11-10T01:00:00Z');
    await call(s, 'requests.recordCure', { id: r.id, arrivedOn: '2026-11-09' });

    // The new certificate was issued 11-05, after the 到達日, and arrived with the 補正 on 11-09.
    const fresh = agentRequest('2026-06-01').identity.documents.map((d) =>
      d.id === 'seal' ? { ...d, id: 'seal2', issuedOn: '2026-11-05', receivedOn: '2026-11-09' } : d,
    );
    const input = agentRequest('2026-06-01');
    const fixed = await call(s, 'intake.update', {
      id: r.id,
      input: { ...input, identity: { ...input.identity, documents: fresh } },
    });
    expect(fixed.identity.result).toEqual({ status: 'verified', defects: [], todos: [] });
    const investigating = await call(s, 'requests.transition', { id: r.id, action: 'startInvestigation', comment: '' });
    expect(investigating.status).toBe('investigating');
    // The document keeps the date it arrived.
    expect(investigating.identity.documents.find((d) => d.id === 'seal2')?.receivedOn).toBe('2026-11-09');
  });

  it('refuses an arrival date before the request’s or in the future, changing nothing', async () => {
    const s = makeServices(tempDataDir(), { clock: () => new Date('2026-11-10T01:00:00Z') });
    await setupVault(s);
    const r = await call(s, 'intake.create', agentRequest('2026-10-01'));
    for (const receivedOn of ['2026-11-01', '2026-11-11']) {
      const input = agentRequest('2026-10-01', [
        {
          id: 'x',
          type: 'residentRecord',
          holder: 'principal',
          original: true,
          expiresOn: null,
          issuedOn: '2026-10-20',
          receivedOn,
        },
      ]);
      const bad = await failure(call(s, 'intake.update', { id: r.id, input }));
      expect(bad.code).toBe('BAD_INPUT');
      expect(bad.issues?.[0]?.message).toMatch(/書類の到着日/);
      expect(bad.issues?.[0]?.path.slice(-4)).toEqual(['identity', 'documents', 3, 'receivedOn']);
    }
    const after = await call(s, 'requests.get', { id: r.id });
    expect(after.identity.documents).toHaveLength(3);
  });
});
