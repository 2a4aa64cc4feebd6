// The plan choices sealed in the session's first event (session-started.planOptions: Ten Step's
// putative-confession decision and Hearth's break-reminder interval), printed in the header of
// the renditions from rendition version 6. Practitioner review 9, P9-2: the team's decision was
// sealed in transcript.json but shown in neither the txt nor the PDF, so for the court's reader
// it was not recorded (issue #17: "enabled per session with a recorded MDT/prosecutor
// decision"). Read only from the sealed event, never from the renderer's MDT note or today's
// protocol data: a session started through the API or the CLI prints the same lines.
import type { SessionEvent } from '../interview';
import type { TranscriptDocument } from './document';
import { chainedEvents } from './format';
import type { Words } from './words';

type SealedPlanOptions = Extract<SessionEvent, { type: 'session-started' }>['planOptions'];

/** The plan options the session-started event sealed, or undefined (older sessions, withheld). */
function sealedPlanOptions(doc: TranscriptDocument): SealedPlanOptions {
  const first = chainedEvents(doc).get(1);
  return first?.type === 'session-started' ? first.planOptions : undefined;
}

/**
 * The header rows ("label", "value") for the sealed plan choices, from rendition version 6
 * (none before, so older bundles re-render byte for byte):
 * - "Putative-confession option": only when the session sealed the team's decision, with who
 *   decided, as typed on the plan screen (the option is off unless decided);
 * - "Break reminder": the sealed interval, "off", or the age band's default when the session
 *   sealed no choice. Always labelled as Hearth's heuristic, not a protocol rule.
 */
export function planOptionFields(w: Words, doc: TranscriptDocument): Array<[string, string]> {
  if (w.version < 6) return [];
  const options = sealedPlanOptions(doc);
  const rows: Array<[string, string]> = [];
  const pc = options?.putativeConfession;
  if (pc) rows.push([w.t('pcOption'), w.t('pcOptionValue', { decidedBy: pc.decidedBy })]);
  const minutes = options?.breakReminderMinutes;
  rows.push([
    w.t('breakReminder'),
    minutes === undefined
      ? w.t('breakReminderDefault', { band: doc.session.ageBand })
      : minutes === null
        ? w.t('breakReminderOff')
        : w.t('breakReminderEvery', { minutes }),
  ]);
  return rows;
}
