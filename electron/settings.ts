// The workstation's shell settings, in settings.json next to the app's user data: the idle lock
// time (the one place it is kept; Settings reads and writes it through the shell channels). A
// missing or broken file means the default: a bad edit must never disable auto-lock.
import { renameSync, readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import {
  DEFAULT_IDLE_LOCK_MINUTES,
  MAX_IDLE_LOCK_MINUTES,
  MIN_IDLE_LOCK_MINUTES,
} from '../src/api/channels/shell';

export { MAX_IDLE_LOCK_MINUTES, MIN_IDLE_LOCK_MINUTES };

export interface ShellSettings {
  idleLockMs: number;
}

const fileSchema = z.object({
  idleLockMinutes: z.number().finite().optional(),
});

/** Parses settings.json's text (null: no file). Minutes are clamped to 1-60; anything else is the default. */
export function parseShellSettings(text: string | null): ShellSettings {
  const defaults: ShellSettings = { idleLockMs: DEFAULT_IDLE_LOCK_MINUTES * 60_000 };
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

/**
 * Writes the idle lock (minutes, already validated) to settings.json, keeping any other field.
 * Written to a temporary file and renamed, so a crash never leaves half a file. Throws on I/O errors.
 */
export function saveIdleLockMinutes(file: string, minutes: number): void {
  let current: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      current = parsed as Record<string, unknown>;
  } catch {
    // No file or a broken one: start from nothing.
  }
  const temp = `${file}.tmp`;
  writeFileSync(temp, `${JSON.stringify({ ...current, idleLockMinutes: minutes }, null, 2)}\n`, {
    mode: 0o600,
  });
  renameSync(temp, file);
}
