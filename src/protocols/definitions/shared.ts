// Prompt and checklist sets that several protocols share. The phase titles and goals stay
// protocol-specific (each protocol names its own phases); only the utterances are shared.
import { check, OLDER_THAN_5, prompt } from '../define';
import type { ChecklistDefinition, PromptDefinition } from '../types';

export const introPrompts: readonly PromptDefinition[] = [
  prompt('intro.self', 'statement'),
  prompt('intro.interpreter', 'statement', { interpreterOnly: true }),
  prompt('intro.recording', 'statement'),
];

export const introChecklist: readonly ChecklistDefinition[] = [
  check('intro.introduced'),
  check('intro.interpreter', { interpreterOnly: true }),
  check('intro.recording'),
];

export const transitionPrompts: readonly PromptDefinition[] = [
  prompt('transition.open', 'invitation'),
  prompt('transition.important', 'invitation'),
  prompt('transition.blind', 'invitation', { blindOnly: true }),
  prompt('transition.talkedTo', 'cued-invitation', { requiresAllegation: true }),
  prompt('transition.place', 'cued-invitation', { requiresAllegation: true }),
  prompt('transition.bothering', 'option-posing', { requiresAllegation: true, lastResort: true }),
];

export const freeRecallPrompts: readonly PromptDefinition[] = [
  prompt('recall.everything', 'invitation'),
  prompt('recall.thenWhat', 'invitation'),
  prompt('recall.cued', 'cued-invitation'),
  prompt('recall.segment', 'cued-invitation', { bands: OLDER_THAN_5 }),
];

/** One or several incidents: only from 6, because "how many times" misleads younger children. */
export const incidentPrompts: readonly PromptDefinition[] = [
  prompt('recall.oneOrMore', 'option-posing', { bands: OLDER_THAN_5 }),
  prompt('recall.lastTime', 'invitation', { bands: OLDER_THAN_5 }),
  prompt('recall.firstTime', 'invitation', { bands: OLDER_THAN_5 }),
  prompt('recall.anotherTime', 'invitation', { bands: OLDER_THAN_5 }),
];

export const closingPrompts: readonly PromptDefinition[] = [
  prompt('closing.anythingElse', 'invitation'),
  prompt('closing.questions', 'invitation'),
  prompt('closing.thanks', 'statement'),
  prompt('closing.contact', 'statement'),
  prompt('closing.neutral', 'invitation'),
];

export const closingChecklist: readonly ChecklistDefinition[] = [
  check('closing.askedAnythingElse'),
  check('closing.questions'),
  check('closing.thanked'),
  check('closing.nextSteps'),
  check('closing.neutral'),
];

export const reconnectPrompts: readonly PromptDefinition[] = [
  prompt('reconnect.welcome', 'statement'),
  prompt('reconnect.sinceLast', 'invitation'),
  prompt('reconnect.rulesReminder', 'instruction'),
  prompt('reconnect.revisit', 'cued-invitation'),
  prompt('reconnect.open', 'invitation'),
];

export const reconnectChecklist: readonly ChecklistDefinition[] = [
  check('reconnect.rapport'),
  check('reconnect.rules'),
];

export const supportivePrompts: readonly PromptDefinition[] = [
  prompt('support.wantToKnow', 'supportive'),
  prompt('support.goodAndBad', 'supportive'),
  prompt('support.manyKids', 'supportive'),
  prompt('support.feelings', 'supportive'),
  prompt('support.effort', 'supportive'),
  prompt('support.breakOffer', 'supportive'),
];
