// What the interviewer says to the child as a person, not about the event (issue #18, native
// es-419 review fix18q): an offer ("¿Quieres descansar?", "Do you want some water?") gets an
// offer's answer ("Sí, porfa." / "No, estoy bien."), praise or a compliment ("Qué bonito dibujo.",
// "You're being really brave.") a thank-you, never "No, eso no es cierto." (a correction of a
// summary) and never "I don't know." (an answer to a question about the event). Hearth's rule.
import type { TrainingLanguage } from './types';

/** The kind of social talk: an offer of a break or comfort, or praise of the child. */
export type SocialTalk = 'offer' | 'praise';

/** Offers: a wish or need for a break, a drink, the bathroom, a tissue, a snack or a stop. */
const OFFER: Readonly<Record<TrainingLanguage, RegExp>> = {
  en: /^(?:(?:okay|ok|so|now|well),?\s+)?(?:do|would|are|did)\s+you\s+(?:want|need|like|wanna)\s+(?:to\s+)?(?:take\s+|have\s+|get\s+|go\s+|use\s+)?(?:a\s+|some\s+|to\s+|the\s+)?(?:little\s+|short\s+|quick\s+)?(?:break|rest|pause|breather|water|drink|snack|tissue|tissues|bathroom|restroom|stop|stopping|toilet|something\s+to\s+(?:drink|eat))\b[^?]*\?\s*$/iu,
  es: /^[¿\s]*(?:(?:bueno|ok|oye|entonces),?\s+)?(?:quieres|necesitas|te\s+gustaría|te\s+gustaria|quisieras|te\s+traigo|gustas)\s+(?:(?:un|una|unos|algo\s+de|tantito|tomar|ir\s+al|ir\s+a\s+la|hacer\s+una?|que\s+hagamos\s+una?)\s+)*(?:descansar|descanso|descansito|pausa|pausita|agua|vaso|baño|pañuelo|pañuelos|kleenex|galleta|galletas|algo\s+de\s+tomar|algo\s+de\s+comer|parar|que\s+paremos|que\s+descansemos|receso)(?![\p{L}])[^?]*\?\s*$/iu,
};

/** Praise of the child or of what it did or made, said as a statement or exclamation. */
const PRAISE: Readonly<Record<TrainingLanguage, RegExp>> = {
  en: /^(?:(?:wow|oh),?\s+)?(?:what\s+an?\s+(?:nice|great|pretty|lovely|cool|beautiful|good)\b|(?:that's|that\s+is|this\s+is)\s+(?:a\s+)?(?:really\s+|very\s+|so\s+)?(?:nice|great|pretty|lovely|cool|beautiful)\b|(?:nice|great|cool|pretty|lovely|beautiful)\s+(?:drawing|picture|shirt|shoes|job|work)\b|you(?:'re|\s+are)\s+(?:being\s+)?(?:really\s+|very\s+|so\s+)?(?:brave|strong|kind|smart|helpful)\b|you\s+(?:did|draw|drew)\s+(?:a\s+)?(?:really\s+|very\s+)?(?:great|good|nice)\b|you(?:'re|\s+are)\s+doing\s+(?:a\s+)?(?:really\s+|very\s+|so\s+)?(?:great|good|well|awesome)\b)[^?]*[.!]?\s*$/iu,
  es: /^[¡\s]*(?:(?:wow|oh|ay),?\s+)?(?:qu[eé]\s+(?:bonit[oa]s?|lind[oa]s?|padre|chid[oa]|hermos[oa]s?|genial)(?![\p{L}])|(?:eres|estás\s+siendo|estas\s+siendo|has\s+sido|fuiste)\s+(?:muy\s+|bien\s+|tan\s+|super\s+)?(?:valiente|fuerte|amable|list[oa])(?![\p{L}])|(?:est[aá]|es)\s+(?:muy\s+|bien\s+|súper\s+|super\s+)?(?:bonit[oa]|lind[oa]|padre|chid[oa])\s+(?:tu|el|la|ese|esa)\s+\p{L}+|(?:lo\s+)?est[aá]s\s+(?:haciendo(?:lo)?|platicando)\s+(?:muy\s+|súper\s+|super\s+|re\s+)?bien(?![\p{L}])|vas\s+(?:muy\s+|súper\s+|super\s+)?bien(?![\p{L}]))[^?]*[.!]?\s*$/iu,
};

/**
 * Whether a turn is social talk to the child: an offer ('offer': "¿Quieres descansar?", "Do you
 * need a break?") or praise ('praise': "Qué bonito dibujo.", "You're being really brave."); else
 * undefined. One sentence only: talk that goes on to ask about the event is that question.
 * @param text the interviewer's turn as typed.
 */
export function socialTalk(text: string, language: TrainingLanguage): SocialTalk | undefined {
  const t = text.trim();
  if (t === '' || /[.!?]\s+\S/u.test(t)) return undefined;
  if (OFFER[language].test(t)) return 'offer';
  if (!/\?\s*$/u.test(t) && PRAISE[language].test(t)) return 'praise';
  return undefined;
}
