// Progress of a long core operation (vault.check, vault.backup): the core streams
// { type: 'progress', channel, step, percent } events while the call runs; this shows the
// current step's name and a bar, and is read out politely by screen readers.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../bridge/context';

export interface Progress {
  step: string;
  percent: number;
}

/** The latest progress event of `channel` while `active`; null before the first one. */
export function useProgress(channel: string, active: boolean): Progress | null {
  const client = useClient();
  const [progress, setProgress] = useState<Progress | null>(null);
  useEffect(() => {
    if (!active) return;
    setProgress(null);
    const off = client.onEvent((e) => {
      if (e.type === 'progress' && e.channel === channel)
        setProgress({ step: e.step, percent: e.percent });
    });
    return off;
  }, [client, channel, active]);
  return progress;
}

/** A labelled bar: "<step name>: 40 %". Step names are translated under progress.steps. */
export function ProgressBar({ id, progress }: { id: string; progress: Progress | null }) {
  const { t } = useTranslation();
  const step = progress
    ? t(`progress.steps.${progress.step}`, { defaultValue: progress.step })
    : '';
  return (
    <div className="field" aria-live="polite">
      <label htmlFor={id}>
        {progress
          ? t('progress.stepAt', { step, percent: progress.percent })
          : t('progress.starting')}
      </label>
      <progress id={id} max={100} {...(progress ? { value: progress.percent } : {})} />
    </div>
  );
}
