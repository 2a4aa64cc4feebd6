import type { SessionPlan } from '../../src/protocols';

// A cued invitation from the plan's template ("Tell me more about {{keyword}}.").
export function interpolateKeyword(template: string, keyword: string): string {
  return template.replace(/\{\{\s*keyword\s*\}\}/g, keyword);
}

/** Whether `keyword` is among the words an interviewer question said first (case-insensitive). */
export function saidFirstByInterviewer(
  keyword: string,
  interviewerFirst: readonly string[],
): boolean {
  const k = keyword.toLocaleLowerCase();
  return interviewerFirst.some((w) => w.toLocaleLowerCase() === k);
}

/**
 * What a keyword chip (or Ctrl+1..9) puts in the note box: the cued invitation on the child's
 * word, or the bare invitation when an interviewer question said the word first
 * (GuidanceView.interviewerFirst): the echoed word stays the interviewer's and is never repeated
 * back as "You said" (Lamb et al. 2007; practitioner review 26, finding 1).
 */
export function invitationFor(
  plan: SessionPlan,
  keyword: string,
  interviewerFirst: readonly string[],
): string {
  return saidFirstByInterviewer(keyword, interviewerFirst)
    ? plan.texts.pairedInvitationNoKeyword
    : interpolateKeyword(plan.texts.pairedInvitation, keyword);
}
