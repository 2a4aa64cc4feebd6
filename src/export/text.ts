// transcript.txt: the plain-text rendition, a pure function of transcript.json (the verifier
// regenerates it and compares). UTF-8, NFC, LF line ends, so `diff` and `sha256sum` agree
// across systems.
import type { TranscriptDocument } from './document';
import { interpretationSummary, observerSummary } from './team';
import { ageText, clock, describeEvent, notIncluded, recordingOffset, utcTime } from './format';

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
    `Observers:          ${
      s.observers.length === 0
        ? 'none recorded'
        : s.observers.map((o) => (o.name ? `${o.name} (${o.role})` : o.role)).join('; ')
    }`,
    `Room:               ${s.room ?? 'not recorded'}`,
    `Session started:    ${utcTime(s.startedAt)}`,
    `Recording started:  ${s.recordingStartedAt ? utcTime(s.recordingStartedAt) : 'no recording marked'}`,
    `Sealed:             ${utcTime(s.sealedAt)} by ${s.sealedBy}`,
    `Seal head:          ${doc.seal.head} (${doc.seal.eventCount} events)`,
    `Session id:         ${doc.sessionId}`,
    `Exported:           ${utcTime(doc.export.exportedAt)} by ${doc.export.exportedByName} (${doc.export.exportedBy}) to ${doc.export.to}`,
  );
  if (c.allegationSummary !== undefined) push('', 'Allegation summary:', c.allegationSummary);
  if (doc.omittedEventSeqs.length > 0)
    push(
      '',
      `Left out of this export by choice: ${doc.omittedEventSeqs.length} event(s): notes of kinds not included${doc.observerQueue && !doc.observerQueue.textIncluded ? ' and the observer queue' : ''} (${doc.choices.noteKinds.length === 0 ? 'no kinds' : `included kinds: ${doc.choices.noteKinds.join(', ')}`}). The sealed session is unchanged.`,
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
      const coding = turn.coding ? ` [${turn.coding.type}/${turn.coding.subtype}]` : '';
      push(`${at}${turn.speaker}${coding}: ${turn.text.replace(/\n/g, ' ')}`);
    }
  }
  push('', 'END OF TRANSCRIPT');
  return out.join('\n').replace(/\r\n?/g, '\n').normalize('NFC') + '\n';
}
