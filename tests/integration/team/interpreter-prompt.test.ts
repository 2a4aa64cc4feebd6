// Issue #19 interface: protocols.plan with options.interpreter includes, in every protocol and
// both languages, a prompt whose id contains "interpreter" (the interpreter's introduction).
// The Ten Step introduction is added by the protocols work (#17); this test holds it to that.
import { call, makeCore, removeDir } from '../../helpers/core';

// Several Argon2id sign-ins per test: generous, machine-independent timeouts.
jest.setTimeout(180_000);

test.each(['en', 'es'] as const)(
  'every protocol plan has an interpreter prompt (%s)',
  async (language) => {
    const core = makeCore();
    try {
      const { protocols } = await call(core, 'protocols.list', { language });
      const missing: string[] = [];
      for (const p of protocols) {
        // The youngest age of the protocol's first band ("3-5" -> 3), so every protocol accepts it.
        const age = Number.parseInt(p.ageBands[0] ?? '8', 10);
        const plan = await call(core, 'protocols.plan', {
          protocolId: p.id,
          ageYears: Number.isNaN(age) ? 8 : age,
          language,
          options: { interpreter: true },
        });
        if (!JSON.stringify(plan).match(/"id":"[^"]*interpreter[^"]*"/)) missing.push(p.id);
      }
      expect(missing).toEqual([]);
    } finally {
      core.close();
      removeDir(core.vaultDir);
    }
  },
);
