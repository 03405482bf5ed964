import type { ErrorCode, Issue } from '../../../core/contract';

// A failure a service reports to staff. The message is Japanese and must not contain personal
// data, because it may be logged by id alongside the code.
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: Issue[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}
