// Protocol library and planning (pure data from src/protocols).
import { z } from 'zod';
import { MEDIA_STANCES } from '../../protocols';

const protocolLanguage = z.string().regex(/^[a-z]{2,3}$/, 'Language: a code such as "en" or "es"');
const protocolId = z.string().regex(/^[a-z0-9-]{1,40}$/, 'Protocol id is not valid');

/** Where a step, prompt or warning comes from: `label` is "hearth" for Hearth's own. */
const plannedSource = z.object({
  doc: z.string().min(1),
  label: z.string().min(1),
  section: z.string().min(1),
  basis: z.array(z.string()),
  /** 'hearth': the line is Hearth's own translation of the protocol's wording. */
  translation: z.literal('hearth').optional(),
});
const promptKind = z.enum([
  'statement',
  'instruction',
  'practice',
  'invitation',
  'cued-invitation',
  'directive',
  'option-posing',
  'supportive',
  'putative-confession',
]);
const plannedPrompt = z.object({
  id: z.string(),
  kind: promptKind,
  text: z.string(),
  source: plannedSource,
  substantiveOnly: z.literal(true).optional(),
});
const plannedText = z.object({ id: z.string(), text: z.string(), source: plannedSource });

export const protocolChannels = {
  'protocols.list': {
    request: z.strictObject({ language: protocolLanguage }),
    response: z.object({
      protocols: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          source: z.string(),
          ageBands: z.array(z.string()),
          languages: z.array(z.string()),
        }),
      ),
    }),
  },
  'protocols.plan': {
    request: z.strictObject({
      protocolId,
      ageYears: z.int().min(0).max(17),
      language: protocolLanguage,
      options: z
        .strictObject({
          allegationBlind: z.boolean().optional(),
          multiSession: z.boolean().optional(),
          sessionCount: z.int().min(1).max(6).optional(),
          includeOptional: z.boolean().optional(),
          interpreter: z.boolean().optional(),
          /** Someone watches from another room: adds the line telling the child so (P8-12). */
          observed: z.boolean().optional(),
          /** The planning record's exploitation concern: adds the exploited-youth guidance under 14. */
          exploitationConcern: z.boolean().optional(),
          interviewerName: z.string().max(100).optional(),
          /** Hearth's break-reminder heuristic in minutes; null turns it off. */
          breakReminderMinutes: z.int().min(5).max(120).nullable().optional(),
          /** Ten Step only: the recorded MDT and prosecutor decision that enables the option. */
          putativeConfession: z
            .strictObject({
              decidedBy: z.string().trim().min(1, 'Who decided (MDT and prosecutor)').max(300),
              personNamed: z.literal('this-interview'),
            })
            .optional(),
        })
        .optional(),
    }),
    // The plan is large and fully typed in src/protocols (SessionPlan); the contract pins the
    // fields every caller relies on (sources included) and lets the rest through.
    response: z.object({
      plan: z.object({
        protocolId: z.string(),
        language: z.string(),
        ageYears: z.number(),
        breakIntervalMs: z.number(),
        documents: z.array(plannedSource),
        media: z.object({
          stance: z.enum(MEDIA_STANCES),
          text: z.string(),
          source: plannedSource,
        }),
        band: z.object({
          band: z.string(),
          language: z.array(plannedText),
          warnings: z.array(plannedText),
        }),
        sessions: z.array(
          z.object({
            number: z.int(),
            phases: z.array(
              z.object({
                id: z.string(),
                title: z.string(),
                goal: z.string(),
                source: plannedSource,
                prompts: z.array(plannedPrompt),
                warnings: z.array(plannedText),
              }),
            ),
          }),
        ),
        supportivePrompts: z.array(plannedPrompt),
      }),
    }),
  },
} as const;
