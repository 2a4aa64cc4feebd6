// Canonical JSON: object keys sorted by UTF-16 code unit order (as JSON.stringify's default
// sort would compare them), no whitespace, strings NFC-normalised, UTF-8 bytes. Two writers
// that hold the same data produce the same bytes, so a hash of the bytes is a hash of the data.
// Only JSON values are accepted: undefined, functions, NaN and Infinity throw rather than
// silently vanishing or turning into null.

export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue | undefined };

export class CanonicalJsonError extends Error {
  override name = 'CanonicalJsonError';
}

function write(value: unknown, out: string[]): void {
  if (value === null) {
    out.push('null');
    return;
  }
  switch (typeof value) {
    case 'boolean':
      out.push(value ? 'true' : 'false');
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError('Non-finite number');
      out.push(JSON.stringify(value));
      return;
    case 'string':
      out.push(JSON.stringify(value.normalize('NFC')));
      return;
    case 'object': {
      if (Array.isArray(value)) {
        out.push('[');
        value.forEach((item, i) => {
          if (i > 0) out.push(',');
          if (item === undefined) throw new CanonicalJsonError('undefined in an array');
          write(item, out);
        });
        out.push(']');
        return;
      }
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      out.push('{');
      entries.forEach(([k, v], i) => {
        if (i > 0) out.push(',');
        out.push(JSON.stringify(k.normalize('NFC')), ':');
        write(v, out);
      });
      out.push('}');
      return;
    }
    default:
      throw new CanonicalJsonError(`Cannot encode a ${typeof value}`);
  }
}

/** Canonical JSON text. Object properties whose value is undefined are omitted (as optional fields). */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  write(value, out);
  return out.join('');
}

export function canonicalJsonBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalJson(value));
}

/** True when `text` is exactly the canonical encoding of what it parses to. */
export function isCanonicalJson(text: string): boolean {
  try {
    return canonicalJson(JSON.parse(text)) === text;
  } catch {
    return false;
  }
}
