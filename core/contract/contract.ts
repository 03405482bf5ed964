import { z } from 'zod';
import type { ChannelName, EventName } from './channels';

export const DatabaseState = z.enum(['absent', 'locked', 'open']);

export const AppInfo = z.object({
  appName: z.string(),
  version: z.string(),
  runtime: z.enum(['electron', 'harness']),
  platform: z.string(),
  dataDir: z.string(),
  database: z.object({
    state: DatabaseState,
    schemaVersion: z.number().int().nonnegative().nullable(),
  }),
});
export type AppInfo = z.infer<typeof AppInfo>;

const NoInput = z.object({}).strict();

type ChannelDef = { input: z.ZodType; output: z.ZodType };

// Every IPC channel: its zod input and output schema. Adding a name to channels.ts without an
// entry here (or the reverse) fails the compiler, as does a missing handler in main.
export const contract = {
  'app.info': { input: NoInput, output: AppInfo },
} as const satisfies { [K in ChannelName]: ChannelDef };

// Main → renderer events and their payloads.
export const MenuCommand = z.enum(['about', 'print']);
export const events = {
  'app.menu': z.object({ command: MenuCommand }),
} as const satisfies { [K in EventName]: z.ZodType };

export type Contract = typeof contract;
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends ChannelName> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Contract[C]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
