// The one canonical JSON of Hearth: RFC 8785, the JSON Canonicalization Scheme (JCS), through
// the `canonicalize` package (by the RFC's co-author). Every hash chain, signed statement and
// signed JSON file uses it, so that anyone with a JCS library can recompute what Hearth signed.
// JCS sorts object keys by UTF-16 code units, writes numbers as ECMAScript does and escapes
// strings as JSON.stringify does; it does not normalise Unicode: Hearth stores text in NFC
// before it is ever hashed.
import canonicalize from 'canonicalize';

export class CanonicalJsonError extends Error {
  override name = 'CanonicalJsonError';
}

/**
 * The RFC 8785 text of a JSON value. Object members whose value is undefined are left out (as
 * optional fields); NaN, Infinity, lone surrogates and non-JSON values (functions, bigint,
 * undefined at top level) throw CanonicalJsonError instead of vanishing or turning into null.
 */
export function jcs(value: unknown): string {
  assertJson(value);
  let out: string | undefined;
  try {
    out = canonicalize(value);
  } catch (error) {
    throw new CanonicalJsonError(error instanceof Error ? error.message : 'not JSON');
  }
  if (out === undefined) throw new CanonicalJsonError('not a JSON value');
  return out;
}

/** UTF-8 bytes of jcs(value). */
export function jcsBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(jcs(value));
}

function assertJson(value: unknown): void {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError('Non-finite number');
      return;
    case 'object':
      if (value === null) return;
      if (Array.isArray(value)) {
        for (const item of value) {
          if (item === undefined) throw new CanonicalJsonError('undefined in an array');
          assertJson(item);
        }
        return;
      }
      for (const v of Object.values(value as Record<string, unknown>))
        if (v !== undefined) assertJson(v);
      return;
    default:
      throw new CanonicalJsonError(`Cannot encode a ${typeof value}`);
  }
}
