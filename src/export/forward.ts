// Reading a bundle file written by a newer Hearth. The verifier's schemas are strict (an unknown
// field in a bundle this Hearth wrote is a format error: nothing may hide in a signed file), so an
// older Hearth used to reject a newer rendition's transcript.json at its schema check. A bundle
// that says it is newer (its signed manifest names a newer rendition, or a file names a newer
// version) is instead read for the fields this Hearth knows; the unknown ones are named in the
// verdict ("made by a newer Hearth"), never silently dropped, and the renditions are not
// re-rendered. Signatures, certificates, hashes, custody and the sealed chain are checked as ever.
import type { z } from 'zod';
import { CURRENT_CHAIN_VERSION } from '../interview/chain';

/** The newest versions this Hearth reads (bundle format, transcript.json format, sealed chain). */
export const BUNDLE_FORMAT_VERSION = 1;
export const TRANSCRIPT_FORMAT_VERSION = 5;
export const CHAIN_VERSION = CURRENT_CHAIN_VERSION;

/** A zod 4 schema's definition, as far as this walk needs it. */
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  valueType?: z.ZodType;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `value` without the object fields `schema` does not know, deeply (objects, arrays, optionals,
 * records; for a union, the first option the stripped value parses with). Each removed field is
 * appended to `unknown` as a JSON path ("session.room", "events[].tone"; array indexes folded).
 * Values are not otherwise changed: a field of the wrong type still fails the strict parse.
 */
export function knownFieldsOnly(
  schema: z.ZodType,
  value: unknown,
  unknown: string[],
  path = '',
): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
      return value === undefined || value === null
        ? value
        : knownFieldsOnly(def.innerType as z.ZodType, value, unknown, path);
    case 'object': {
      if (!isPlainObject(value)) return value;
      const shape = def.shape ?? {};
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(value)) {
        const known = shape[key];
        const at = path === '' ? key : `${path}.${key}`;
        if (known === undefined) {
          if (!unknown.includes(at)) unknown.push(at);
          continue;
        }
        out[key] = knownFieldsOnly(known, field, unknown, at);
      }
      return out;
    }
    case 'array':
      return Array.isArray(value)
        ? value.map((item) => knownFieldsOnly(def.element as z.ZodType, item, unknown, `${path}[]`))
        : value;
    case 'record':
      return isPlainObject(value)
        ? Object.fromEntries(
            Object.entries(value).map(([k, v]) => [
              k,
              knownFieldsOnly(def.valueType as z.ZodType, v, unknown, `${path}.${k}`),
            ]),
          )
        : value;
    case 'union': {
      for (const option of def.options ?? []) {
        const found: string[] = [];
        const stripped = knownFieldsOnly(option, value, found, path);
        if (option.safeParse(stripped).success) {
          for (const f of found) if (!unknown.includes(f)) unknown.push(f);
          return stripped;
        }
      }
      return value;
    }
    default:
      return value;
  }
}

/**
 * The version number in a format string such as "hearth.transcript.v2" (undefined when it has
 * none), to tell a newer file ("hearth.transcript.v3") from a malformed one.
 */
export function formatVersion(format: unknown, family: string): number | undefined {
  if (typeof format !== 'string' || !format.startsWith(`${family}.v`)) return undefined;
  const n = Number(format.slice(family.length + 2));
  return Number.isInteger(n) && n > 0 ? n : undefined;
}
