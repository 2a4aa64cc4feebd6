import { randomBytes } from '../crypto';

/** A random 128-bit identifier, hex, with a short readable prefix naming what it identifies. */
export function newId(prefix: string): string {
  return `${prefix}_${Buffer.from(randomBytes(16)).toString('hex')}`;
}

/** Identifiers accepted from callers: the prefix form above (also checked by the contract). */
export const ID_PATTERN = /^[a-z]{1,12}_[0-9a-f]{32}$/;
