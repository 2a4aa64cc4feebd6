// Writes bench/RESULTS.md (every table of one `npm run bench` run, with the machine it ran on)
// and bench/ratios.svg (the durable-note cost ratios against their targets).
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { toMarkdown, type BenchReport } from './harness';

function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpus().length} × ${cpu}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, Node ${process.version}, load average at the end ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ')}`;
}

function summary(reports: BenchReport[]): string {
  const withTargets = reports.flatMap((r) =>
    r.rows.filter((row) => row.met !== undefined).map((row) => ({ ...row, bench: r.name })),
  );
  const met = withTargets.filter((r) => r.met).length;
  return [
    `**${met} of ${withTargets.length} targets met.**`,
    '',
    ...withTargets
      .filter((r) => !r.met)
      .map(
        (r) =>
          `- not met: ${r.bench} / ${r.metric} (${r.value.toFixed(2)} ${r.unit}, target ${r.target ?? ''})`,
      ),
  ].join('\n');
}

/** A small horizontal bar chart: one bar per ratio, with its target marked. */
export function ratiosSvg(bars: Array<{ label: string; value: number; target?: number }>): string {
  const width = 640;
  const rowHeight = 36;
  const left = 220;
  const max = Math.max(2, ...bars.map((b) => Math.max(b.value, b.target ?? 0))) * 1.1;
  const x = (v: number) => left + ((width - left - 40) * v) / max;
  const rows = bars.map((b, i) => {
    const y = 40 + i * rowHeight;
    const ok = b.target === undefined || b.value <= b.target;
    const target =
      b.target === undefined
        ? ''
        : `<line x1="${x(b.target)}" x2="${x(b.target)}" y1="${y - 4}" y2="${y + 24}" stroke="#333" stroke-dasharray="4 3"/><text x="${x(b.target) + 4}" y="${y - 6}" font-size="11" fill="#333">target ${b.target}</text>`;
    return `<text x="${left - 8}" y="${y + 15}" font-size="13" text-anchor="end">${b.label}</text><rect x="${left}" y="${y}" width="${x(b.value) - left}" height="20" fill="${ok ? '#3b7a57' : '#b5651d'}"/><text x="${x(b.value) + 6}" y="${y + 15}" font-size="12">${b.value.toFixed(2)}×</text>${target}`;
  });
  const height = 60 + bars.length * rowHeight;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif"><text x="12" y="22" font-size="15" font-weight="bold">Durable encrypted note: cost ratios (p50)</text>${rows.join('')}</svg>\n`;
}

export function writeResults(reports: BenchReport[], dir = __dirname): void {
  const notes = reports.find((r) => r.name === 'notes');
  const ratio = (prefix: string) => notes?.rows.find((r) => r.metric.startsWith(prefix))?.value;
  const bars = [
    { label: 'Hearth / plaintext SQLite (c/b)', value: ratio('ratio c/b'), target: 1.25 },
    { label: 'Hearth / raw fsync (c/a)', value: ratio('ratio c/a') },
    { label: 'Hearth / SQLCipher (c/d)', value: ratio('ratio c/d'), target: 1.0 },
  ].filter(
    (b): b is { label: string; value: number; target?: number } =>
      typeof b.value === 'number' && Number.isFinite(b.value),
  );
  if (bars.length > 0) writeFileSync(join(dir, 'ratios.svg'), ratiosSvg(bars));
  const text = [
    '# Benchmark results',
    '',
    `Produced by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${machine()}.`,
    'Machines here are shared and noisy; each benchmark interleaves or repeats its runs and reports medians.',
    '',
    summary(reports),
    '',
    bars.length > 0 ? '![Durable note cost ratios](ratios.svg)\n' : '',
    ...reports.map((r) => toMarkdown(r) + '\n'),
  ].join('\n');
  writeFileSync(join(dir, 'RESULTS.md'), text);
}
