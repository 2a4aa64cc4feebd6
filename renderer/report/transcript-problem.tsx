// A transcript that cannot be imported: what is wrong, on which line, and what to do, in the
// user's language. Built from the importer's code or rule, never from its English message.
import { useTranslation } from 'react-i18next';
import type { ImportProblem } from './transcript-model';

const KNOWN = new Set([
  'BAD_ENCODING',
  'NOT_TRANSCRIPT',
  'MISSING_WEBVTT',
  'BAD_TIMING',
  'TEXT_BEFORE_CUE',
  'UNMAPPED_LABELS',
  'NO_INTERVIEWER',
  'NO_TURNS',
  'TRANSCRIPT_TOO_LARGE',
  'TOO_MANY_TURNS',
]);

export function ImportProblemNotice({ problem }: { problem: ImportProblem }) {
  const { t } = useTranslation();
  const key = KNOWN.has(problem.reason) ? problem.reason : 'OTHER';
  return (
    <div className="notice" role="alert" data-testid="import-problem">
      <p>
        <span className="notice-what">
          {t(`transcript.problems.${key}.what`, {
            kind: t(`transcript.fileKinds.${problem.fileKind ?? 'binary'}`),
          })}
        </span>
        {problem.line !== undefined ? ` ${t('transcript.atLine', { line: problem.line })}` : ''}
      </p>
      <p>{t(`transcript.problems.${key}.next`)}</p>
    </div>
  );
}
