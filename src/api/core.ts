export interface CoreOptions {
  vaultDir: string;
}
export interface Core {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  close(): void;
}
export function createCore(_options: CoreOptions): Core {
  return {
    invoke: () => Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'not built yet' } }),
    close: () => undefined,
  };
}
