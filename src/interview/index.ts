export {
  SessionService,
  eventRecordId,
  type SessionSummary,
  type EventAck,
  type StartInput,
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
export { genesisHash, nextHash, sealStatement, addendumStatement } from './chain';
