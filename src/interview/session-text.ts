// Text is stored in Unicode NFC, so that what is sealed, exported (transcript.txt is NFC) and
// signed is byte-for-byte the same text however the keyboard composed accents.
import { HearthError } from '../vault';
import type { OriginalWords, SessionEventBody } from './events';

/**
 * Limits checked on the stored (NFC) text, the same ones the export schema applies, so that
 * nothing a session accepted can later be refused at export. NFC can lengthen text (U+FB2C
 * becomes three code points), which is why the channel's own limit is not enough.
 */
export const STORED_TEXT_LIMITS = { text: 200_000, reason: 500, keyword: 500 } as const;

/** The event body with its text, reason, keywords and original words in NFC; INVALID_INPUT when too long. */
export function nfc<T extends SessionEventBody>(body: T): T {
  const out: Record<string, unknown> = { ...body };
  for (const field of ['text', 'reason'] as const) {
    const value = out[field];
    if (typeof value !== 'string') continue;
    const normalised = value.normalize('NFC');
    if (normalised.length > STORED_TEXT_LIMITS[field])
      throw new HearthError(
        'INVALID_INPUT',
        `The ${field} is too long once normalised (at most ${STORED_TEXT_LIMITS[field]} characters); shorten it. Nothing was saved.`,
      );
    out[field] = normalised;
  }
  if (Array.isArray(out.keywords))
    out.keywords = (out.keywords as string[]).map((k) => k.normalize('NFC'));
  const original = out.original as OriginalWords | undefined;
  if (original) out.original = { ...original, text: original.text.normalize('NFC') };
  return out as T;
}
