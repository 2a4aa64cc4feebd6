// Import a transcript as users meet it: choose a file, drop it or paste it; see what was found
// (format, speaker labels and how often each speaks, the first turns, warnings); give each label
// a role; then import it as an encrypted review session and show its report. Problems name the
// line and what to do next.
import { useEffect, useMemo, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SPEAKER_ROLES } from '../../src/questions';
import { useClient } from '../bridge/context';
import {
  asInterviewLanguage,
  INTERVIEW_LANGUAGES,
  type InterviewLanguage,
} from '../plan/languages';
import { keepPendingImport, pendingImport, rememberedRole, rememberRoles } from './speaker-memory';
import { ImportProblemNotice } from './transcript-problem';
import {
  formatOffset,
  labelKey,
  readSource,
  toBase64,
  UNLABELLED,
  problemOf,
  type ImportProblem,
  type Source,
  type SpeakerRole,
  type TranscriptDraft,
} from './transcript-model';

const PREVIEW_TURNS = 8;

/** A file's bytes (FileReader where Blob.arrayBuffer is missing, as in older engines). */
function fileBytes(file: File): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function')
    return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(new Error('read'));
    reader.readAsArrayBuffer(file);
  });
}

export interface ImportedTranscript {
  sessionId: string;
  turns: number;
  warnings: Array<{ code: string; count: number }>;
}

export function TranscriptImport({
  onImported,
}: {
  onImported: (imported: ImportedTranscript) => void;
}) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  // An import left for another screen comes back as it was (file, text, language, roles).
  const [kept] = useState(pendingImport);
  const [pasted, setPasted] = useState(kept?.pasted ?? '');
  const [fileName, setFileName] = useState<string | null>(kept?.fileName ?? null);
  const [source, setSource] = useState<Source | null>(kept?.source ?? null);
  // The interview's language decides how questions are coded: start from the app's language.
  const [language, setLanguage] = useState<InterviewLanguage>(
    () => kept?.language ?? asInterviewLanguage(i18n.language.slice(0, 2)),
  );
  const [draft, setDraft] = useState<TranscriptDraft | null>(() => {
    const again = kept?.source ? readSource(kept.source) : null;
    return again && !('reason' in again) ? again : null;
  });
  const [problem, setProblem] = useState<ImportProblem | null>(null);
  const [roles, setRoles] = useState<Record<string, SpeakerRole | ''>>(kept?.roles ?? {});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const started = source !== null || pasted.trim() !== '';
    keepPendingImport(started ? { source, fileName, pasted, language, roles } : null);
  }, [source, fileName, pasted, language, roles]);

  const read = (next: Source) => {
    setSource(next);
    const result = readSource(next);
    if ('reason' in result) {
      setDraft(null);
      setProblem(result);
      return;
    }
    setProblem(null);
    setDraft(result);
    setRoles(
      Object.fromEntries(
        result.labels.map((l) => [labelKey(l.label), rememberedRole(l.label) ?? l.role ?? '']),
      ),
    );
  };

  const readFile = async (file: File) => {
    setFileName(file.name);
    read({ kind: 'file', bytes: await fileBytes(file) });
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    const file = e.dataTransfer.files[0];
    if (file) void readFile(file);
  };

  const unmapped = useMemo(
    () => (draft ? draft.labels.filter((l) => !roles[labelKey(l.label)]).length : 0),
    [draft, roles],
  );

  const importIt = async () => {
    if (!draft || !source) return;
    const mapping = draft.labels.flatMap((l) => {
      const role = roles[labelKey(l.label)];
      return role ? [{ label: l.label, role }] : [];
    });
    setBusy(true);
    const result = await client.call('questions.importTranscript', {
      ...(source.kind === 'file' ? { bytes: toBase64(source.bytes) } : { text: source.text }),
      language,
      mapping,
    });
    setBusy(false);
    if (!result.ok) {
      setProblem(problemOf(result.error));
      return;
    }
    rememberRoles(mapping.filter((m) => m.label !== UNLABELLED));
    keepPendingImport(null);
    onImported({
      sessionId: result.value.sessionId,
      turns: result.value.turns,
      warnings: result.value.warnings,
    });
  };

  return (
    <section className="panel transcript-import" aria-labelledby="import-title">
      <h2 id="import-title">{t('transcript.title')}</h2>
      <p className="field-hint">{t('transcript.hint')}</p>
      <div
        className="drop-zone"
        data-testid="drop-zone"
        onDragOver={(e) => e.preventDefault()}
        onDrop={onDrop}
      >
        <label htmlFor="transcript-file">{t('transcript.chooseFile')}</label>
        <input
          id="transcript-file"
          type="file"
          accept=".vtt,.srt,.txt,.md,text/vtt,text/plain"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void readFile(file);
          }}
        />
        <p className="field-hint">
          {fileName ? t('transcript.chosen', { name: fileName }) : t('transcript.drop')}
        </p>
      </div>
      <label htmlFor="transcript-text">{t('transcript.pasteLabel')}</label>
      <textarea
        id="transcript-text"
        rows={6}
        value={pasted}
        onChange={(e) => setPasted(e.target.value)}
      />
      <div className="field">
        <label htmlFor="transcript-language">{t('plan.language')}</label>
        <select
          id="transcript-language"
          value={language}
          onChange={(e) => setLanguage(asInterviewLanguage(e.target.value))}
        >
          {INTERVIEW_LANGUAGES.map((code) => (
            <option key={code} value={code}>
              {t(`languages.${code}`)}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        disabled={pasted.trim() === ''}
        onClick={() => {
          setFileName(null);
          read({ kind: 'text', text: pasted });
        }}
      >
        {t('transcript.readPasted')}
      </button>
      {problem ? <ImportProblemNotice problem={problem} /> : null}
      {draft ? (
        <TranscriptPreview
          draft={draft}
          roles={roles}
          onRole={(key, role) => setRoles((r) => ({ ...r, [key]: role }))}
        />
      ) : null}
      {draft ? (
        <div className="import-actions">
          {unmapped > 0 ? (
            <p className="field-hint" id="import-blocked">
              {t('transcript.chooseRoles', { count: unmapped })}
            </p>
          ) : null}
          <button
            type="button"
            className="button-primary"
            disabled={unmapped > 0 || busy}
            aria-describedby={unmapped > 0 ? 'import-blocked' : undefined}
            onClick={() => void importIt()}
          >
            {t('transcript.import')}
          </button>
        </div>
      ) : null}
    </section>
  );
}

function TranscriptPreview({
  draft,
  roles,
  onRole,
}: {
  draft: TranscriptDraft;
  roles: Record<string, SpeakerRole | ''>;
  onRole: (key: string, role: SpeakerRole | '') => void;
}) {
  const { t } = useTranslation();
  const labelText = (label: string) => (label === UNLABELLED ? t('transcript.noLabel') : label);
  return (
    <section aria-labelledby="preview-title" className="transcript-preview">
      <h3 id="preview-title">{t('transcript.preview')}</h3>
      <p data-testid="preview-summary">
        {t('transcript.summary', {
          format: t(`transcript.formats.${draft.layout ?? draft.format}`),
          encoding: t(`transcript.encodings.${draft.encoding}`),
          count: draft.turns.length,
        })}
      </p>
      {draft.warnings.length > 0 ? (
        <ul className="import-warnings" aria-label={t('transcript.warningsLabel')}>
          {draft.warnings.map((w) => (
            <li key={w.code}>{t(`transcript.warnings.${w.code}`, { count: w.count })}</li>
          ))}
        </ul>
      ) : null}
      <table className="compact speaker-map">
        <caption>{t('transcript.labelsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('transcript.label')}</th>
            <th scope="col">{t('transcript.turns')}</th>
            <th scope="col">{t('transcript.role')}</th>
          </tr>
        </thead>
        <tbody>
          {draft.labels.map((l) => {
            const key = labelKey(l.label);
            const id = `role-${key.replace(/[^a-z0-9]+/g, '-') || 'none'}`;
            return (
              <tr key={key}>
                <th scope="row">
                  <label htmlFor={id}>{labelText(l.label)}</label>
                </th>
                <td>{l.count}</td>
                <td>
                  <select
                    id={id}
                    value={roles[key] ?? ''}
                    onChange={(e) => onRole(key, e.target.value as SpeakerRole | '')}
                  >
                    <option value="">{t('transcript.chooseRole')}</option>
                    {SPEAKER_ROLES.map((role) => (
                      <option key={role} value={role}>
                        {t(`transcript.roles.${role}`)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h4>{t('transcript.firstTurns', { count: Math.min(PREVIEW_TURNS, draft.turns.length) })}</h4>
      <ol className="turn-preview">
        {draft.turns.slice(0, PREVIEW_TURNS).map((turn) => (
          <li key={turn.line}>
            {turn.startMs !== undefined ? (
              <span className="turn-time">{formatOffset(turn.startMs)}</span>
            ) : null}{' '}
            <strong>{labelText(turn.label ?? UNLABELLED)}</strong>
            {roles[labelKey(turn.label ?? UNLABELLED)] ? (
              <span className="tag">
                {t(`transcript.roles.${roles[labelKey(turn.label ?? UNLABELLED)]}`)}
              </span>
            ) : null}{' '}
            {turn.text}
          </li>
        ))}
      </ol>
    </section>
  );
}
