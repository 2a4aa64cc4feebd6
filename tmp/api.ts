import { call, makeVault, removeDir } from '../tests/helpers/core';
const PASS = 'a long practice passphrase';
async function main() {
  const core = await makeVault();
  await call(core, 'users.add', { username: 'tina', displayName: 'Tina Trainee', role: 'interviewer', passphrase: PASS });
  await call(core, 'vault.lock', {});
  await call(core, 'vault.unlock', { username: 'tina', passphrase: PASS });
  const list = await call(core, 'training.list' as any, { language: process.argv[2] ?? 'en' });
  console.log(JSON.stringify(list, null, 1).slice(0, 3000));
  core.close(); removeDir(core.vaultDir);
}
main().catch((e) => { console.error(e); process.exit(1); });
