// Which training records Hearth believes, by who signed the audit entry that wrote them (red team
// 19). Every holder of the practice key (a trainee practising, any trainer) can write any
// practice record with her own client: a review under a trainer's name (R19-1), a scenario under
// a trainer's name or a new version of a trainer's scenario (R19-3). The record's own `reviewer`
// or `author` field is the writer's claim; the certified signer of the entry that wrote the
// current version (trustedWriterOf, as for training settings R17-3 and note drafts R18-1) is the
// proof. A record is believed only when the two agree and the signer's role writes it.
import { classKey, jcs, trustedWriterOf, type Vault } from '../vault';
import { legacyReviewKey, reviewKey, type TrainerReview } from './review';

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
  if ('problem' in found) return unprovenReason(found.problem);
  if (!WRITES_TRAINING.includes(found.role ?? ''))
    return `it was written by ${found.signer} (${found.role ?? 'no certified role'}): only a trainer or an admin writes it`;
  if (found.signer !== claimed)
    return `it names ${typeof claimed === 'string' ? claimed : 'no one'} as its writer but was signed by ${found.signer}`;
  if (notBy !== undefined && found.signer === notBy)
    return `it was written by ${found.signer}, the trainee of the practice interview it reviews`;
  return undefined;
}

function unprovenReason(problem: 'unproven' | 'unsigned'): string {
  return problem === 'unproven'
    ? 'no signed audit entry proves this version: it was written or edited outside Hearth'
    : 'its audit entry carries no certified signature, so Hearth cannot tell that a trainer or an admin wrote it';
}

/**
 * Why a stored trainer review is not believed, or undefined (R19-1). A review a trainer saved:
 * trainingWriterProblem with its `reviewer`. A review an admin moved under its own key at sign-in
 * (sec44, `movedBy`): the entry that wrote it must be signed by that admin (a certified admin),
 * who is not the trainee, and its reviewer must not be the trainee; the admin moved only a review
 * its reviewer had signed (TrainingService.moveReviewsUnderOwnKeys).
 */
export function reviewWriterProblem(
  vault: Vault,
  recordId: string,
  review: TrainerReview,
  trainee: string,
): string | undefined {
  if (review.movedBy === undefined)
    return trainingWriterProblem(vault, recordId, review.reviewer, trainee);
  const found = trustedWriterOf(vault, recordId);
  if ('problem' in found) return unprovenReason(found.problem);
  if (found.role !== 'admin')
    return `it says an admin moved it, but it was written by ${found.signer} (${found.role ?? 'no certified role'})`;
  if (found.signer !== review.movedBy)
    return `it names ${typeof review.movedBy === 'string' ? review.movedBy : 'no one'} as the admin who moved it but was signed by ${found.signer}`;
  if (found.signer === trainee || review.reviewer === trainee)
    return `it names ${trainee}, the trainee of the practice interview it reviews, as its reviewer or mover`;
  return undefined;
}

/**
 * Why the key a review is sealed under is not the one Hearth seals reviews with (sec44), or
 * undefined. Hearth seals the review of session S under a version of `review:S` wrapped only for
 * the training class key and the trainee's user key (and, after a rotation, for its own newer
 * version); before the vault has a training key (an admin has not signed in since the upgrade)
 * also under the session's key. Read from the clear key-wrap table: no key is needed, and the
 * reason names key names and users, never content. `keyRef`: the record's stored key id.
 */
export function reviewKeyProblem(
  vault: Vault,
  keyRef: string,
  sessionId: string,
  trainee: string,
): string | undefined {
  const logical = keyRef.slice(0, Math.max(0, keyRef.lastIndexOf('@')));
  const training = classKey('training');
  if (logical === legacyReviewKey(sessionId))
    return vault.keys.currentId(training) === undefined && !vault.keys.classEverMade(training)
      ? undefined
      : "it is sealed under the practice session's key, which every interviewer holds: Hearth moves a review its trainer signed under the review's own key at an admin's sign-in, so this one was written outside Hearth or could not be moved";
  if (logical !== reviewKey(sessionId))
    return `it is sealed under the key ${logical}, not the review's own key`;
  const allowed = new Set([training, `user:${trainee}`, reviewKey(sessionId)]);
  const holders = vault.keys.holdersOf(keyRef);
  const holderLogical = (h: string): string => h.slice(0, Math.max(0, h.lastIndexOf('@')));
  const extra = holders.map(holderLogical).filter((h) => !allowed.has(h));
  if (extra.length > 0)
    return `its key is also wrapped for ${[...new Set(extra)].join(', ')}, which may not read it`;
  if (!holders.some((h) => holderLogical(h) !== `user:${trainee}`))
    return 'its key is not wrapped for the trainers (the training key)';
  return undefined;
}

/**
 * Why the key a trainer scenario record is sealed under is not the practice class key Hearth
 * seals scenarios with (and their kept versions), or undefined. `keyRef`: the stored key id.
 */
export function scenarioKeyProblem(keyRef: string): string | undefined {
  const logical = keyRef.slice(0, Math.max(0, keyRef.lastIndexOf('@')));
  return logical === classKey('practice')
    ? undefined
    : `it is sealed under the key ${logical}, not the practice key Hearth seals scenarios with`;
}

/** Whether two scenario copies are the same (canonical JSON: key order does not count). */
export function sameScenario(a: unknown, b: unknown): boolean {
  try {
    return jcs(JSON.parse(JSON.stringify(a))) === jcs(JSON.parse(JSON.stringify(b)));
  } catch {
    return false;
  }
}
