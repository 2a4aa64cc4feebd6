// The renderer's only way to the core: `window.hearth.invoke(channel, payload)`, which always
// resolves to a Result. Whether Electron, the e2e harness or a test fake sits behind it is
// invisible here. Types come from the shared contract; nothing else from src/api is imported.
import type {
  Channel,
  ChannelRequest,
  ChannelResponse,
  CoreError,
  CoreEvent,
  Result,
} from '../../src/api/contract';

export type { Channel, ChannelRequest, ChannelResponse, CoreError, CoreEvent, Result };

export interface HearthBridge {
  invoke(channel: string, payload: unknown): Promise<Result<unknown>>;
  /** Some shells return an unsubscribe function; others return nothing. */
  onEvent?(listener: (event: CoreEvent) => void): (() => void) | void;
}

declare global {
  interface Window {
    hearth?: HearthBridge;
  }
}

/** Used when a call itself threw or returned something malformed: never shown as-is. */
const BRIDGE_FAILURE: CoreError = { code: 'INTERNAL', message: 'bridge' };

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const v = value as { ok: unknown; error?: unknown };
  if (v.ok === true) return true;
  return (
    v.ok === false &&
    typeof v.error === 'object' &&
    v.error !== null &&
    typeof (v.error as { code?: unknown }).code === 'string'
  );
}

export class Client {
  constructor(private readonly bridge: HearthBridge) {}

  /** A typed call on a channel of the contract. */
  async call<C extends Channel>(
    channel: C,
    payload: ChannelRequest<C>,
  ): Promise<Result<ChannelResponse<C>>> {
    return (await this.callAny(channel, payload)) as Result<ChannelResponse<C>>;
  }

  /**
   * A call on a channel that may not exist in this build (export, training): the caller reads
   * UNKNOWN_CHANNEL and degrades calmly instead of failing.
   */
  async callAny(channel: string, payload: unknown): Promise<Result<unknown>> {
    try {
      const result = await this.bridge.invoke(channel, payload);
      return isResult(result) ? result : { ok: false, error: BRIDGE_FAILURE };
    } catch {
      return { ok: false, error: BRIDGE_FAILURE };
    }
  }

  onEvent(listener: (event: CoreEvent) => void): () => void {
    const off = this.bridge.onEvent?.(listener);
    return typeof off === 'function' ? off : () => undefined;
  }
}

/** The bridge the shell installed, or undefined when the page runs without one. */
export function windowBridge(): HearthBridge | undefined {
  return typeof window !== 'undefined' ? window.hearth : undefined;
}
