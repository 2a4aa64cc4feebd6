// Public API of the question-type coach (pure: safe for the renderer).
export { classifyQuestion } from './classify';
export { analyseSequence } from './sequence';
export type { SequenceAnalysis, SequenceFinding, SequenceOptions, SequenceRule } from './sequence';
export { buildQualityReport } from './report';
export type {
  FlaggedUtterance,
  QualityReport,
  ReportOptions,
  TimelinePoint,
  TypeBreakdown,
  TypeCounts,
} from './report';
export { detectFormat, parseTranscript, TranscriptError, TRANSCRIPT_LIMITS } from './transcript';
export type {
  ParseOptions,
  ParsedTranscript,
  SpeakerLabels,
  TranscriptErrorCode,
  TranscriptFormat,
} from './transcript';
export type { CodedTurn, Speaker, Turn } from './turns';
export { QUESTION_TYPES, RISK } from './types';
export type {
  Classification,
  ClassifyContext,
  Language,
  QuestionSubtype,
  QuestionType,
} from './types';
export { isLanguage } from './lexicon';
