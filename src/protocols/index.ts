// Public surface of the protocol library and guidance engine. Pure: safe in the renderer.
export {
  ageBandFor,
  MAX_AGE_YEARS,
  MIN_AGE_YEARS,
  YOUTH_GUIDANCE_IDS,
  youthGuidanceOf,
} from './age-bands';
export { registerProtocolLocale, supportedLanguages } from './catalog';
export { ProtocolError, isProtocolError, type ProtocolErrorCode } from './errors';
export {
  QUESTION_TYPES,
  type GuidanceEvent,
  type GuidanceEventType,
  type NoteKind,
  type QuestionType,
} from './events';
export {
  MAX_NEXT_PROMPTS,
  PAIRING_CUED_ID,
  PAIRING_NONE_ID,
  reduceGuidance,
  type Anomaly,
  type AnomalyCode,
  type ChecklistItemState,
  type GuidanceView,
  type LadderStep,
  type NextPrompt,
  type NextPromptSource,
  type OpenItem,
} from './guidance';
export {
  EXTENDED_RULE_KEYS,
  extendedSessionGuidance,
  extendedSessionLimits,
  planSessionAt,
  extendedRulesPhases,
  reconnectLine,
  type ExtendedPlace,
  type ExtendedSessionGuidance,
} from './extended';
export {
  currentProtocolId,
  LEGACY_PROTOCOL_IDS,
  listLanguages,
  listProtocols,
  planSession,
} from './plan';
export {
  sourcesOverview,
  type HearthAddition,
  type ProtocolSources,
  type SourcesOverview,
} from './overview';
export { hearthTopicMarker, notVerifiedMarker } from './source-sections';
export {
  HEARTH,
  sourceDocument,
  sourceDocuments,
  type PlannedSource,
  type SourceCheck,
  type SourceDocument,
} from './sources';
export {
  PUTATIVE_CONFESSION_AGES,
  AGE_BANDS,
  MEDIA_ACTIONS,
  MEDIA_AIDS,
  MEDIA_STANCES,
  type MediaAction,
  type MediaAid,
  type MediaStanceId,
  type AgeBand,
  type BandGuidance,
  type GroundRuleId,
  type GroundRuleMode,
  type Language,
  type PlannedChecklistItem,
  type PlannedPhase,
  type PlannedPrompt,
  type PlannedSession,
  type PlannedText,
  type PlanOptions,
  type PromptKind,
  type ProtocolSummary,
  type SessionPlan,
} from './types';
export { scriptedLines, type ScriptedLine } from './scripted-lines';
export { stageOfPhase } from './stage';
export { keptPlanOptions, type KeptPlanOptions } from './kept-options';
export { watchedFromAnotherRoom } from './observed';
