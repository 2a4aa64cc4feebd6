// Red team 20, R20-6: a trainee's own client writes the write-once record of a trainer
// scenario's next version (`<scenario>:v2`) before the trainer saves it. The trainer's save must
// not fail forever: it takes the next free version; the forged record is never used, and vault
// check keeps naming it and its writer.
import type { RecordAddress } from '../../../src/vault/records';
import { call, removeDir } from '../../helpers/core';
import { checkAsAdmin, signInAs, vaultWithStaff } from '../../helpers/red-team';
import { trainerScenarioInput } from '../../helpers/trainer-scenario';

jest.setTimeout(180_000);

test("a trainee pre-empting a scenario's next version does not block the trainer's save", async () => {
  const core = await vaultWithStaff([
    ['ola', 'interviewer'],
    ['tara', 'trainer'],
  ]);
  try {
    await signInAs(core, 'tara');
    const input = trainerScenarioInput('T1');
    const { scenarioId } = await call(core, 'training.saveScenario', { scenario: input });
    const ola = await signInAs(core, 'ola');
    const current = ola.records.get<Record<string, unknown>>(scenarioId)!;
    const forgedAddress: RecordAddress = {
      recordId: `${scenarioId}:v2`,
      containerId: current.address.containerId,
      kind: 'training-scenario-version',
      seq: 1,
      keyRef: 'class:practice',
    };
    ola.write('training.saveScenario', scenarioId, (put) =>
      put(forgedAddress, { ...current.value, version: 2, title: 'T1 (easy)', lures: [] }),
    );

    await signInAs(core, 'tara');
    const saved = await call(core, 'training.saveScenario', {
      scenario: { ...input, scenarioId, title: 'T1 edited' },
    });
    expect(saved).toEqual({ scenarioId, version: 3 });
    const again = await call(core, 'training.saveScenario', {
      scenario: { ...input, scenarioId, title: 'T1 edited again' },
    });
    expect(again.version).toBe(4);
    const read = await call(core, 'training.getScenario', { scenarioId, language: 'en' });
    expect(read.scenario.title).toBe('T1 edited again');

    const problems = await checkAsAdmin(core);
    const naming = problems.filter((p) => p.id.includes(`${scenarioId}:v2`));
    expect(naming.length).toBeGreaterThan(0);
    expect(naming.some((p) => /ola/.test(p.detail))).toBe(true);
    // Tara's own versions are not named.
    expect(problems.filter((p) => /:v[34]\b/.test(p.id))).toEqual([]);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
