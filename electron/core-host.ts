// The core host: the process that holds the vault, its keys, SQLite and Argon2id, off the UI
// thread. Started by the main process with Electron's utilityProcess (and by tests with Node's
// child_process.fork); locking ends it, so the keys leave memory with the process.
import { connectToParent } from './host-port';
import { parseHostArgs } from './host-protocol';
import { runHost } from './host-runtime';

const port = connectToParent();
const args = parseHostArgs(process.argv);
if (port === null || args === null) {
  process.stderr.write('core-host: start me with utilityProcess or fork, and --vault-dir\n');
  process.exit(2);
}
runHost(port, args.vaultDir, (code) => process.exit(code));
