// Which training records Hearth believes, by who signed the audit entry that wrote them (red team
// 19). Every holder of the practice key (a trainee practising, any trainer) can write any
// practice record with her own client: a review under a trainer's name (R19-1), a scenario under
// a trainer's name or a new version of a trainer's scenario (R19-3). The record's own `reviewer`
// or `author` field is the writer's claim; the certified signer of the entry that wrote the
// current version (trustedWriterOf, as for training settings R17-3 and note drafts R18-1) is the
// proof. A record is believed only when the two agree and the signer's role writes it.
import { jcs, trustedWriterOf, type Vault } from '../vault';

/** What a trainee and a trainer see instead of a review no trainer signed (R19-1). */
export const REVIEW_WITHHELD_MESSAGE =
  'A review that no trainer signed was left out; ask an admin to run vault check.';

/** What trainers and admins see when scenarios were left out of the list (R19-3). */
export const SCENARIOS_WITHHELD_MESSAGE =
  'A training scenario that its author did not sign was left out; ask an admin to run vault check. Its author can save it again.';

const WRITES_TRAINING: readonly string[] = ['trainer', 'admin'];

/**
 * Why record `recordId`'s current version is not trusted as written by `claimed` (the record's
 * own reviewer or author field), or undefined when it is: the audit entry that wrote it verifies,
 * carries a certified signature (an unsigned one is never trusted: R18-2), its signer is a
 * certified trainer or admin, equals `claimed`, and is not `notBy` (the trainee of a reviewed
 * practice interview). The reason names users and roles, never content. Cost: trustedWriterOf
 * (three primary-key reads, one signature check).
 */
export function trainingWriterProblem(
  vault: Vault,
  recordId: string,
  claimed: unknown,
  notBy?: string,
): string | undefined {
  const found = trustedWriterOf(vault, recordId);
  if ('problem' in found)
    return found.problem === 'unproven'
      ? 'no signed audit entry proves this version: it was written or edited outside Hearth'
      : 'its audit entry carries no certified signature, so Hearth cannot tell that a trainer or an admin wrote it';
  if (!WRITES_TRAINING.includes(found.role ?? ''))
    return `it was written by ${found.signer} (${found.role ?? 'no certified role'}): only a trainer or an admin writes it`;
  if (found.signer !== claimed)
    return `it names ${typeof claimed === 'string' ? claimed : 'no one'} as its writer but was signed by ${found.signer}`;
  if (notBy !== undefined && found.signer === notBy)
    return `it was written by ${found.signer}, the trainee of the practice interview it reviews`;
  return undefined;
}

/** Whether two scenario copies are the same (canonical JSON: key order does not count). */
export function sameScenario(a: unknown, b: unknown): boolean {
  try {
    return jcs(JSON.parse(JSON.stringify(a))) === jcs(JSON.parse(JSON.stringify(b)));
  } catch {
    return false;
  }
}
