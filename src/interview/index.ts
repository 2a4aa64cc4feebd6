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
  NoteKind,
  Observer,
  SessionMode,
} from './events';
export { formatOffset, systemClocks, type Clocks } from './clock';
export { turnsOf } from './report-turns';
export {
  genesisHash,
  nextHash,
  eventDigest,
  linkDigest,
  chainVersionOf,
  sealStatement,
  addendumStatement,
  type ChainVersion,
} from './chain';
