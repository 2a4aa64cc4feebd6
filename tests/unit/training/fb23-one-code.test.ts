// One question, one code (trainer re-check R18-5, R18-13): the code the trainee sees under a
// question right after asking it (training.ask) is the code of that question in the final
// feedback: its counted type (the trainer's review rows read feedback.coded), and, when it is
// flagged, the same type, subtype and reason. The kinds the re-check found apart: the protocol's
// closing (a yes/no question and a near-verbatim closing statement) and co-witness information
// (coded co-witness live and "leading declarative" in the final feedback). Through the core, as
// the app calls it, in English and Latin American Spanish.
import type { Core } from '../../../src/api/core';
import { call, makeVault, removeDir } from '../../helpers/core';

jest.setTimeout(180_000);

const PASS = 'a long practice passphrase';
let core: Core & { vaultDir: string };

beforeAll(async () => {
  core = await makeVault();
  await call(core, 'users.add', {
    username: 'tina',
    displayName: 'Tina Trainee',
    role: 'interviewer',
    passphrase: PASS,
  });
  await call(core, 'vault.lock', {});
  await call(core, 'vault.unlock', { username: 'tina', passphrase: PASS });
});
afterAll(() => {
  core.close();
  removeDir(core.vaultDir);
});

const STEPS = {
  en: [
    ['rapport', 'Tell me about things you like to do.'],
    ['investigation', 'Tell me everything that happened, from the very beginning to the end.'],
    ['investigation', 'And then what happened?'],
    // Co-witness information, in the words of a statement that names unsaid details.
    ['investigation', 'Your classmates said that Mr. Dan broke a book.'],
    ['investigation', 'Everybody else already told me what happened.'],
    ['investigation', 'Tell me more about that.'],
    // The protocol's closing: its question and a near-verbatim closing statement.
    ['closing', 'Is there anything else you think I should know?'],
    // The 3-5 band's closing (the scenario's child is young), the safe adult's slot filled.
    ['closing', 'Thank you for talking with me today. If you want to talk again, tell your mom.'],
  ],
  es: [
    ['rapport', 'Cuéntame sobre las cosas que te gusta hacer.'],
    ['investigation', 'Cuéntame todo lo que pasó, desde el principio hasta el final.'],
    ['investigation', '¿Y después qué pasó?'],
    ['investigation', 'Tus compañeros dijeron que el señor Dan rompió un libro.'],
    ['investigation', 'Todos los demás ya me contaron lo que pasó.'],
    ['investigation', 'Cuéntame más sobre eso.'],
    ['closing', '¿Hay algo más que creas que yo debería saber?'],
    ['closing', 'Gracias por hablar conmigo hoy. Si quieres hablar otra vez, díselo a tu mamá.'],
  ],
} as const;

test.each(['en', 'es'] as const)(
  '%s: every question has one code, live and in the feedback',
  async (language) => {
    for (const seed of [3, 8]) {
      const { sessionId } = await call(core, 'training.start', {
        scenarioId: 'visitor-nothing',
        seed,
        language,
      });
      const live: Array<{ type: string; subtype: string; reason: string; recommended: boolean }> =
        [];
      let phase = '';
      for (const [phaseId, text] of STEPS[language]) {
        if (phaseId !== phase) await call(core, 'sessions.enterPhase', { sessionId, phaseId });
        phase = phaseId;
        const r = await call(core, 'training.ask', { sessionId, text });
        live.push(r.coding);
      }
      const { feedback } = await call(core, 'training.finish', { sessionId });
      live.forEach((c, i) => {
        const n = i + 1;
        // The counted type (and the review row's) is the live type.
        expect([n, feedback.coded?.[i]?.type]).toEqual([n, c.type]);
        const flag = feedback.flagged.find((f) => f.questionNumber === n);
        if (flag)
          expect([n, flag.type, flag.subtype, flag.reason]).toEqual([
            n,
            c.type,
            c.subtype,
            c.reason,
          ]);
        // A question the chip did not mark is never flagged afterwards.
        if (c.recommended) expect([n, flag]).toEqual([n, undefined]);
      });
      // The kinds of the re-check, named as the coach names them.
      for (const i of [3, 4]) {
        expect([i + 1, live[i]?.subtype]).toEqual([i + 1, 'co-witness']);
        const flag = feedback.flagged.find((f) => f.questionNumber === i + 1);
        expect(flag?.subtype).toBe('co-witness');
        expect(flag?.reason).not.toMatch(/leading declarative|afirmación que dirige/iu);
      }
      expect(feedback.flagged.find((f) => f.questionNumber === 4)?.reason).toMatch(
        /Garven et al\. 1998/u,
      );
      // The protocol's closing question and statement cost nothing, live or after.
      for (const i of [6, 7]) {
        expect([i + 1, live[i]?.recommended]).toEqual([i + 1, true]);
        expect(feedback.coded?.[i]?.scripted).toBe(true);
      }
    }
  },
);
