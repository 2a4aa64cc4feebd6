// How an interview is named in a list or a heading: its date, the protocol's name (never its
// id), its case reference (or the title given to an imported transcript) and its status.
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { listProtocols } from '../../src/protocols';
import { useClient } from '../bridge/context';
// Listed sessions (sessions.list); a sessions.get result is one too.
import type { SessionSummary } from '../cases/types';
import { formatDateTime } from './format';

/** The protocol's name in the UI language (English, Spanish); the id only if it is unknown. */
export function protocolName(protocolId: string, uiLanguage: string): string {
  const language = uiLanguage.startsWith('es') ? 'es' : 'en';
  return listProtocols(language).find((p) => p.id === protocolId)?.name ?? protocolId;
}

/** Case ids to their references, for the cases this user may see (empty until loaded). */
export function useCaseReferences(): ReadonlyMap<string, string> {
  const client = useClient();
  const [refs, setRefs] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    let live = true;
    void client.call('cases.list', { includeArchived: true }).then((r) => {
      if (live && r.ok) setRefs(new Map(r.value.cases.map((c) => [c.caseId, c.reference])));
    });
    return () => {
      live = false;
    };
  }, [client]);
  return refs;
}

/** "Nov 29, 2026, 10:44 AM · CAC-1 · NICHD Protocol … · sealed" (an import: its title). */
export function sessionLine(
  s: SessionSummary,
  cases: ReadonlyMap<string, string>,
  t: TFunction,
  uiLanguage: string,
): string {
  const what =
    s.mode === 'review'
      ? (s.title ?? t('sessionLabel.imported'))
      : protocolName(s.protocolId, uiLanguage);
  const reference = s.caseId ? cases.get(s.caseId) : undefined;
  return [
    formatDateTime(s.startedAt, uiLanguage),
    ...(reference ? [reference] : []),
    what,
    t(`session.status.${s.status}`),
  ].join(' · ');
}
