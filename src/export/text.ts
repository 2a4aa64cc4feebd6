// transcript.txt: the plain-text rendition, a pure function of transcript.json and the
// rendition parameters in the manifest (the verifier regenerates it and compares). UTF-8, NFC,
// LF line ends (a CR in a note shows as [U+000D]), so `diff` and `sha256sum` agree across
// systems. Wording from locales/<lang>/transcript.json; times local at the recorded UTC offset.
import { visibleText } from '../vault';
import type { TranscriptDocument } from './document';
import {
  headerObservers,
  interpretationSummary,
  observerContext,
  observerSummary,
  teamWording,
} from './team';
import {
  ageText,
  clock,
  codingWords,
  chainedEvents,
  describeEvent,
  rowPhaseTitles,
  recordCounts,
  shownPhases,
  toText,
  interpreterInHeader,
  languageLine,
  notIncluded,
  observerList,
  oneLine,
  recordingOffset,
  withheldEventsValue,
  withheldKinds,
} from './format';
import { afterSealLines } from './after-seal';
import { foreignHeaderFields, foreignMarkText, foreignMarksOf } from './foreign-writers';
import { planOptionFields } from './plan-options';
import { citedSources, phaseRef, promptLine, sourcesLines } from './cited-sources';
import { mediaAidLine, mediaPhaseTitles } from './media-line';
import type { Rendition } from './rendition';
import { wordsFor, type Words } from './words';

/** A "label:   value" line, the values aligned in one column whatever the language. */
/** Header rows, labels padded; each value one line (oneLine, from rendition 7). */
function fields(w: Words, rows: Array<[string, string]>): string[] {
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  return rows.map(([label, value]) => `${`${label}:`.padEnd(width)}${oneLine(w, value)}`);
}

/** The date line before the first entry of each local date ("--- 2026-03-04 ---"). */
function dateChanges(w: Words): (iso: string) => string[] {
  let last = '';
  return (iso) => {
    const date = w.date(iso);
    if (date === last) return [];
    last = date;
    return [`--- ${date} ---`];
  };
}

/**
 * Renders transcript.txt for `doc` with the wording and UTC offset of `rendition` (a version
 * this Hearth reproduces: see rendition.ts). Returns the whole file, LF line ends, final LF.
 */
export function renderText(doc: TranscriptDocument, rendition: Rendition): string {
  const w = wordsFor(rendition);
  const s = doc.session;
  const c = doc.case;
  const out: string[] = [];
  const push = (...lines: string[]) => out.push(...lines);
  const sealSeq = doc.seal.eventCount + 1;
  const foreign = foreignMarksOf(doc, rendition.version);
  push(
    w.t('title'),
    '',
    ...fields(w, [
      [w.t('caseReference'), notIncluded(w, c.reference)],
      [w.t('childAlias'), notIncluded(w, c.childAlias)],
      [w.t('childAge'), ageText(w, c.childAgeYears, c.childAgeMonths)],
      [w.t('language'), languageLine(w, s.language, interpreterInHeader(w, doc))],
      [w.t('protocol'), `${s.protocolName}, ${w.t('ageBand', { band: s.ageBand })}`],
      // The plan choices sealed at the start (rendition 6, P9-2): the team's decision, breaks.
      ...planOptionFields(w, doc),
      [w.t('interviewer'), `${s.interviewer.displayName} (${s.interviewer.username})`],
      [w.t('observers'), observerList(w, headerObservers(w, doc))],
      [w.t('room'), s.room ?? w.t('notRecorded')],
      [w.t('sessionStarted'), w.dateTime(s.startedAt)],
      [
        w.t('recordingStarted'),
        s.recordingStartedAt ? w.dateTime(s.recordingStartedAt) : w.t('noRecordingMarked'),
      ],
      [
        w.t('sealed'),
        `${w.t('sealedBy', { time: w.dateTime(s.sealedAt), who: s.sealedBy })} (#${sealSeq})`,
      ],
      [w.t('record'), recordCounts(w, doc.seal.eventCount, doc.addenda.length)],
      [w.t('sealHead'), doc.seal.head],
      [w.t('sessionId'), doc.sessionId],
      [
        w.t('exported'),
        w.t('exportedBy', {
          time: w.dateTime(doc.export.exportedAt),
          name: doc.export.exportedByName,
          user: doc.export.exportedBy,
          to: toText(w, doc.export.to),
        }),
      ],
      [w.t('exportNumber'), w.t('exportNumberValue', { n: doc.export.exportNumber })],
      ...(doc.export.reason !== undefined
        ? [[w.t('reason'), doc.export.reason] as [string, string]]
        : []),
      // Events others wrote into the interview, as the seal names them (transcript v3, R8-D)
      // and, for a seal without a list, as the chain records them (R9-4/R9-5).
      ...foreignHeaderFields(w, foreign),
      [
        w.t('withheld'),
        doc.omittedEventSeqs.length === 0
          ? w.t('withheldNothing')
          : w.version >= 9
            ? withheldEventsValue(w, doc)
            : w.t('withheldBy', {
                what: withheldKinds(w, doc.withheld.byKind),
                who: doc.withheld.byChoiceOf,
              }),
      ],
    ]),
  );
  if (c.allegationSummary !== undefined) push('', `${w.t('allegation')}:`, c.allegationSummary);
  const team = teamWording(w);
  for (const line of [interpretationSummary(doc, team), observerSummary(doc.observerQueue, team)])
    if (line !== undefined) push('', line);
  push('', w.t('timesNote', { offset: w.offset }));

  push('', w.t('phases'), '');
  const phases = shownPhases(w, doc);
  if (phases.length === 0) push(`  ${w.t('noPhases')}`);
  const phaseDate = dateChanges(w);
  // From version 6: the sources sealed with each phase and scripted prompt (cited-sources.ts).
  const refs = w.version >= 6 ? citedSources(doc, w.version) : undefined;
  for (const p of phases)
    push(
      ...phaseDate(p.enteredAt).map((l) => `  ${l}`),
      `  ${clock(p.elapsedMs)}  ${w.time(p.enteredAt)}  ${p.title}${refs ? phaseRef(refs, p) : ''}`,
    );
  if (refs) push('', w.t('sources'), '', ...sourcesLines(w, refs).map((l) => (l ? `  ${l}` : '')));

  push('', w.t('timeline'), '');
  const titles = rowPhaseTitles(w, doc);
  const eventDate = dateChanges(w);
  const chained = chainedEvents(doc);
  const observers = observerContext(doc.events);
  const mediaTitles = mediaPhaseTitles(doc);
  for (const e of doc.events) {
    const { label, body } = describeEvent(
      w,
      e,
      titles,
      chained.get(e.seq),
      observers,
      doc.session.language,
    );
    push(
      ...eventDate(e.at),
      `#${e.seq}  ${w.time(e.at)}  ${w.t('elapsed')} ${clock(e.elapsedMs)}  ${w.t('rec')} ${recordingOffset(w, e.recordingOffsetMs)}  ${label}`,
    );
    if (body !== '') for (const line of body.split('\n')) push(`    ${line}`);
    const prompt = refs ? promptLine(w, refs, e.seq) : undefined;
    if (prompt !== undefined) push(`    ${prompt}`);
    const media = mediaAidLine(w, doc, refs, mediaTitles, chained.get(e.seq));
    if (media !== undefined) push(`    ${media}`);
    const mark = foreign.marks.get(e.seq);
    if (mark) push(`    ${foreignMarkText(w, mark)}`);
  }

  push(
    '',
    w.t('endOfRecord', {
      count: doc.seal.eventCount,
      time: `${w.dateTime(s.sealedAt)} (#${sealSeq})`,
      who: s.sealedBy,
    }),
  );
  push('', w.t('addenda'), '');
  if (doc.addenda.length === 0) push(`  ${w.t('none')}`);
  for (const [i, a] of doc.addenda.entries()) {
    push(
      `${w.t('addendum', { n: i + 1, seq: a.seq })}  ${w.t('sealedBy', { time: w.dateTime(a.at), who: a.author })}`,
    );
    for (const line of a.text.split('\n')) push(`    ${line}`);
  }
  // From rendition 8: what others wrote after the seal, named without its content (issue #15).
  const afterSeal = afterSealLines(w, doc);
  if (afterSeal.length > 0)
    push(
      '',
      w.t('afterSeal'),
      '',
      ...afterSeal.map((l) => `  ${l}`),
      '',
      `  ${w.t('afterSealHelp')}`,
    );

  if (doc.importedTranscript) {
    const t = doc.importedTranscript;
    push(
      '',
      w.t('imported', {
        format: t.format,
        turns: w.count('turn', t.turns.length),
        time: w.dateTime(t.importedAt),
        who: t.importedBy,
        sha: t.sourceSha256,
      }),
      '',
    );
    for (const turn of t.turns) {
      const at = turn.startMs !== undefined ? `${clock(turn.startMs)}  ` : '';
      const coding = turn.coding
        ? ` [${codingWords(w, turn.coding.type, turn.coding.subtype)}]`
        : '';
      push(`${at}${turn.speaker}${coding}: ${turn.text.replace(/\n/g, ' ')}`);
    }
  }
  push('', w.t('end'));
  // Control, ANSI-escape and bidi-override characters are shown as [U+XXXX]: printed in a
  // terminal or opened in an editor, the file shows what its bytes hold, nothing else.
  return visibleText(out.join('\n').normalize('NFC'), true) + '\n';
}
