// The pre-interview planning record of a case (src/interview/planning.ts): kept apart from the
// interview, readable by roles that may read the case, with the allegation and the exploitation
// screening under the case's allegation-blind rule. Also the sourced content the plan screen
// shows (interpreter briefing, indicator domains, referral services, youth guidance).
import { z } from 'zod';
import { caseId, isoTime, spokenLanguage } from './common';
import { sessionId } from './sessions';

const text = (max: number, name: string) =>
  z.string().max(max, `${name}: at most ${max.toLocaleString('en')} characters`);
const itemId = z.string().regex(/^[a-z0-9-]{1,40}$/, 'Item id is not valid');
const stamp = z.object({ at: isoTime, by: z.string() });

const known = z.strictObject({
  referralSource: text(2_000, 'Referral source').optional(),
  disclosureRecipients: z.array(text(500, 'Disclosure recipient')).max(50).optional(),
  childWords: z
    .array(
      z.strictObject({
        word: text(100, 'Word').refine((w) => w.trim().length > 0, 'Word is empty'),
        refersTo: text(200, 'Refers to'),
      }),
    )
    .max(100)
    .optional(),
});

const needs = z.strictObject({
  developmental: text(4_000, 'Developmental needs').optional(),
  disability: text(4_000, 'Disability').optional(),
  communication: text(4_000, 'Communication needs').optional(),
  accommodations: z.array(itemId).max(20).optional(),
});

const finding = z.strictObject({
  category: itemId,
  finding: z.enum(['present', 'not-present', 'unknown']),
  /** Where it came from: referral, records, collateral contacts, MDT observation. Never the interview. */
  basis: z.enum(['referral', 'records', 'collateral', 'mdt-observation']),
  note: text(2_000, 'Indicator note').optional(),
});
const outcome = z.enum(['not-screened', 'no-concern', 'possible-concern', 'clear-concern']);
/** The tool behind the team's level of concern (the level itself is never a CSE-IT score). */
const screeningTool = z.enum(['none', 'cse-it-2', 'cse-it-brief', 'other']);
/** 'withdrawn': unticked after flagging; kept (never deleted) with the date it was withdrawn. */
const handoffStatus = z.enum(['flagged', 'handed-off', 'withdrawn']);

/** One hand-off on the advocate's list (src/interview/referrals.ts ReferralHandoff). */
const referralHandoff = z.object({
  service: z.string(),
  note: z.string().optional(),
  sessionId: z.string().optional(),
  status: handoffStatus,
  flagged: stamp,
  handedOff: stamp.optional(),
  withdrawn: stamp.optional(),
  followUp: z
    .object({ status: z.enum(['contacted', 'done', 'declined']), at: z.string(), by: z.string() })
    .optional(),
});

const planningView = z.object({
  caseId,
  version: z.int(),
  known: z.object({
    referralSource: z.string().optional(),
    disclosureRecipients: z.array(z.string()).optional(),
    childWords: z.array(z.object({ word: z.string(), refersTo: z.string() })).optional(),
  }),
  needs: z.object({
    developmental: z.string().optional(),
    disability: z.string().optional(),
    communication: z.string().optional(),
    accommodations: z.array(z.string()).optional(),
  }),
  culture: z.string().optional(),
  caregiver: z.string().optional(),
  supportPerson: z.string().optional(),
  safetyConcerns: z.string().optional(),
  interpreter: z.object({
    needed: z.boolean(),
    childLanguage: z.string().optional(),
    interviewLanguage: z.string().optional(),
    name: z.string().optional(),
    /** Why no interpreter is needed although the languages differ (recorded by the team). */
    notNeededReason: z.string().optional(),
    briefing: z.record(z.string(), stamp),
    briefingCompleted: stamp.optional(),
  }),
  allegation: z.string().optional(),
  exploitation: z
    .object({
      indicators: z.array(
        z.object({
          category: z.string(),
          finding: z.enum(['present', 'not-present', 'unknown']),
          basis: z.string(),
          note: z.string().optional(),
        }),
      ),
      outcome,
      tool: screeningTool.optional(),
      screened: stamp.optional(),
      referrals: z.array(z.string()),
      note: z.string().optional(),
    })
    .optional(),
  handoffs: z.array(
    z.object({
      service: z.string(),
      note: z.string().optional(),
      sessionId: z.string().optional(),
      status: handoffStatus,
      flagged: stamp,
      handedOff: stamp.optional(),
      withdrawn: stamp.optional(),
    }),
  ),
  updated: stamp.optional(),
  /** True when the blind sections exist but are hidden from you (allegation-blind case). */
  allegationHidden: z.boolean(),
});

const contentItem = z.object({
  id: z.string(),
  label: z.string(),
  detail: z.string().optional(),
  sources: z.array(z.string()),
  /** Where in each source the item rests (heading, page or topic), by source id. */
  sections: z.record(z.string(), z.string()).optional(),
});

export const planningChannels = {
  'planning.get': {
    request: z.strictObject({ caseId, revealAllegation: z.boolean().optional() }),
    response: planningView,
  },
  'planning.update': {
    request: z.strictObject({
      caseId,
      /** Needed on an allegation-blind case to change the allegation or screening (audited). */
      revealAllegation: z.boolean().optional(),
      /** The version you read; CONFLICT when someone changed it since. */
      expectedVersion: z.int().min(0).optional(),
      known: known.optional(),
      needs: needs.optional(),
      culture: text(4_000, 'Cultural and religious considerations').optional(),
      caregiver: text(2_000, 'Caregiver').optional(),
      supportPerson: text(2_000, 'Support person').optional(),
      safetyConcerns: text(4_000, 'Safety concerns').optional(),
      interpreter: z
        .strictObject({
          needed: z.boolean(),
          childLanguage: spokenLanguage.optional(),
          interviewLanguage: spokenLanguage.optional(),
          name: text(100, 'Interpreter name').optional(),
          /**
           * Required for needed:false when the child's language differs from the interview
           * language (INVALID_INPUT otherwise, naming the next step).
           */
          notNeededReason: text(1_000, 'Reason no interpreter is needed').optional(),
          /** Briefing checklist items done (ids from planning.content). */
          briefingDone: z.array(itemId).max(20).optional(),
        })
        .optional(),
      allegation: text(4_000, 'Allegation').optional(),
      exploitation: z
        .strictObject({
          indicators: z.array(finding).max(20),
          outcome,
          tool: screeningTool.optional(),
          referrals: z.array(itemId).max(10).optional(),
          note: text(4_000, 'Screening note').optional(),
        })
        .optional(),
      handoffs: z
        .array(
          z.strictObject({
            service: itemId,
            note: text(1_000, 'Referral note').optional(),
            sessionId: sessionId.optional(),
            status: handoffStatus.optional(),
          }),
        )
        .max(20)
        .optional(),
    }),
    response: planningView,
  },
  /**
   * The referral hand-off lists (one case, or every case that has one) for the MDT family
   * advocate and the team: the case reference, each service with the note written for the
   * advocate, status, the advocate's follow-up, session id, who and when; `names` gives the
   * display name of each stamped username. Never the allegation or interview content
   * (src/interview/referrals.ts). `unreadable`: case ids whose list does not open. FORBIDDEN for
   * trainers; NOT_FOUND on a vault that has no referral key yet (an admin signs in once).
   */
  'referrals.list': {
    request: z.strictObject({ caseId: caseId.optional() }),
    response: z.object({
      cases: z.array(
        z.object({
          caseId: z.string(),
          caseReference: z.string().optional(),
          handoffs: z.array(referralHandoff),
        }),
      ),
      names: z.record(z.string(), z.string()),
      /** Case ids whose hand-off list does not open (changed outside Hearth): named, not dropped. */
      unreadable: z.array(z.string()),
    }),
  },
  /**
   * The advocate records what became of a hand-off: contacted, done or declined, stamped and
   * audited (src/interview/referrals.ts followUpReferral). FORBIDDEN for trainers and
   * reviewers; NOT_FOUND for a service not on the case's list; INVALID_INPUT for a withdrawn one.
   */
  'referrals.followUp': {
    request: z.strictObject({
      caseId,
      service: z.string().min(1).max(64),
      status: z.enum(['contacted', 'done', 'declined']),
    }),
    response: referralHandoff,
  },
  'planning.content': {
    request: z.strictObject({ language: z.enum(['en', 'es']) }),
    response: z.object({
      interpreterBriefing: z.array(contentItem),
      exploitationIndicators: z.array(contentItem),
      referralServices: z.array(contentItem),
      accommodations: z.array(contentItem),
      /** The note above the indicator screening (its items are never read to the youth). */
      screeningNote: contentItem,
      sources: z.array(
        z.object({
          id: z.string(),
          /** Author or body, year, title, edition or section: what the screen shows beside an item. */
          short: z.string(),
          citation: z.string(),
          url: z.string().optional(),
        }),
      ),
    }),
  },
} as const;
