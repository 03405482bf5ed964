import { z } from 'zod';
import { lockReasons } from '../domain/audit';
import type { ChannelName, EventName } from './channels';
import type { ChannelDef } from './common';
import { sessionChannels } from './session';
import { auditChannels } from './audit';
import { settingsChannels } from './settings';
import { requestsChannels } from './requests';
import { dashboardChannels } from './dashboard';
import { samePersonChannels } from './same-person';
import { backupChannels } from './backup';
import { lettersChannels } from './letters';
import { reportsChannels } from './reports';
import { formsChannels } from './forms';
import { packagesChannels, recordsChannels } from './disclosure';
export * from './common';
export * from './session';
export * from './audit';
export * from './settings';
export * from './records';
export * from './requests';
export * from './dashboard';
export * from './same-person';
export * from './backup';
export * from './letters';
export * from './reports';
export * from './forms';
export * from './disclosure';

// Every IPC channel: its zod input and output schema and who may call it, one file per domain.
// Adding a name to channels.ts without an entry (or the reverse) fails the compiler, as does a
// missing handler in main.
export const contract = {
  ...sessionChannels,
  ...auditChannels,
  ...settingsChannels,
  ...requestsChannels,
  ...dashboardChannels,
  ...samePersonChannels,
  ...backupChannels,
  ...lettersChannels,
  ...reportsChannels,
  ...formsChannels,
  ...recordsChannels,
  ...packagesChannels,
} as const satisfies { [K in ChannelName]: ChannelDef };

// Main → renderer events and their payloads.
export const MenuCommand = z.enum(['about', 'print', 'lock', 'shortcuts', 'newIntake']);
export const events = {
  'app.menu': z.object({ command: MenuCommand }),
  'session.locked': z.object({ reason: z.enum(lockReasons) }),
  // A long export's progress: rows gathered so far out of all of them.
  'export.progress': z.object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }),
} as const satisfies { [K in EventName]: z.ZodType };

export type Contract = typeof contract;
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends ChannelName> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Contract[C]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
