#!/usr/bin/env node
// The `hearth` command. Runs the compiled CLI from dist/ (build it with `npm run build`).
'use strict';
const path = require('node:path');
const fs = require('node:fs');

const entry = path.join(__dirname, '..', 'dist', 'src', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  console.error('hearth: the CLI is not built yet. Run `npm run build` first.');
  process.exit(2);
}
require(entry)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
