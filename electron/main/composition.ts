import type { EventName, EventPayload } from '../../core/contract';
import { listAudit } from './db/repositories/audit';
import type { CallContext, HandlerMap } from './ipc/handlers-type';
import { ownerOnly } from './file-modes';
import type { Logger } from './log';
import type { KdfCost } from './vault/kdf';
import { noDialogs, type FileDialogs } from './files/dialogs';
import { FontCoverage } from './pdf/glyphs';
import { AccountsService } from './accounts/service';
import { IntakeService } from './intake/service';
import { RequestsService } from './requests/service';
import { LettersService } from './letters/service';
import { ReportsService } from './reports/service';
import { BackupService } from './backup/service';
import { RetentionService } from './retention/service';
import { DraftsService } from './drafts/service';
import { LetterFonts } from './pdf/letter';
import { appInfo, type RuntimeInfo } from './app/info';
import { watchIdle } from './session/idle';
import { SettingsService } from './settings/service';
import { Vault } from './vault/vault';

export type ServiceOptions = {
  runtime: RuntimeInfo;
  logger: Logger;
  nativeBinding?: string | undefined;
  clock?: () => Date;
  emit?: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  kdfCost?: () => Promise<KdfCost>;
  isNetworkLocation?: (path: string) => Promise<boolean>;
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
  recordScreenPrint: () => void;
  close: () => Promise<void>;
};

// The composition of every use case, shared by Electron's main process and the test harness.
// Nothing here may import 'electron'.
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
  });
  const accounts = new AccountsService(vault, clock);
  const settings = new SettingsService(vault);
  const requests = new RequestsService(vault, clock);
  const fonts = LetterFonts.inResources(opts.resourcesDir);
  const emit = opts.emit ?? (() => undefined);
  const reports = new ReportsService(vault, clock, opts.dialogs ?? noDialogs, requests, fonts, (event, payload) => {
    emit(event, payload);
  });
  const intake = new IntakeService(vault, clock, opts.dialogs ?? noDialogs, requests);
  const backup = new BackupService(vault, clock, opts.dialogs ?? noDialogs, opts.runtime.version, opts.runtime.dataDir);
  const retention = new RetentionService(vault, clock);
  const drafts = new DraftsService(vault, clock);
  const coverage = FontCoverage.inResources(opts.resourcesDir);
  const letters = new LettersService(vault, clock, opts.dialogs ?? noDialogs, requests, fonts, coverage);
  let lastActivity = Date.now();
  const idle = watchIdle({
    idleSeconds: opts.idleSeconds ?? (() => (Date.now() - lastActivity) / 1000),
    limitSeconds: () => (vault.state() === 'unlocked' ? settings.security().idleLockMinutes * 60 : null),
    onIdle: () => {
      void vault.lock('idle');
    },
    intervalMs: opts.idleCheckMs,
  });

  const handlers: HandlerMap = {
    'app.info': () => appInfo(opts.runtime, vault),
    'vault.setup': (input) => vault.setup(input),
    'session.current': () => ({
      vault: vault.state(),
      session: vault.session(),
      idleLockMinutes: vault.state() === 'unlocked' ? settings.security().idleLockMinutes : null,
    }),
    'session.login': (input) => vault.login(input.loginName, input.password),
    'session.recover': (input) => vault.recover(input.recoveryKey, input.loginName, input.newPassword),
    'session.lock': async (input) => {
      await vault.lock(input.reason);
      return {};
    },
    'session.changePassword': (input) => vault.changePassword(input.currentPassword, input.newPassword),
    'accounts.list': () => accounts.list(),
    'accounts.create': (input) => accounts.create(input),
    'accounts.update': (input) => accounts.update(input),
    'accounts.resetPassword': (input) => accounts.resetPassword(input),
    'settings.get': () => ({
      organisation: settings.organisation(),
      security: settings.security(),
      fees: intake.fees(),
      intake: intake.settings(),
      processing: requests.processingSettings(),
      reasons: requests.reasons(),
      letters: letters.settings(),
      certificate: letters.certificate(),
      seal: letters.hasSeal(),
    }),
    'settings.updateLetters': (input) => letters.updateSettings(input),
    'backup.status': () => backup.status(),
    'backup.updateSettings': (input) => backup.updateSettings(input),
    'backup.create': (input) => backup.create(input.password),
    'backup.choose': () => backup.choose(),
    'backup.inspect': (input) => backup.inspect(input.password),
    'backup.restore': (input) => backup.restore(input.password),
    'backup.rotateKey': () => backup.rotateKey(),
    'retention.get': () => retention.preview(),
    'retention.updateSettings': (input) => retention.updateSettings(input),
    'retention.purge': (input) => retention.purge(input),
    'drafts.get': (input) => drafts.get(input.kind),
    'drafts.save': (input) => drafts.save(input.kind, input.data),
    'drafts.clear': (input) => drafts.clear(input.kind),
    // Our IPC channel for the signing certificate (PKCS#12), not Electron's app.importCertificate.
    'letters.importCertificate': (input) => letters.importCertificate(input.passphrase), // eng-disable CERTIFICATE_VERIFY_PROC_JS_CHECK -- justified above
    'letters.removeCertificate': () => letters.removeCertificate(),
    'letters.importSeal': () => letters.importSeal(),
    'letters.removeSeal': () => letters.removeSeal(),
    'letters.list': (input) => letters.list(input.requestId),
    'reports.get': (input) => reports.report(input),
    'reports.export': (input) => reports.export(input.selection, input.format),
    'reports.ledger': (input) => reports.exportLedger(input.from, input.to, input.masked, input.format),
    'reports.saveComment': (input) => reports.saveComment(input.selection, input.comment),
    'letters.pending': () => letters.pending(),
    'letters.templatePreview': (input) => letters.templatePreview(input.kind, input.template),
    'letters.preview': (input) => letters.preview(input.requestId, input.kind),
    'letters.finalize': (input) => letters.finalize(input.requestId, input.kind, input.reissueReason),
    'letters.content': (input) => letters.content(input.id),
    'letters.printed': (input) => letters.printed(input.id),
    'letters.save': (input) => letters.save(input.id),
    'settings.updateProcessing': (input) => requests.updateProcessingSettings(input),
    'settings.updateReasons': (input) => requests.updateReasons(input.reasons),
    'settings.updateIntake': (input) => intake.updateSettings(input),
    'settings.updateFees': (input) => intake.updateFees(input),
    'intake.create': (input) => intake.create(input),
    'intake.duplicates': (input) => intake.duplicates(input),
    'requests.get': (input) => requests.get(input.id),
    'requests.update': (input) => intake.update(input.id, input.input),
    'requests.requestCure': (input) => requests.requestCure(input.id, input.cure),
    'requests.recordCure': (input) => requests.recordCure(input.id, input.arrivedOn),
    'requests.saveDecision': (input) => requests.saveDecision(input.id, input.kind, input.decision),
    'requests.extend': (input) => requests.extend(input.id, input.date, input.reason),
    'requests.addDispatch': (input) => requests.addDispatch(input.id, input.dispatch),
    'requests.recordDisposal': (input) => requests.recordDisposal(input.id, input.method, input.date),
    'requests.list': (input) => requests.list(input),
    'requests.dashboard': () => requests.dashboard(),
    'intake.confirmOriginals': (input) => intake.confirmOriginals(input.id, input.arrivalDate),
    'requests.transition': (input) => requests.transition(input.id, input.action, input.comment),
    'requests.search': (input) => intake.search(input.query, input.limit),
    'enclosures.add': (input) => intake.addEnclosure(input.requestId, input.type),
    'enclosures.remove': (input) => intake.removeEnclosure(input.id, input.reason),
    'enclosures.content': (input) => intake.enclosureContent(input.id),
    'glyphs.check': async (input) => {
      const checked = await Promise.all(
        Object.entries(input.texts).map(async ([k, v]) => [k, await coverage.missing(v)] as const),
      );
      return Object.fromEntries(checked);
    },
    'settings.updateOrganisation': (input) => settings.updateOrganisation(input),
    'settings.updateSecurity': (input) => settings.updateSecurity(input),
    'audit.list': (input) => listAudit(vault.connection(), input),
    'audit.verify': (input) => {
      const result = vault.verifyAuditLog(input.anchor ?? null);
      vault.write(
        'audit.verify',
        null,
        `ok=${String(result.ok)} checked=${result.checked} anchors=${result.anchors.checked} failed=${result.anchors.failed.length}`,
        () => undefined,
      );
      return result;
    },
    'audit.anchor': () => vault.auditAnchor(),
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
    recordScreenPrint: () => {
      if (vault.state() === 'unlocked') vault.write('screen.print', null, 'menu', () => undefined);
    },
    close: async () => {
      idle.stop();
      vault.close();
      await opts.logger.close();
    },
  };
}
