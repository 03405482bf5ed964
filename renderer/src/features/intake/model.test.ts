import { describe, expect, it } from 'vitest';
import { draftForm, emptyIntake } from './model';

describe('draftForm', () => {
  it('takes back a draft with the form’s shape, an agent or disclosure method included', () => {
    const draft = {
      ...emptyIntake(),
      requesterType: 'agent',
      agent: { ...emptyIntake().principal, name: '代理 花子' },
      principal: { ...emptyIntake().principal, name: '山田 太郎' },
    };
    const json = JSON.parse(JSON.stringify(draft)) as unknown;
    expect(draftForm(json)).toEqual(draft);
  });

  it('refuses what is not the form: another shape, a missing field, not an object', () => {
    expect(draftForm(null)).toBeNull();
    expect(draftForm([])).toBeNull();
    expect(draftForm('x')).toBeNull();
    expect(draftForm({ ...emptyIntake(), items: 'x' })).toBeNull();
    const missing: Record<string, unknown> = { ...emptyIntake() };
    delete missing['payments'];
    expect(draftForm(missing)).toBeNull();
  });
});
