// Handlers: the question-type coach.
import { classifyQuestion } from '../../questions';
import type { questionChannels } from '../channels/questions';
import type { HandlersFor } from './types';

export const questionHandlers: HandlersFor<typeof questionChannels> = {
  'questions.classify': (req) =>
    classifyQuestion(req.text, req.language, {
      ...(req.childWords ? { childWords: req.childWords } : {}),
      ...(req.childAgeYears !== undefined ? { childAgeYears: req.childAgeYears } : {}),
    }),
};
