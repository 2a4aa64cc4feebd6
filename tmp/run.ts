import { call, makeVault, removeDir } from '../tests/helpers/core';
const PASS = 'a long practice passphrase';
export type Step = [string, string[]];
export async function withCore<T>(fn: (core: any) => Promise<T>): Promise<T> {
  const core = await makeVault();
  await call(core, 'users.add', { username: 'tina', displayName: 'Tina Trainee', role: 'interviewer', passphrase: PASS });
  await call(core, 'vault.lock', {});
  await call(core, 'vault.unlock', { username: 'tina', passphrase: PASS });
  try { return await fn(core); } finally { core.close(); removeDir(core.vaultDir); }
}
export async function interview(core: any, scenarioId: string, language: 'en'|'es', seed: number, steps: Step[], conclusion?: string, continues?: string, quiet = false) {
  const { sessionId } = await call(core, 'training.start', { scenarioId, seed, language, ...(continues ? { continues } : {}) } as any);
  const log: string[] = [];
  for (const [phaseId, qs] of steps) {
    await call(core, 'sessions.enterPhase', { sessionId, phaseId } as any);
    for (const text of qs) {
      const r: any = await call(core, 'training.ask', { sessionId, text } as any);
      log.push(`Q${r.questionNumber} [${phaseId}] ${text}\n   [${r.coding?.type}${r.coding?.scripted ? ' scripted' : ''}] -> ${r.answer}   kw=${JSON.stringify(r.keywords)}${r.coding?.suggestion ? '  SUGG=' + r.coding.suggestion : ''}`);
    }
  }
  const { feedback }: any = await call(core, 'training.finish', { sessionId, ...(conclusion ? { conclusion } : {}) } as any);
  if (!quiet) { console.log(log.join('\n')); }
  return { sessionId, feedback, log };
}
