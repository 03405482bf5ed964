import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { schemaTypes } from '../testing/schema-types';
import { tempDataDir } from '../testing/support';
import { openEncrypted } from './connection';
import { migrate } from './migrate';
import { migrations } from './migrations';

// The Kysely types in schema.ts are the migrated schema's: a migration that adds, drops or
// changes a column changes this output, and the committed file must follow (-u, reviewed).
it('schema.ts describes the tables the migrations make', async () => {
  const db = openEncrypted(join(tempDataDir(), 't.db'), randomBytes(32), { create: true });
  migrate(db, migrations, () => undefined);
  const text = schemaTypes(db);
  db.close();
  await expect(text).toMatchFileSnapshot('./schema.ts');
});
