import type { z } from 'zod';
import {
  contract,
  type Access,
  defaultMessages,
  ErrorCode,
  type AppErrorData,
  type ChannelName,
  type Issue,
  type Result,
} from '../../../core/contract';
import { rolesAllow } from '../../../core/domain/roles';
import { AppError, storageError } from '../errors';
import type { Logger } from '../log';
import type { CallContext, HandlerMap } from './handlers-type';

export type DispatchOptions = {
  handlers: HandlerMap;
  logger: Logger;
  // Parse handler output against the contract (development and tests): a drifting handler is
  // caught before the renderer sees malformed data.
  validateOutput: boolean;
  context: () => CallContext;
  // Called for every call from a trusted sender (activity for the idle lock).
  onCall?: () => void;
};

export type Dispatch = (channel: string, payload: unknown, trustedSender: boolean) => Promise<Result<unknown>>;

// Access is checked before the payload is even parsed: a locked app answers LOCKED to anything
// but the public channels, and a temporary password must be changed before anything else.
function accessRefusal(access: Access, duringPasswordChange: boolean, ctx: CallContext): ErrorCode | null {
  if (access === 'public') return null;
  if (!ctx.session) return ErrorCode.LOCKED;
  if (ctx.session.mustChangePassword && !duringPasswordChange) return ErrorCode.PASSWORD_CHANGE_REQUIRED;
  if (access === 'session') return null;
  return rolesAllow(ctx.session.roles, access) ? null : ErrorCode.FORBIDDEN;
}

const MAX_DEPTH = 32;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

// Payloads are JSON-like data: plain objects and arrays (not too deep), strings, finite numbers,
// booleans, null and undefined (an unset optional field).
// Dates, maps, typed arrays (which Electron's structured clone would carry)
// and keys that name prototypes are refused before any schema sees them.
export function isPlainData(value: unknown, depth = 0): boolean {
  if (value === null || value === undefined || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object' || depth >= MAX_DEPTH) return false;
  if (Array.isArray(value)) return value.every((v) => isPlainData(v, depth + 1));
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) return false;
    if (!isPlainData((value as Record<string, unknown>)[key], depth + 1)) return false;
  }
  return true;
}

function isChannel(name: string): name is ChannelName {
  return Object.hasOwn(contract, name);
}

function fail(code: ErrorCode, message?: string, issues?: Issue[]): { ok: false; error: AppErrorData } {
  const error: AppErrorData = { code, message: message ?? defaultMessages[code] };
  if (issues && issues.length > 0) error.issues = issues;
  return { ok: false, error };
}

export function zodIssues(error: z.ZodError): Issue[] {
  return error.issues.map((i) => ({
    path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    message: i.message,
  }));
}

// The one place every IPC call passes through, in Electron and in the test harness alike:
// sender check, input parsing, handler, errors as data.
export function createDispatcher(opts: DispatchOptions): Dispatch {
  const { handlers, logger } = opts;
  return async (channel, payload, trustedSender) => {
    if (!trustedSender) {
      logger.warn('ipc.refused_sender', { channel: isChannel(channel) ? channel : 'unknown' });
      return fail(ErrorCode.FORBIDDEN);
    }
    opts.onCall?.();
    if (!isChannel(channel)) {
      logger.warn('ipc.unknown_channel');
      return fail(ErrorCode.UNKNOWN_CHANNEL);
    }
    const def: { access: Access; duringPasswordChange?: true } & (typeof contract)[typeof channel] = contract[channel];
    const ctx = opts.context();
    const refusal = accessRefusal(def.access, def.duringPasswordChange === true, ctx);
    if (refusal) {
      logger.info('ipc.access_refused', { channel, code: refusal });
      return fail(refusal);
    }
    if (!isPlainData(payload)) {
      logger.info('ipc.bad_input', { channel });
      return fail(ErrorCode.BAD_INPUT);
    }
    const parsed = def.input.safeParse(payload);
    if (!parsed.success) {
      logger.info('ipc.bad_input', { channel });
      return fail(ErrorCode.BAD_INPUT, undefined, zodIssues(parsed.error));
    }
    try {
      // The map is indexed by the same key as the contract, so the types line up at run time.
      const handler = handlers[channel] as (input: unknown, ctx: CallContext) => unknown;
      const output = await handler(parsed.data, ctx);
      if (!opts.validateOutput) return { ok: true, data: output };
      const checked = def.output.safeParse(output);
      if (!checked.success) {
        logger.error('ipc.bad_output', { channel });
        return fail(ErrorCode.INTERNAL);
      }
      return { ok: true, data: checked.data };
    } catch (err) {
      if (err instanceof AppError) {
        logger.info('ipc.app_error', { channel, code: err.code });
        return fail(err.code, err.message, err.issues);
      }
      const storage = storageError(err);
      if (storage) {
        logger.warn('ipc.storage_error', {
          channel,
          error: err instanceof Error && 'code' in err ? String(err.code) : 'unknown',
        });
        return fail(storage.code, storage.message);
      }
      logger.error('ipc.handler_failed', { channel, error: err instanceof Error ? err.name : 'unknown' });
      return fail(ErrorCode.INTERNAL);
    }
  };
}
