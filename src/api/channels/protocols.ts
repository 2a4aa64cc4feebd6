// Protocol library and planning (pure data from src/protocols).
import { z } from 'zod';

const protocolLanguage = z.string().regex(/^[a-z]{2,3}$/, 'Language: a code such as "en" or "es"');
const protocolId = z.string().regex(/^[a-z0-9-]{1,40}$/, 'Protocol id is not valid');

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
          interviewerName: z.string().max(100).optional(),
        })
        .optional(),
    }),
    // The plan is large and fully typed in src/protocols (SessionPlan); the contract pins the
    // fields every caller relies on and lets the rest through.
    response: z.object({
      plan: z.object({
        protocolId: z.string(),
        language: z.string(),
        ageYears: z.number(),
        breakIntervalMs: z.number(),
        band: z.object({ band: z.string() }),
        sessions: z.array(
          z.object({
            number: z.int(),
            phases: z.array(z.object({ id: z.string(), title: z.string(), goal: z.string() })),
          }),
        ),
      }),
    }),
  },
} as const;
