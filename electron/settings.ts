// Shell settings that an administrator sets for a workstation, in settings.json next to the
// app's user data. Only the idle lock time so far. A missing or broken file means defaults: a
// bad edit must never disable auto-lock.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DEFAULT_IDLE_LOCK_MS } from './auto-lock';

/** Bounds on the idle lock: at least a minute, at most an hour (no "never"). */
export const MIN_IDLE_LOCK_MINUTES = 1;
export const MAX_IDLE_LOCK_MINUTES = 60;

export interface ShellSettings {
  idleLockMs: number;
}

const fileSchema = z.object({
  idleLockMinutes: z.number().finite().optional(),
});

export function parseShellSettings(text: string | null): ShellSettings {
  const defaults: ShellSettings = { idleLockMs: DEFAULT_IDLE_LOCK_MS };
  if (text === null) return defaults;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return defaults;
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success || parsed.data.idleLockMinutes === undefined) return defaults;
  const minutes = Math.min(
    MAX_IDLE_LOCK_MINUTES,
    Math.max(MIN_IDLE_LOCK_MINUTES, parsed.data.idleLockMinutes),
  );
  return { idleLockMs: Math.round(minutes * 60_000) };
}

export function loadShellSettings(file: string): ShellSettings {
  let text: string | null;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    text = null;
  }
  return parseShellSettings(text);
}
