// The question-type coach: classify one utterance (as-you-type nudges) and report on turns.
import { z } from 'zod';

export const questionLanguage = z.enum(['en', 'es']);
export const questionType = z.enum([
  'invitation',
  'cued-invitation',
  'facilitator',
  'directive',
  'option-posing',
  'suggestive',
  'other',
]);

export const classification = z.object({
  type: questionType,
  subtype: z.string(),
  recommended: z.boolean(),
  reason: z.string(),
  suggestion: z.string().optional(),
});

export const questionChannels = {
  'questions.classify': {
    request: z.strictObject({
      text: z.string().max(20_000, 'Text: at most 20,000 characters'),
      language: questionLanguage,
      childWords: z.array(z.string().max(200)).max(5_000).optional(),
      childAgeYears: z.int().min(0).max(17).optional(),
    }),
    response: classification,
  },
} as const;
