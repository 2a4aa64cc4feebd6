// Trainer review of a practice interview: per-question comments and an overall note that a
// trainer returns to the trainee, shown beside the automatic feedback. Expert feedback is what
// sustains interview quality (Lamb, Sternberg, Orbach, Esplin & Mitchell 2002, Appl Dev Sci
// 6:35-41; APSAC 2023 lists ongoing peer review). Stored encrypted under the review's own key
// (`review:<session>`, sec44), which only trainers and admins (the `training` class key) and the
// trainee whose interview it is (her public user key) can open: under the session's key, which
// every interviewer reaches through the practice key, a colleague decrypted it offline.
import { HearthError, type RecordAddress } from '../vault';

export const REVIEW_KIND = 'practice-review';
export const REVIEW_LIMITS = {
  maxComments: 200,
  maxCommentChars: 2_000,
  maxOverallChars: 4_000,
} as const;

export interface ReviewComment {
  /** 1-based number of the interviewer's question the comment is about. */
  questionNumber: number;
  text: string;
}

export interface ReviewInput {
  sessionId: string;
  comments: ReviewComment[];
  overall?: string;
}

export interface TrainerReview {
  sessionId: string;
  reviewer: string;
  reviewerName: string;
  comments: ReviewComment[];
  overall: string;
  /** 1 for the first save; each save writes a newer version. */
  version: number;
  savedAt: string;
  /**
   * The admin who moved this review, unchanged, from the session's key under its own key at
   * sign-in (sec44). The entry that wrote this version is then that admin's; the admin moved
   * only a review whose earlier version its named reviewer had signed (trust.ts).
   */
  movedBy?: string;
}

/** The logical key of a practice interview's review (sec44): see the module comment. */
export const reviewKey = (sessionId: string): string => `review:${sessionId}`;

/** The key a review was sealed under before sec44, and until the vault has a training key. */
export const legacyReviewKey = (sessionId: string): string => `session:${sessionId}`;

/** The address of version `version` of the review of `sessionId`, sealed under `keyRef`. */
export const reviewAddress = (
  sessionId: string,
  version: number,
  keyRef: string = reviewKey(sessionId),
): RecordAddress => ({
  recordId: `${REVIEW_KIND}:${sessionId}`,
  containerId: sessionId,
  kind: REVIEW_KIND,
  seq: version,
  keyRef,
});

function invalid(message: string): HearthError {
  return new HearthError('INVALID_INPUT', `Invalid input. ${message}`);
}

/** Checks a review against the interview it is about (messages name fields, never echo text). */
export function validateReview(input: ReviewInput, questions: number): void {
  if (input.comments.length > REVIEW_LIMITS.maxComments)
    throw invalid(`comments: at most ${REVIEW_LIMITS.maxComments}.`);
  const seen = new Set<number>();
  input.comments.forEach((c, i) => {
    if (!Number.isInteger(c.questionNumber) || c.questionNumber < 1 || c.questionNumber > questions)
      throw invalid(
        `comments.${i}.questionNumber: this interview has questions 1 to ${questions}.`,
      );
    if (seen.has(c.questionNumber))
      throw invalid(`comments.${i}.questionNumber: one comment per question (merge the two).`);
    seen.add(c.questionNumber);
    if (c.text.trim().length === 0)
      throw invalid(`comments.${i}.text: empty (remove the comment instead).`);
    if (c.text.length > REVIEW_LIMITS.maxCommentChars)
      throw invalid(`comments.${i}.text: at most ${REVIEW_LIMITS.maxCommentChars} characters.`);
  });
  if ((input.overall ?? '').length > REVIEW_LIMITS.maxOverallChars)
    throw invalid(`overall: at most ${REVIEW_LIMITS.maxOverallChars} characters.`);
  if (input.comments.length === 0 && (input.overall ?? '').trim().length === 0)
    throw invalid('comments: write at least one comment or an overall note.');
}
