import type { TestProject } from 'vitest/node';
import { prepareTemplate, startPostgres, TEMPLATE_DATABASE } from './postgres';

// vitest globalSetup (vitest.config.mts): one PostgreSQL cluster for the whole `vitest run`, with
// a template database migrated to the latest schema; each test file copies its own database from
// it (freshPgDatabase in postgres-database.ts). The cluster is stopped and removed at the end,
// whether the tests passed or not.
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startPostgres();
  try {
    await prepareTemplate(cluster.server);
  } catch (err) {
    await cluster.stop();
    throw err;
  }
  project.provide('postgres', { ...cluster.server, template: TEMPLATE_DATABASE });
  return cluster.stop;
}
