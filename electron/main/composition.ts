import type { EventName, EventPayload } from '../../core/contract';
import { accountsHandlers } from './accounts/handlers';
import { AccountsService } from './accounts/service';
import { appHandlers } from './app/handlers';
import type { RuntimeInfo } from './app/info';
import { auditHandlers } from './audit/handlers';
import { AuditService } from './audit/service';
import { backupHandlers } from './backup/handlers';
import { BackupService } from './backup/service';
import { draftsHandlers } from './drafts/handlers';
import { formsHandlers } from './forms/handlers';
import { packagesHandlers, recordsHandlers } from './disclosure/handlers';
import { DisclosurePackagesService } from './disclosure/packages';
import { DisclosureRecordsService } from './disclosure/service';
import { FormsService } from './forms/service';
import { DraftsService } from './drafts/service';
import { enclosuresHandlers } from './enclosures/handlers';
import { EnclosuresService } from './enclosures/service';
import { ownerOnly } from './file-modes';
import { noDialogs, type FileDialogs } from './files/dialogs';
import { glyphsHandlers } from './glyphs/handlers';
import { intakeHandlers } from './intake/handlers';
import { IntakeService } from './intake/service';
import type { CallContext, HandlerMap } from './ipc/handlers-type';
import { lettersHandlers } from './letters/handlers';
import { LettersService } from './letters/service';
import { SigningMaterial } from './letters/signing';
import type { Logger } from './log';
import type { PostgresConnection } from './db/store-engines';
import { FontCoverage } from './pdf/glyphs';
import { LetterFonts } from './pdf/fonts';
import { reportsHandlers } from './reports/handlers';
import { refreshReportFacts } from './reports/facts';
import { ReportsService } from './reports/service';
import { RequestCommands } from './requests/commands';
import { requestsHandlers } from './requests/handlers';
import { RequestQueries } from './requests/queries';
import { SamePersonLookup } from './requests/same-person';
import { retentionHandlers } from './retention/handlers';
import { RetentionService } from './retention/service';
import { sessionHandlers } from './session/handlers';
import { watchIdle } from './session/idle';
import { settingsHandlers } from './settings/handlers';
import { SettingsService } from './settings/service';
import { vaultHandlers } from './vault/handlers';
import type { KdfCost } from './vault/kdf';
import { Vault, type AnchorWitness } from './vault/vault';

// Stale report facts recomputed at the end of each write (see migration 0017).
const WRITE_FACTS_LIMIT = 100;

export type ServiceOptions = {
  runtime: RuntimeInfo;
  logger: Logger;
  nativeBinding?: string | undefined;
  clock?: () => Date;
  emit?: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  kdfCost?: () => Promise<KdfCost>;
  isNetworkLocation?: (path: string) => Promise<boolean>;
  // The newest audit anchor kept outside the data folder (safeStorage in the app).
  anchorWitness?: AnchorWitness;
  // The vault's storage on a PostgreSQL server (team mode's seam; tests run the services on both).
  postgres?: () => Promise<PostgresConnection>;
  // Seconds since the user last did anything; undefined counts from the last IPC call.
  idleSeconds?: () => number;
  idleCheckMs?: number;
  dialogs?: FileDialogs;
  // The app's resources/ folder (fonts for letters and the glyph check).
  resourcesDir: string;
};

export type Services = {
  handlers: HandlerMap;
  vault: Vault;
  context: () => CallContext;
  // Every dispatched call counts as activity for the idle lock.
  touch: () => void;
  // The menu's 印刷 prints the screen; like every print it is audited (when someone is logged in).
  recordScreenPrint: () => Promise<void>;
  close: () => Promise<void>;
};

// The one composition root: builds every service and merges each channel prefix's handlers
// (the folder named after the prefix serves it). Shared by Electron's main process and the test
// harness; nothing here may import 'electron'.
export function createServices(opts: ServiceOptions): Services {
  ownerOnly(opts.runtime.dataDir);
  const clock = opts.clock ?? (() => new Date());
  const vault = new Vault({
    dataDir: opts.runtime.dataDir,
    nativeBinding: opts.nativeBinding,
    logger: opts.logger,
    clock,
    emit: opts.emit ?? (() => undefined),
    kdfCost: opts.kdfCost,
    isNetworkLocation: opts.isNetworkLocation,
    anchorWitness: opts.anchorWitness,
    postgres: opts.postgres,
  });
  const accounts = new AccountsService(vault, clock);
  const requests = new RequestQueries(vault, clock);
  const commands = new RequestCommands(vault, clock, requests);
  const settings = new SettingsService(vault, async (db) => {
    await requests.refreshOpenDeadlines(db);
  });
  const audit = new AuditService(vault, opts.dialogs ?? noDialogs);
  const fonts = LetterFonts.inResources(opts.resourcesDir);
  const emit = opts.emit ?? (() => undefined);
  const reports = new ReportsService(vault, clock, opts.dialogs ?? noDialogs, requests, fonts, (event, payload) => {
    emit(event, payload);
  });
  // Each write recomputes the report facts it made stale, inside its transaction. Bounded, so
  // that the first write after migration 0017 does not compute a whole vault's; a report
  // computes whatever is still stale before it reads.
  vault.onWrite(async (db) => await refreshReportFacts(db, WRITE_FACTS_LIMIT));
  const samePerson = new SamePersonLookup(vault, clock);
  const coverage = FontCoverage.inResources(opts.resourcesDir);
  const intake = new IntakeService(vault, clock, opts.dialogs ?? noDialogs, requests, coverage);
  const enclosures = new EnclosuresService(vault, clock, opts.dialogs ?? noDialogs, requests);
  const backup = new BackupService(vault, clock, opts.dialogs ?? noDialogs, opts.runtime.version, opts.runtime.dataDir);
  const retention = new RetentionService(vault, clock);
  const drafts = new DraftsService(vault, clock);
  const forms = new FormsService(vault, clock, fonts);
  const records = new DisclosureRecordsService(vault, clock, opts.dialogs ?? noDialogs, requests);
  const packages = new DisclosurePackagesService(vault, clock, opts.dialogs ?? noDialogs, requests, fonts, (p) => {
    emit('export.progress', p);
  });
  const signing = new SigningMaterial(vault, clock, opts.dialogs ?? noDialogs);
  const letters = new LettersService(vault, clock, opts.dialogs ?? noDialogs, requests, fonts, coverage, signing);
  let lastActivity = Date.now();
  const idle = watchIdle({
    idleSeconds: opts.idleSeconds ?? (() => (Date.now() - lastActivity) / 1000),
    limitSeconds: async () => (vault.state() === 'unlocked' ? (await settings.security()).idleLockMinutes * 60 : null),
    onIdle: () => {
      void vault.lock('idle');
    },
    intervalMs: opts.idleCheckMs,
  });

  const handlers: HandlerMap = {
    ...appHandlers(opts.runtime, vault),
    ...vaultHandlers(vault),
    ...sessionHandlers(vault, settings),
    ...accountsHandlers(accounts),
    ...settingsHandlers(settings, signing),
    ...auditHandlers(audit),
    ...backupHandlers(backup),
    ...retentionHandlers(retention),
    ...draftsHandlers(drafts),
    ...intakeHandlers(intake, samePerson),
    ...enclosuresHandlers(enclosures),
    ...requestsHandlers(requests, commands, samePerson),
    ...lettersHandlers(letters, signing),
    ...reportsHandlers(reports),
    ...glyphsHandlers(coverage),
    ...formsHandlers(forms),
    ...recordsHandlers(records),
    ...packagesHandlers(packages),
  };

  return {
    handlers,
    vault,
    context: () => {
      const s = vault.session();
      return {
        session: s ? { accountId: s.accountId, roles: s.roles, mustChangePassword: s.mustChangePassword } : null,
      };
    },
    touch: () => {
      lastActivity = Date.now();
    },
    recordScreenPrint: async () => {
      if (vault.state() === 'unlocked') await vault.write('screen.print', null, 'menu', () => undefined);
    },
    close: async () => {
      idle.stop();
      await vault.close();
      await opts.logger.close();
    },
  };
}
