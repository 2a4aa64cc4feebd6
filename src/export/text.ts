// transcript.txt: the plain-text rendition, a pure function of transcript.json (the verifier
// regenerates it and compares). UTF-8, NFC, LF line ends (a CR in a note shows as [U+000D]), so `diff` and `sha256sum` agree
// across systems.
import { visibleText } from '../vault';
import type { TranscriptDocument } from './document';
import { interpretationSummary, observerSummary } from './team';
import {
  ageText,
  clock,
  codingWords,
  describeEvent,
  notIncluded,
  observerList,
  recordingOffset,
  utcTime,
} from './format';

export function renderText(doc: TranscriptDocument): string {
  const s = doc.session;
  const c = doc.case;
  const out: string[] = [];
  const push = (...lines: string[]) => out.push(...lines);
  push(
    'HEARTH SEALED INTERVIEW TRANSCRIPT',
    '',
    `Case reference:     ${notIncluded(c.reference)}`,
    `Child (alias):      ${notIncluded(c.childAlias)}`,
    `Child age:          ${ageText(c.childAgeYears, c.childAgeMonths)}`,
    `Interview language: ${s.language}${c.interpreterNeeded ? ' (interpreter present)' : ''}`,
    `Protocol:           ${s.protocolName} (${s.protocolId}), age band ${s.ageBand}`,
    `Interviewer:        ${s.interviewer.displayName} (${s.interviewer.username})`,
    `Observers:          ${observerList(s.observers)}`,
    `Room:               ${s.room ?? 'not recorded'}`,
    `Session started:    ${utcTime(s.startedAt)}`,
    `Recording started:  ${s.recordingStartedAt ? utcTime(s.recordingStartedAt) : 'no recording marked'}`,
    `Sealed:             ${utcTime(s.sealedAt)} by ${s.sealedBy}`,
    `Seal head:          ${doc.seal.head} (${doc.seal.eventCount} events)`,
    `Session id:         ${doc.sessionId}`,
    `Exported:           ${utcTime(doc.export.exportedAt)} by ${doc.export.exportedByName} (${doc.export.exportedBy}) to ${doc.export.to}`,
    `Export number:      ${doc.export.exportNumber} of this session, with ${doc.export.addendaCount} addend${doc.export.addendaCount === 1 ? 'um' : 'a'}`,
  );
  if (c.allegationSummary !== undefined) push('', 'Allegation summary:', c.allegationSummary);
  if (doc.omittedEventSeqs.length > 0)
    push(
      '',
      `Withheld at export by the choice of ${doc.withheld.byChoiceOf}: ${Object.entries(
        doc.withheld.byKind,
      )
        .map(([kind, n]) => `${n} ${kind} note${n === 1 ? '' : 's'}`)
        .join(
          ', ',
        )} (shown in transcript.json as digests only; the seal still covers them). The sealed session is unchanged.`,
    );
  for (const line of [interpretationSummary(doc), observerSummary(doc.observerQueue)])
    if (line !== undefined) push('', line);
  push('', 'Times: UTC wall clock; "elapsed" from session start; "rec" from recording start.');

  push('', 'PHASES', '');
  for (const p of doc.phases) push(`  ${clock(p.elapsedMs)}  ${utcTime(p.enteredAt)}  ${p.title}`);

  push('', 'TIMELINE', '');
  const titles = new Map(doc.phases.map((p) => [p.phaseId, p.title]));
  for (const e of doc.events) {
    const { label, body } = describeEvent(e, titles);
    push(
      `#${e.seq}  ${utcTime(e.at)}  elapsed ${clock(e.elapsedMs)}  rec ${recordingOffset(e.recordingOffsetMs)}  ${label}`,
    );
    if (body !== '') for (const line of body.split('\n')) push(`    ${line}`);
  }

  push(
    '',
    `END OF THE SEALED RECORD: ${doc.seal.eventCount} events, sealed ${utcTime(s.sealedAt)} by ${s.sealedBy}.`,
  );
  push('', 'ADDENDA (written AFTER the interview was sealed; not part of the sealed record)', '');
  if (doc.addenda.length === 0) push('  none');
  for (const [i, a] of doc.addenda.entries()) {
    push(`Addendum ${i + 1} (event #${a.seq})  ${utcTime(a.at)}  by ${a.author}`);
    for (const line of a.text.split('\n')) push(`    ${line}`);
  }

  if (doc.importedTranscript) {
    const t = doc.importedTranscript;
    push(
      '',
      `IMPORTED TRANSCRIPT, as received; not part of the sealed notes (${t.format}, ${t.turns.length} turns, imported ${utcTime(t.importedAt)} by ${t.importedBy}, source sha256 ${t.sourceSha256})`,
      '',
    );
    for (const turn of t.turns) {
      const at = turn.startMs !== undefined ? `${clock(turn.startMs)}  ` : '';
      const coding = turn.coding ? ` [${codingWords(turn.coding.type, turn.coding.subtype)}]` : '';
      push(`${at}${turn.speaker}${coding}: ${turn.text.replace(/\n/g, ' ')}`);
    }
  }
  push('', 'END OF TRANSCRIPT');
  // Control, ANSI-escape and bidi-override characters are shown as [U+XXXX]: printed in a
  // terminal or opened in an editor, the file shows what its bytes hold, nothing else.
  return visibleText(out.join('\n').normalize('NFC'), true) + '\n';
}
