import { preparedQuery } from '../prepared-query';
import type { Q } from '../store';

// Settings are JSON values under fixed keys; services parse them with their zod schema.
const settingOf = preparedQuery((q, key: string) => q.selectFrom('settings').select('value').where('key', '=', key));

export async function getSetting(q: Q, key: string): Promise<unknown> {
  const row = (await settingOf(q, key)).rows[0];
  return row ? (JSON.parse(row.value) as unknown) : undefined;
}

export async function putSetting(q: Q, key: string, value: unknown): Promise<void> {
  const text = JSON.stringify(value);
  await q
    .insertInto('settings')
    .values({ key, value: text })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: text }))
    .execute();
}

export async function deleteSetting(q: Q, key: string): Promise<void> {
  await q.deleteFrom('settings').where('key', '=', key).execute();
}
