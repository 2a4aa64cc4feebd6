// What the Sources page shows: each protocol's documents (with version and how far Hearth's
// content was checked against them) and everything Hearth adds on its own, collected from the
// definitions themselves so the page can never drift from what the plans cite.
import { BAND_PROFILES } from './age-bands';
import { text } from './catalog';
import { PROTOCOLS } from './definitions';
import { documentNoteIn, sectionIn } from './source-sections';
import {
  HEARTH,
  sourceDocument,
  sourceDocuments,
  type SourceDocument,
  type SourceRef,
} from './sources';
import type { Language, MediaStanceId } from './types';
import { PROTOCOL_WARNING_SOURCES, WARNING_SOURCES } from './warning-sources';

export interface ProtocolSources {
  id: string;
  name: string;
  documents: SourceDocument[];
  media: { stance: MediaStanceId; text: string };
}

export interface HearthAddition {
  /** What Hearth adds and why (the `section` of a Hearth source, in the page's language). */
  what: string;
  /** Short labels of the research that informed it. */
  basis: string[];
  /** Protocol ids where it appears ('*' for guidance shown with every protocol). */
  protocols: string[];
}

export interface SourcesOverview {
  protocols: ProtocolSources[];
  hearth: HearthAddition[];
  /** Every document cited anywhere, including research cited for single steps. */
  documents: SourceDocument[];
}

/** Hearth's own additions that live outside the definitions (engine and band heuristics). */
const ENGINE_ADDITIONS: ReadonlyArray<{ what: string; basis: string[] }> = [
  { what: 'Break reminder: Hearth\u2019s configurable heuristic, not a protocol rule', basis: [] },
];

function collect(refs: Array<[string, SourceRef]>): HearthAddition[] {
  const byWhat = new Map<string, HearthAddition>();
  for (const [protocolId, ref] of refs) {
    if (ref.doc !== HEARTH) continue;
    const found = byWhat.get(ref.section) ?? {
      what: ref.section,
      basis: (ref.basis ?? []).map((id) => sourceDocument(id).short),
      protocols: [],
    };
    if (!found.protocols.includes(protocolId)) found.protocols.push(protocolId);
    byWhat.set(ref.section, found);
  }
  return [...byWhat.values()];
}

/**
 * The Sources page's content in `language` (protocol names, media texts and Hearth's
 * descriptions of what it adds are localized; citations are not). Throws UNSUPPORTED_LANGUAGE for a language without protocol texts.
 */
export function sourcesOverview(language: Language): SourcesOverview {
  const refs: Array<[string, SourceRef]> = [];
  for (const p of PROTOCOLS) {
    for (const ph of p.phases) {
      refs.push([p.id, ph.source]);
      ph.prompts.forEach((pr) => refs.push([p.id, pr.source]));
    }
    p.supportivePrompts.forEach((pr) => refs.push([p.id, pr.source]));
  }
  const warningKeys = new Set<string>();
  PROTOCOLS.forEach((p) =>
    p.phases.forEach((ph) => ph.warningKeys.forEach((k) => warningKeys.add(k))),
  );
  Object.values(BAND_PROFILES).forEach((b) =>
    [...b.languageKeys, ...b.warningKeys].forEach((k) => warningKeys.add(k)),
  );
  for (const key of warningKeys) {
    const ref = WARNING_SOURCES[key];
    if (ref) refs.push(['*', ref]);
  }
  // A caution cited per protocol lists Hearth's part under the protocols it applies to (P7-8).
  for (const byProtocol of Object.values(PROTOCOL_WARNING_SOURCES))
    for (const [protocolId, ref] of Object.entries(byProtocol)) refs.push([protocolId, ref]);
  return {
    protocols: PROTOCOLS.map((p) => ({
      id: p.id,
      name: text(language, p.nameKey, p.ageBands[0] ?? '6-9'),
      documents: p.documents.map((id) => localizedDocument(sourceDocument(id), language)),
      media: { stance: p.media.stance, text: text(language, p.media.textKey, '6-9') },
    })),
    hearth: [...collect(refs), ...ENGINE_ADDITIONS.map((a) => ({ ...a, protocols: ['*'] }))].map(
      (h) => ({ ...h, what: sectionIn(language, h.what) }),
    ),
    documents: sourceDocuments().map((d) => localizedDocument(d, language)),
  };
}

/** A document with Hearth's note in `language` (the citation itself is never translated). */
function localizedDocument(doc: SourceDocument, language: Language): SourceDocument {
  return doc.note ? { ...doc, note: documentNoteIn(language, doc.note) } : { ...doc };
}
