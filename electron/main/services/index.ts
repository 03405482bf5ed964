import { databasePath } from '../paths';
import type { HandlerMap } from '../ipc/handlers-type';
import type { Logger } from '../log';
import { appInfo, type RuntimeInfo } from './app-info';
import { DatabaseService } from './database';

export type ServiceOptions = {
  runtime: RuntimeInfo;
  logger: Logger;
  nativeBinding?: string | undefined;
};

export type Services = {
  handlers: HandlerMap;
  database: DatabaseService;
  close: () => Promise<void>;
};

// The composition of every use case, shared by Electron's main process and the test harness.
// Nothing here may import 'electron'.
export function createServices(opts: ServiceOptions): Services {
  const database = new DatabaseService(databasePath(opts.runtime.dataDir), opts.nativeBinding);
  const handlers: HandlerMap = {
    'app.info': () => appInfo(opts.runtime, database),
  };
  return {
    handlers,
    database,
    close: async () => {
      database.close();
      await opts.logger.close();
    },
  };
}
