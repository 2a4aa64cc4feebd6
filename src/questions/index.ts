// Public API of the question-type coach (pure: safe for the renderer).
export { classifyQuestion, MAX_UTTERANCE_CHARS, presentTalkOf } from './classify';
export type { PresentTalk } from './classify';
export { neutralVocabulary } from './suggest';
export { sentencesOf } from './sentences';
export { DialogueCoder, parseEarlierChildWords } from './dialogue';
export { answeredOf, isAnswer, type SpokenTurn } from './asked-answered';
export { liveChildContext, UNANSWERED_QUESTIONS_LIMIT } from './live-context';
export { childSaidOf } from './child-said';
export type { ChildUtterance } from './child-said';
export { codedWithEarlierSessions, withEarlierSessions } from './earlier-sessions';
export type { CodedLine, DialogueOptions, EarlierWordsProblem } from './dialogue';
export { verdictFor, isWarningFree, YOUNG_CHILD_AGE } from './verdict';
export type { VerdictInput } from './verdict';
export { analyseSequence } from './sequence';
export type { SequenceAnalysis, SequenceFinding, SequenceOptions, SequenceRule } from './sequence';
export { buildQualityReport } from './report';
export type {
  FlaggedUtterance,
  Headline,
  QualityReport,
  ReportOptions,
  TimelinePoint,
  TypeBreakdown,
  TypeCounts,
} from './report';
export {
  assignRoles,
  builtInRole,
  checkDecodedText,
  decodeTranscript,
  detectFormat,
  confirmedLabels,
  FILE_KINDS,
  findLabels,
  isSpeakerRole,
  labelKey,
  parseTranscript,
  readTranscript,
  SPEAKER_ROLES,
  nonTextKind,
  splitLines,
  TEXT_LAYOUTS,
  TranscriptError,
  TRANSCRIPT_LIMITS,
  UNLABELLED,
  WARNING_CODES,
} from './transcript';
export type {
  DraftTurn,
  FileKind,
  FoundLabel,
  LabelRole,
  ParseOptions,
  ParsedTranscript,
  ReadOptions,
  SpeakerLabels,
  SpeakerRole,
  TextLayout,
  TranscriptDraft,
  TranscriptEncoding,
  TranscriptErrorCode,
  TranscriptFormat,
  TranscriptRule,
  TranscriptWarning,
  WarningCode,
} from './transcript';
export type { CodedTurn, Speaker, Turn } from './turns';
export { QUESTION_TYPES, RISK } from './types';
export type {
  Classification,
  AnsweredQuestion,
  ClassifyContext,
  Language,
  QuestionSubtype,
  QuestionType,
  Verdict,
} from './types';
export { isLanguage } from './lexicon';
export {
  checkLanguage,
  languageWarning,
  lineLeaning,
  lineScores,
  LANGUAGE_NAMES,
  type LanguageCheck,
} from './language-check';
export { classifySuggestion, impliedQuestion } from './advice';
export type { SuggestionClassification } from './advice';
