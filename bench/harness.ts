// Shared benchmark plumbing: timing helpers and a markdown table printer. Benchmarks print
// figures with their targets; they never fail a test run (machines here are shared and noisy).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface BenchRow {
  /** What was measured, e.g. "list 15,000 cases". */
  metric: string;
  value: number;
  unit: string;
  /** Human-readable target, e.g. "< 300 ms"; empty when there is none. */
  target?: string;
  /** Whether the target is met; undefined when there is no target. */
  met?: boolean;
}

export interface BenchReport {
  name: string;
  rows: BenchRow[];
  /** Extra tables (e.g. a confusion matrix) printed after the rows, already in markdown. */
  extra?: string;
}

export type Bench = () => Promise<BenchReport>;

/** Milliseconds elapsed while running fn, measured with the monotonic clock. */
export async function timeMs(fn: () => unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

export function median(samples: number[]): number {
  return percentile(samples, 50);
}

function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 1) return value.toFixed(2);
  return value.toPrecision(3);
}

export function toMarkdown(report: BenchReport): string {
  const lines = [
    `### ${report.name}`,
    '',
    '| metric | value | unit | target | met |',
    '|---|---:|---|---|---|',
    ...report.rows.map(
      (r) =>
        `| ${r.metric} | ${formatValue(r.value)} | ${r.unit} | ${r.target ?? ''} | ${
          r.met === undefined ? '' : r.met ? 'yes' : 'NO'
        } |`,
    ),
  ];
  if (report.extra) lines.push('', report.extra);
  return lines.join('\n');
}

export function writeJson(report: BenchReport, outDir = join(__dirname, 'out')): string {
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `${report.name}.json`);
  writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  return file;
}
