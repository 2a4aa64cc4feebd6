// train29 (issue #18, looked at as a user): the practice progress PDF's table headers are whole
// words in both languages. The Spanish report said «Invit.» and «Falsos» (false what?) where the
// English says "Invitations" and "False details"; the columns now fit «Invitaciones» and
// «Detalles falsos» without the ellipsis the PDF puts on a header too wide for its column.
import { builtInScenarios } from '../../../src/training';
import { renderProgressPdf } from '../../../src/training/progress-pdf';
import type { ProgressSeries } from '../../../src/training/service';
import { textsFor } from '../../../src/training/texts';
import { pdfText } from '../../helpers/stored-bundles';

function series(language: 'en' | 'es'): ProgressSeries {
  const sessions = builtInScenarios(language)
    .slice(0, 3)
    .map((sc, i) => ({
      sessionId: `sess_${i}`,
      startedAt: `2026-11-0${i + 1}T10:00:00.000Z`,
      finishedAt: `2026-11-0${i + 1}T10:25:00.000Z`,
      scenarioId: sc.id,
      scenarioTitle: sc.title,
      ageYears: sc.ageYears,
      session: 1,
      questions: 10,
      recommendedShare: 0.5,
      invitationShare: 0.4 + i * 0.1,
      optionPosing: 2,
      suggestive: 1,
      reviewed: false,
      trueFactsElicited: 3,
      trueFactsTotal: 9,
      falseDetails: i,
    }));
  return {
    trainee: 'mrodriguez',
    displayName: 'María Rodríguez',
    sessions,
    inProgress: 0,
  };
}

test.each(['en', 'es'] as const)(
  'every column header of the %s table is printed whole',
  async (language) => {
    const labels = textsFor(language).report;
    const heads = [
      labels.colDate,
      labels.colScenario,
      labels.colAge,
      labels.colQuestions,
      labels.colShare,
      labels.colFacts,
      labels.colFalse,
    ];
    const out = await renderProgressPdf(
      series(language),
      language,
      new Date('2026-12-03T08:00:00Z'),
    );
    const text = pdfText(out.bytes);
    for (const head of heads) expect([head, text.includes(`${head} `)]).toEqual([head, true]);
    expect(text).not.toMatch(/\S…/u);
    if (language === 'es') {
      expect(labels.colShare).toBe('Invitaciones');
      expect(labels.colFalse).toBe('Detalles falsos');
    }
  },
);
