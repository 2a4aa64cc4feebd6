// Cases: everything about a case is sealed; the case reference is also indexed by a keyed blind
// index so that an exact lookup (and the uniqueness check) needs no plaintext on disk.
import { HearthError } from './errors';
import { newId } from './ids';
import type { RecordAddress } from './records';
import { can } from './roles';
import type { Vault } from './vault';

export interface CaseFields {
  reference: string;
  childAlias: string;
  childAgeYears: number;
  childAgeMonths: number;
  language: string;
  interpreterNeeded: boolean;
  allegationSummary?: string;
  /** Allegation-blind interviewing: the summary is hidden from interviewers unless they reveal it. */
  allegationBlind: boolean;
  notes?: string;
}

export interface CaseRecord extends CaseFields {
  caseId: string;
  archived: boolean;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export type CaseSummary = Omit<CaseRecord, 'allegationSummary' | 'notes'>;

export type CaseView = CaseRecord & { allegationHidden: boolean };

export type CaseInput = Omit<
  CaseFields,
  'childAgeMonths' | 'interpreterNeeded' | 'allegationBlind'
> &
  Partial<Pick<CaseFields, 'childAgeMonths' | 'interpreterNeeded' | 'allegationBlind'>>;

const KIND = 'case';
const address = (caseId: string, version: number): RecordAddress => ({
  recordId: caseId,
  containerId: caseId,
  kind: KIND,
  seq: version,
  keyRef: 'records',
});

/** Case references compare equal regardless of case, spacing and Unicode form. */
export function normalizeReference(reference: string): string {
  return reference.normalize('NFC').trim().replace(/\s+/g, ' ').toUpperCase();
}

function referenceIndex(vault: Vault, reference: string): Uint8Array {
  return vault.blindIndex('case-reference', normalizeReference(reference));
}

function assertReferenceFree(vault: Vault, reference: string, exceptCaseId?: string): void {
  const existing = vault.records.getByBlindIndex<CaseRecord>(
    KIND,
    referenceIndex(vault, reference),
  );
  if (existing && existing.value.caseId !== exceptCaseId) {
    throw new HearthError('CONFLICT', 'Another case already uses this case reference.');
  }
}

export function createCase(vault: Vault, input: CaseInput): string {
  const user = vault.require('cases.write');
  assertReferenceFree(vault, input.reference);
  const caseId = newId('case');
  const at = vault.nowIso();
  const record: CaseRecord = {
    caseId,
    reference: input.reference.normalize('NFC').trim(),
    childAlias: input.childAlias.normalize('NFC').trim(),
    childAgeYears: input.childAgeYears,
    childAgeMonths: input.childAgeMonths ?? 0,
    language: input.language,
    interpreterNeeded: input.interpreterNeeded ?? false,
    allegationBlind: input.allegationBlind ?? false,
    ...(input.allegationSummary !== undefined
      ? { allegationSummary: input.allegationSummary }
      : {}),
    ...(input.notes !== undefined ? { notes: input.notes } : {}),
    archived: false,
    version: 1,
    createdAt: at,
    createdBy: user.username,
    updatedAt: at,
    updatedBy: user.username,
  };
  vault.write('cases.create', caseId, (put) =>
    put(address(caseId, 1), record, referenceIndex(vault, record.reference)),
  );
  return caseId;
}

function summarize(record: CaseRecord): CaseSummary {
  // Summaries never carry the allegation or free notes: the list is shown on screen.
  const { allegationSummary: _a, notes: _n, ...summary } = record;
  return summary;
}

export function listCases(
  vault: Vault,
  options: { includeArchived?: boolean } = {},
): { cases: CaseSummary[]; unreadable: string[] } {
  vault.require('cases.read');
  return vault.read(
    'cases.list',
    undefined,
    (records) => {
      const { records: all, unreadable } = records.list<CaseRecord>(KIND);
      const cases = all
        .map((r) => r.value)
        .filter((c) => options.includeArchived || !c.archived)
        .map(summarize);
      return { cases, unreadable };
    },
    (result) => ({ count: result.cases.length, unreadable: result.unreadable.length }),
  );
}

function loadCase(vault: Vault, caseId: string): CaseRecord {
  const found = vault.records.get<CaseRecord>(caseId);
  if (!found || found.address.kind !== KIND)
    throw new HearthError('NOT_FOUND', 'There is no case with this id.');
  if (found.value.caseId !== caseId || found.value.version !== found.address.seq) {
    throw new HearthError(
      'TAMPERED',
      `Record ${caseId} does not match its address: it was altered outside Hearth.`,
    );
  }
  return found.value;
}

export function getCase(
  vault: Vault,
  caseId: string,
  options: { revealAllegation?: boolean } = {},
): CaseView {
  const user = vault.require('cases.read');
  const reveal = options.revealAllegation === true;
  return vault.read(reveal ? 'cases.revealAllegation' : 'cases.get', caseId, () => {
    const record = loadCase(vault, caseId);
    const hide =
      record.allegationBlind && !reveal && !can(user.role, 'cases.seeAllegationWhenBlind');
    if (!hide) return { ...record, allegationHidden: false };
    const { allegationSummary: _hidden, ...rest } = record;
    return { ...rest, allegationHidden: record.allegationSummary !== undefined };
  });
}

export type CasePatch = Partial<CaseFields>;

export function updateCase(vault: Vault, caseId: string, patch: CasePatch): CaseRecord {
  return applyChange(vault, caseId, patch, 'cases.update');
}

function applyChange(
  vault: Vault,
  caseId: string,
  patch: CasePatch & { archived?: boolean },
  action: string,
): CaseRecord {
  const user = vault.require('cases.write');
  const current = loadCase(vault, caseId);
  if (patch.reference !== undefined) assertReferenceFree(vault, patch.reference, caseId);
  const next: CaseRecord = {
    ...current,
    ...patch,
    ...(patch.reference !== undefined
      ? { reference: patch.reference.normalize('NFC').trim() }
      : {}),
    ...(patch.childAlias !== undefined
      ? { childAlias: patch.childAlias.normalize('NFC').trim() }
      : {}),
    version: current.version + 1,
    updatedAt: vault.nowIso(),
    updatedBy: user.username,
  };
  vault.write(
    action,
    caseId,
    (put) => put(address(caseId, next.version), next, referenceIndex(vault, next.reference)),
    {
      fields: Object.keys(patch).sort().join(','),
    },
  );
  return next;
}

export function archiveCase(vault: Vault, caseId: string, archived: boolean): CaseRecord {
  vault.require('cases.write');
  const current = loadCase(vault, caseId);
  if (current.archived === archived) return current;
  return applyChange(vault, caseId, { archived }, archived ? 'cases.archive' : 'cases.unarchive');
}
