// ui30 (issues #18/#22): every row of a sealed export that names a phase names it by its title in
// the interview's language, for every protocol, the phase the session starts in included (it is
// entered without a `phase-entered` event: rendition 9 printed its id, "introduction", under a
// reluctance row recorded in it). The titles are the plan's (the protocol definition's wording in
// the interview language), sealed in transcript.json; the txt and the PDF are what verify re-renders.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planSession } from '../../../src/protocols';
import { wordsFor } from '../../../src/export/words';
import { pdfText } from '../../helpers/stored-bundles';
import { call, makeVault, removeDir, tempDir } from '../../helpers/core';

jest.setTimeout(600_000);

const CASES = ['nichd', 'ten-step', 'ncac', 'abe'].flatMap((p) =>
  (['en', 'es'] as const).map((l) => [p, l] as const),
);

test.each(CASES)(
  '%s (%s): each phase row names the phase by its title',
  async (protocolId, language) => {
    const core = await makeVault();
    const out = tempDir();
    try {
      const { caseId } = await call(core, 'cases.create', {
        reference: `PL-${protocolId}-${language}`,
        childAlias: 'Robin',
        childAgeYears: 8,
        language,
      });
      const { sessionId } = await call(core, 'sessions.start', {
        caseId,
        protocolId,
        mode: 'live',
        language,
      });
      const phases = planSession(protocolId, 8, language).sessions[0]!.phases;
      // Recorded in the phase the session starts in, before any phase is entered.
      await call(core, 'sessions.markReluctance', { sessionId });
      await call(core, 'sessions.markPersonNamed', { sessionId });
      for (const phase of phases.slice(1, 3))
        await call(core, 'sessions.enterPhase', { sessionId, phaseId: phase.id });
      await call(core, 'sessions.withdrawReluctance', { sessionId });
      await call(core, 'sessions.finalize', { sessionId });
      const exported = await call(core, 'export.sealed', {
        sessionId,
        outDir: out,
        reason: 'ui30',
      });
      const txt = readFileSync(join(exported.path, 'transcript.txt'), 'utf8');
      const w = wordsFor({ language, utcOffsetMinutes: 0, version: 10 });
      const lines = txt.split('\n');
      const bodyUnder = (label: string) =>
        lines.flatMap((l, i) => (l.endsWith(`  ${label}`) ? [lines[i + 1]!.trim()] : []));
      const [first, second, third] = phases.map((p) => p.title);
      expect(bodyUnder(w.event('reluctance-noted'))).toEqual([first]);
      expect(bodyUnder(w.event('person-named'))).toEqual([first]);
      expect(bodyUnder(w.t('phaseEntered'))).toEqual([second, third]);
      expect(bodyUnder(w.event('reluctance-withdrawn'))).toEqual([third]);
      // No row prints a phase id in place of its title.
      for (const p of phases) expect(lines).not.toContain(`    ${p.id}`);
      // The PDF the verifier re-renders says the same: the first phase's title in the phases list
      // and under both rows; in Spanish its (English) id nowhere (an English source line may use
      // the word itself, "interview instructions").
      const pdf = pdfText(readFileSync(join(exported.path, 'transcript.pdf')));
      expect(pdf.split(first!).length - 1).toBeGreaterThanOrEqual(3);
      if (language === 'es')
        expect(pdf).not.toMatch(new RegExp(`(?<![\\w-])${phases[0]!.id}(?![\\w-])`, 'iu'));
    } finally {
      core.close();
      removeDir(out);
    }
  },
);
