// createCore: validates every payload against the contract, runs its handler, and always
// resolves to `{ ok: true, value }` or `{ ok: false, error: { code, message } }`, so errors
// survive IPC and no caller ever sees an exception, a stack trace or plaintext in a message.
import type { z } from 'zod';
import { CryptoError, initCrypto } from '../crypto';
import { HearthError } from '../vault';
import {
  channels,
  describeInvalidInput,
  invalidFields,
  isChannel,
  type Channel,
  type CoreError,
  type Result,
} from './contract';
import { handlers } from './handlers';
import { CoreState, type CoreOptions } from './state';

export type { CoreOptions } from './state';

export interface Core {
  invoke(channel: string, payload: unknown): Promise<Result<unknown>>;
  /** Locks and closes the vault, releasing its file for another process. */
  close(): void;
}

function toCoreError(error: unknown): CoreError {
  if (error instanceof HearthError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.details.retryAfterMs !== undefined
        ? { retryAfterMs: error.details.retryAfterMs }
        : {}),
      ...(error.details.line !== undefined ? { line: error.details.line } : {}),
      ...(error.details.reason !== undefined ? { reason: error.details.reason } : {}),
      ...(error.details.fields !== undefined ? { fields: error.details.fields } : {}),
    };
  }
  if (error instanceof CryptoError) {
    return { code: 'TAMPERED', message: 'Data failed an integrity check and was not used.' };
  }
  // Unknown errors may carry anything in their message; none of it is passed on.
  return { code: 'INTERNAL', message: 'An unexpected error occurred. Nothing was changed.' };
}

/**
 * True when some string in the payload is not well-formed Unicode (a lone surrogate). Such text
 * cannot be written to a UTF-8 transcript or signed reproducibly, so it is refused up front.
 * Iterative and capped, so a hostile, deeply nested payload cannot exhaust the stack.
 */
function hasMalformedText(payload: unknown): boolean {
  const pending: unknown[] = [payload];
  for (let visited = 0; pending.length > 0 && visited < 200_000; visited++) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if (!value.isWellFormed()) return true;
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        if (!key.isWellFormed()) return true;
        pending.push(item);
      }
    }
  }
  return false;
}

export function createCore(options: CoreOptions): Core {
  const state = new CoreState(options);
  let closed = false;

  function run<C extends Channel>(channel: C, payload: unknown): unknown {
    const spec = channels[channel];
    if (hasMalformedText(payload)) {
      throw new HearthError(
        'INVALID_INPUT',
        'Invalid input. Some text is not valid Unicode (it has a broken character).',
      );
    }
    const parsed = (spec.request as z.ZodType).safeParse(payload);
    if (!parsed.success) {
      throw new HearthError('INVALID_INPUT', describeInvalidInput(parsed.error), {
        fields: invalidFields(parsed.error),
      });
    }
    // The handler map is typed per channel; indexing it with a generic C needs one widening.
    const handler = handlers[channel] as (payload: unknown, state: CoreState) => unknown;
    return handler(parsed.data, state);
  }

  return {
    async invoke(channel, payload) {
      try {
        if (closed) throw new HearthError('VAULT_LOCKED', 'This core has been closed.');
        if (typeof channel !== 'string' || !isChannel(channel)) {
          throw new HearthError('UNKNOWN_CHANNEL', 'There is no such channel.');
        }
        await initCrypto();
        return { ok: true, value: await run(channel, payload) };
      } catch (error) {
        return { ok: false, error: toCoreError(error) };
      }
    },
    close() {
      closed = true;
      state.close();
    },
  };
}
