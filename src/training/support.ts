// Support for the child's present state or effort, said as a comment: "You look worried right
// now.", "You're being really brave.", "That must be hard.", "Te ves preocupada ahorita.", "Te noto
// un poco nerviosa ahorita.", "Debe ser difícil.", "Estás siendo muy valiente." The revised NICHD
// protocol adds non-suggestive support of the child's effort and feelings to the rapport and
// substantive phases (Hershkowitz, Lamb & Katz 2014, Psychology, Public Policy, and Law 20(3),
// 336-344, compare the revised with the standard protocol). Which sentences count as such
// support, and that the simulated child answers every one of them as a comment ("Yeah." / "I'm
// okay.") in every scenario, is Hearth's rule: the paper lists no phrases and no child replies.
import type { TrainingLanguage } from './types';

const FEELING_EN =
  'worried|nervous|scared|afraid|sad|upset|tired|uncomfortable|anxious|frightened|stressed|uneasy|shy|quiet|sleepy|unsure|embarrassed|angry|mad|confused';
const FEELING_ES =
  'preocupad[oa]|nervios[oa]|asustad[oa]|triste|cansad[oa]|incómod[oa]|incomod[oa]|ansios[oa]|estresad[oa]|tímid[oa]|timid[oa]|callad[oa]|enojad[oa]|confundid[oa]|apenad[oa]|inquiet[oa]|tens[oa]';
const DEGREE_EN =
  '(?:(?:a little|a bit|a little bit|kind of|kinda|really|very|so|pretty|quite)\\s+)?';
const DEGREE_ES = '(?:(?:un poco|un poquito|algo|muy|bien|medio|como)\\s+)?';

const SUPPORT: Record<TrainingLanguage, readonly RegExp[]> = {
  en: [
    new RegExp(
      `\\byou(?:'re| are)?\\s+(?:look|looking|seem|seeming|sound|sounding)\\s+${DEGREE_EN}(?:${FEELING_EN})\\b`,
      'iu',
    ),
    new RegExp(
      `\\byou(?:'re| are)\\s+(?:being\\s+)?${DEGREE_EN}(?:brave|strong|patient|helpful|honest)\\b`,
      'iu',
    ),
    /\b(?:that|this|it)\s+(?:must|might|can|could)\s+(?:be|have been|feel)\s+(?:(?:really|so|very|a little|kind of)\s+)?(?:hard|difficult|tough|scary|upsetting)\b/iu,
    /\b(?:it's|it is)\s+(?:okay|ok|alright|all right|normal)\s+to\s+feel\b/iu,
  ],
  es: [
    new RegExp(
      `(?<!\\p{L})(?:te\\s+(?:ves|noto|siento|oigo|escucho)|se\\s+te\\s+ve|pareces|estás|estas)\\s+${DEGREE_ES}(?:${FEELING_ES})(?!\\p{L})`,
      'iu',
    ),
    new RegExp(
      `(?<!\\p{L})(?:estás|estas|eres)\\s+(?:siendo\\s+)?${DEGREE_ES}(?:valiente|fuerte|paciente)(?!\\p{L})`,
      'iu',
    ),
    /(?<!\p{L})(?:debe|debió|debio|puede|ha de)\s+(?:ser|haber sido|estar)\s+(?:(?:muy|bien|un poco|algo)\s+)?(?:difícil|dificil|dur[oa]|fe[oa]|pesad[oa])(?!\p{L})/iu,
    /(?<!\p{L})(?:está|esta)\s+bien\s+sentir(?:se|te)?(?!\p{L})/iu,
  ],
};

/**
 * Whether an utterance is support for the child's present state or effort said as a comment
 * (no question mark, no "?" sentence): "You look worried right now.", "You're being really
 * brave.", "Te noto un poco nerviosa ahorita.", "Debe ser difícil.". `text` is the interviewer's
 * utterance as typed; false for a question or any other utterance. Hearth's rule (see the file
 * head for the source and what it does not say).
 */
export function presentSupport(text: string, language: TrainingLanguage): boolean {
  if (/[?¿]/u.test(text)) return false;
  const norm = text.replace(/’/gu, "'");
  return SUPPORT[language].some((re) => re.test(norm));
}
