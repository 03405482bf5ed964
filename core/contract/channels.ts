// The bare list of channel and event names. The preload imports only this file (no zod), and
// the contract is checked against it in both directions by the compiler.
export const channelNames = [
  'app.info',
  'vault.setup',
  'session.current',
  'session.login',
  'session.recover',
  'session.lock',
  'session.changePassword',
  'accounts.list',
  'accounts.create',
  'accounts.update',
  'accounts.resetPassword',
  'settings.get',
  'settings.updateOrganisation',
  'settings.updateSecurity',
  'audit.list',
  'audit.verify',
  'settings.updateFees',
  'settings.updateIntake',
  'settings.updateProcessing',
  'settings.updateReasons',
  'settings.updateLetters',
  'letters.importCertificate',
  'letters.removeCertificate',
  'letters.importSeal',
  'letters.removeSeal',
  'letters.list',
  'letters.pending',
  'letters.templatePreview',
  'letters.preview',
  'letters.finalize',
  'letters.content',
  'letters.printed',
  'letters.save',
  'intake.create',
  'intake.duplicates',
  'requests.get',
  'intake.confirmOriginals',
  'requests.transition',
  'requests.update',
  'requests.requestCure',
  'requests.recordCure',
  'requests.saveDecision',
  'requests.extend',
  'requests.addDispatch',
  'requests.recordDisposal',
  'requests.list',
  'requests.dashboard',
  'requests.search',
  'enclosures.add',
  'enclosures.content',
  'glyphs.check',
] as const;
export type ChannelName = (typeof channelNames)[number];

export const eventNames = ['app.menu', 'session.locked'] as const;
export type EventName = (typeof eventNames)[number];

// Electron IPC channel names, shared by main and preload so the two cannot drift apart.
export const ipcInvokePrefix = 'madoguchi:invoke:';
export const ipcEventPrefix = 'madoguchi:event:';
