export {
  SessionService,
  eventRecordId,
  type SessionSummary,
  type EventAck,
  type StartInput,
  type ReviewImport,
} from './sessions';
export type {
  SessionEvent,
  SessionEventType,
  SessionMeta,
  SealedObserver,
  SpeakerMappingEntry,
  NoteKind,
  Observer,
  SessionMode,
} from './events';
export { formatOffset, systemClocks, type Clocks } from './clock';
export {
  earlierChildWords,
  extendedInterview,
  extendedSeriesRecord,
  type ExtendedSeriesRecord,
  extendedLinkText,
  type ExtendedInterviewView,
  type ExtendedLinkBody,
} from './extended';
export {
  carriedReluctanceOf,
  continuityOf,
  type Continuity,
  type ContinuitySession,
} from './continuity';
export {
  carriedAcross,
  foldReluctance,
  initialReluctance,
  stepReluctance,
  type CarriedReluctance,
  type ReluctanceEvent,
  type ReluctanceSession,
  type ReluctanceState,
} from './reluctance';
export { mediaEventText, type MediaEventBody, type MediaInput } from './media';
export { turnsOf } from './report-turns';
export {
  genesisHash,
  nextHash,
  eventDigest,
  linkDigest,
  linkKindDigest,
  eventKindOf,
  type EventKind,
  chainVersionOf,
  sealStatement,
  addendumStatement,
  interviewerOfChain,
  isInterviewerSeal,
  type ChainVersion,
  type ForeignEvent,
} from './chain';
export {
  ObserverService,
  queueOf,
  sameWording,
  coachLanguageOf,
  NAMED_ROLES,
  LOCAL_DEVICE,
  type ObserverQueue,
  type QueueItem,
} from './observers';
export {
  getPlanning,
  updatePlanning,
  type PlanningPatch,
  type PlanningRecord,
  type PlanningView,
} from './planning';
export { followUpReferral, listReferrals, type ReferralHandoff } from './referrals';
export type { InterpretedNote, AfterSealEvent, IntactRecord } from './sessions';
export type { WithheldEvent } from './session-context';
export { recordRewrittenReason } from './session-verify';
export { summaryRewrittenReason } from './summary-check';
export type {
  OriginalWords,
  CoachVerdict,
  ObserverDecision,
  StoredObserverDecision,
} from './events';
export { decisionOf } from './events';
export * as teamContent from './team-content';
export { TEAM_SOURCES, sourcesOf, type TeamSource, type SourcedItem } from './team-sources';
export { phaseSourceIn, promptSourceIn, sealedSource, type SealedSource } from './sealed-sources';
export {
  nameCommitment,
  commitName,
  disclosureMatches,
  commitmentsOf,
  carriesClearName,
  NAME_COMMITMENT_SCHEME,
  type NameDisclosure,
} from './name-commitment';
