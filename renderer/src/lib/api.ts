import { useQuery } from '@tanstack/react-query';
import {
  defaultMessages,
  ErrorCode,
  type AppErrorData,
  type ChannelInput,
  type ChannelName,
  type ChannelOutput,
  type EventName,
  type EventPayload,
  type Result,
} from '../../../core/contract';

// An error that came back through the Result envelope; its message is already Japanese.
export class ApiError extends Error {
  readonly code: AppErrorData['code'];
  readonly issues: AppErrorData['issues'];
  constructor(data: AppErrorData) {
    super(data.message);
    this.name = 'ApiError';
    this.code = data.code;
    this.issues = data.issues;
  }
}

// The only way renderer code calls main: typed input, typed data, or a thrown ApiError.
export async function call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const bridge = window.madoguchi as typeof window.madoguchi | undefined;
  if (!bridge) throw new ApiError({ code: ErrorCode.INTERNAL, message: defaultMessages.INTERNAL });
  // Indexing the API by a generic channel yields a union of functions; this names the one meant.
  const fn = bridge[channel] as (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;
  let result: Result<ChannelOutput<C>>;
  try {
    result = await fn(input);
  } catch {
    throw new ApiError({ code: ErrorCode.INTERNAL, message: defaultMessages.INTERNAL });
  }
  if (!result.ok) throw new ApiError(result.error);
  return result.data;
}

export function onEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return window.madoguchi.on(event, listener);
}

export function errorMessage(err: unknown): string {
  return err instanceof ApiError ? err.message : defaultMessages.INTERNAL;
}

// The error with what main said about each field, for forms whose fields do not show it
// themselves (a settings page): 「入力内容に誤りがあります。…」 followed by each reason once.
export function errorWithIssues(err: unknown): string {
  const reasons = err instanceof ApiError ? [...new Set((err.issues ?? []).map((i) => i.message))] : [];
  return [errorMessage(err), ...reasons].join('\n');
}

export const queryKeys = {
  appInfo: ['app.info'] as const,
};

export function useAppInfo() {
  return useQuery({ queryKey: queryKeys.appInfo, queryFn: () => call('app.info', {}) });
}
