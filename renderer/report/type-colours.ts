// One calm colour per question type, distinguishable and never alarm-red. The strip also
// carries text labels, so colour is never the only cue.
import type { QuestionType } from '../../src/questions';

export const TYPE_COLOURS: Record<QuestionType, string> = {
  invitation: '#2f6f5e',
  'cued-invitation': '#4f9a85',
  facilitator: '#7aa7c7',
  directive: '#4f6d9a',
  'option-posing': '#c08a2e',
  suggestive: '#8a5a9e',
  other: '#9a9a9a',
};
