// Durations as h:mm:ss / m:ss, the way interviewers read a recording counter.
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return '–';
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

export function formatDateTime(iso: string | undefined, language: string): string {
  if (!iso) return '–';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '–';
  return date.toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * A time exactly as the bundle's PDF prints it ("2026-03-04 10:15:02 UTC", as utcTime in
 * src/export/format.ts), then the local time in brackets: what a prosecutor compares with the
 * PDF must read the same, character for character. `iso` is an ISO 8601 UTC string.
 */
export function formatPdfTime(iso: string | undefined, language: string): string {
  if (!iso) return '–';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '–';
  const utc = date.toISOString();
  const local = date.toLocaleString(language, {
    dateStyle: 'medium',
    timeStyle: 'long',
  });
  return `${utc.slice(0, 10)} ${utc.slice(11, 19)} UTC (${local})`;
}
