// Practitioner review 9, P9-2 (issue #17: the putative-confession option is "enabled per session
// with a recorded MDT/prosecutor decision"): the team's decision and Hearth's break-reminder
// choice, sealed in session-started.planOptions, are printed in the header of transcript.txt and
// of the PDF (rendition 6), from the sealed event alone: a session started through the core with
// no renderer note still shows who decided. A session without the decision prints no such line,
// and one that sealed no break choice says the age band's default was used. The bundle verifies
// (the verifier re-renders the same header).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { call, makeVault, removeDir, tempDir } from '../../helpers/core';

jest.setTimeout(300_000);

const DECIDED_BY = 'MDT 30 Nov: ADA Kim, Det. Ruiz';
// [label, value] pairs: the txt prints "label: value", the PDF the label in its own column.
const WORDS = {
  en: {
    pc: [
      'Putative-confession option',
      `allowed for this session by the team's recorded decision (MDT and prosecutor): ${DECIDED_BY} (sealed at the session's start); to be offered only after the child named the person`,
    ],
    every: [
      'Break reminder',
      "every 20 min (Hearth's heuristic, not a protocol rule; sealed at the session's start)",
    ],
    off: ['Break reminder', "off (sealed at the session's start)"],
    byDefault: ['Break reminder', "Hearth's default for age band 6-9"],
  },
  es: {
    pc: [
      'Opción de confesión supuesta', // rendition 7 uses the UI's term (es-419 review, session 10)
      `permitida en esta sesión por la decisión registrada del equipo (equipo multidisciplinario y fiscalía): ${DECIDED_BY} (sellada al inicio de la sesión); solo se ofrece después de que la persona entrevistada nombró a la persona`,
    ],
    every: [
      'Recordatorio de descanso',
      'cada 20 min (heurística de Hearth, no es una regla del protocolo; sellado al inicio de la sesión)',
    ],
    off: ['Recordatorio de descanso', 'desactivado (sellado al inicio de la sesión)'],
    byDefault: [
      'Recordatorio de descanso',
      'el intervalo predeterminado de Hearth para la franja de edad 6-9',
    ],
  },
} as const;

/** Both copies show the row: "label: value" in the txt, "label value" in the PDF's columns. */
function expectRow(
  copies: { txt: string; pdf: string },
  [label, value]: readonly [string, string],
) {
  expect(copies.txt).toContain(`${label}: ${value}`);
  expect(copies.pdf).toContain(`${label} ${value}`);
}

const flat = (s: string) => s.replace(/\s+/g, ' ');
const pdfText = (path: string) =>
  flat(execFileSync('pdftotext', [join(path, 'transcript.pdf'), '-'], { encoding: 'utf8' }));

describe.each(['en', 'es'] as const)('sealed plan choices in the header (%s)', (language) => {
  test('the decision and the break choice are printed from the sealed start', async () => {
    const core = await makeVault();
    const out = tempDir();
    const words = WORDS[language];
    try {
      const { caseId } = await call(core, 'cases.create', {
        reference: `P9-2-${language}`,
        childAlias: 'Robin',
        childAgeYears: 7,
        language,
      });
      const sealed = async (planOptions?: object): Promise<{ txt: string; pdf: string }> => {
        const { sessionId } = await call(core, 'sessions.start', {
          caseId,
          protocolId: 'ten-step',
          mode: 'live',
          language,
          ...(planOptions ? { planOptions } : {}),
        });
        await call(core, 'sessions.finalize', { sessionId });
        const exported = await call(core, 'export.sealed', {
          sessionId,
          outDir: out,
          reason: 'p9',
        });
        expect(
          await call(core, 'export.verify', {
            path: exported.path,
            publicKey: (await call(core, 'keys.centrePublicKey', {})).publicKey,
          }),
        ).toMatchObject({ valid: true });
        return {
          txt: flat(readFileSync(join(exported.path, 'transcript.txt'), 'utf8')),
          pdf: pdfText(exported.path),
        };
      };

      const withPc = await sealed({
        breakReminderMinutes: 20,
        putativeConfession: { decidedBy: DECIDED_BY, personNamed: 'this-interview' },
      });
      expectRow(withPc, words.pc);
      expectRow(withPc, words.every);

      const off = await sealed({ breakReminderMinutes: null });
      for (const copy of [off.txt, off.pdf]) expect(copy).not.toContain(words.pc[0]);
      expectRow(off, words.off);

      const plain = await sealed();
      for (const copy of [plain.txt, plain.pdf]) expect(copy).not.toContain(words.pc[0]);
      expectRow(plain, words.byDefault);
    } finally {
      core.close();
      removeDir(out);
      removeDir(core.vaultDir);
    }
  });
});
