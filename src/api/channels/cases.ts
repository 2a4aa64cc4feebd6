// Cases: reference, child alias, age, language, allegation (sealed in the vault).
import { z } from 'zod';
import { caseFields, caseId, caseSummary, caseView, pageInfo, pageRequest } from './common';

export const caseChannels = {
  'cases.create': {
    request: z.strictObject({
      reference: caseFields.reference,
      childAlias: caseFields.childAlias,
      childAgeYears: caseFields.childAgeYears,
      childAgeMonths: caseFields.childAgeMonths.optional(),
      language: caseFields.language,
      interpreterNeeded: caseFields.interpreterNeeded.optional(),
      allegationSummary: caseFields.allegationSummary.optional(),
      allegationBlind: caseFields.allegationBlind.optional(),
      notes: caseFields.notes.optional(),
    }),
    response: z.object({ caseId }),
  },
  /** A page of cases, newest first; `query` narrows by reference or child alias (matched in the core). */
  'cases.list': {
    request: z.strictObject({
      includeArchived: z.boolean().optional(),
      query: z.string().max(200).optional(),
      ...pageRequest,
    }),
    response: z.object({
      cases: z.array(caseSummary),
      /** Ids of case records that failed authentication; `vault.check` explains them. */
      unreadable: z.array(z.string()),
      ...pageInfo,
    }),
  },
  'cases.get': {
    request: z.strictObject({ caseId, revealAllegation: z.boolean().optional() }),
    response: caseView,
  },
  /** Reveals an allegation-blind case's allegation to one user (wraps its key for them; audited). */
  'cases.revealAllegationTo': {
    request: z.strictObject({ caseId, username: z.string().min(1).max(64) }),
    response: z.object({}),
  },
  'cases.update': {
    request: z.strictObject({
      caseId,
      patch: z
        .strictObject({
          reference: caseFields.reference.optional(),
          childAlias: caseFields.childAlias.optional(),
          childAgeYears: caseFields.childAgeYears.optional(),
          childAgeMonths: caseFields.childAgeMonths.optional(),
          language: caseFields.language.optional(),
          interpreterNeeded: caseFields.interpreterNeeded.optional(),
          allegationSummary: caseFields.allegationSummary.optional(),
          allegationBlind: caseFields.allegationBlind.optional(),
          notes: caseFields.notes.optional(),
        })
        .refine((p) => Object.keys(p).length > 0, 'Nothing to change'),
    }),
    response: z.object({ caseId, version: z.int() }),
  },
  'cases.archive': {
    request: z.strictObject({ caseId, archived: z.boolean().optional() }),
    response: z.object({ caseId, archived: z.boolean() }),
  },
} as const;
