import type { AppInfo } from '../../../core/contract';
import type { DatabaseService } from './database';

export type RuntimeInfo = {
  appName: string;
  version: string;
  runtime: AppInfo['runtime'];
  platform: string;
  dataDir: string;
};

export function appInfo(runtime: RuntimeInfo, database: DatabaseService): AppInfo {
  return {
    ...runtime,
    database: { state: database.state(), schemaVersion: database.schemaVersion() },
  };
}
