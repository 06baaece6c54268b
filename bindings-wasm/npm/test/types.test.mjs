// The TypeScript declarations: `tsc --noEmit` on a usage example against the installed package
// (as an ES module and as CommonJS), the example compiled and run against the sandbox, and the
// declared methods match the runtime's.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { execFile, execFileSync } from "node:child_process";
import { lasku, PKG_DIR, NPM_DIR, ROOT, startSandbox } from "./helpers.mjs";

const TSC = process.env.LASKU_TSC ?? path.join(ROOT, ".tools", "wasm", "node_modules", ".bin", "tsc");

/** Copies the example into a folder of the install and runs tsc on it; returns the folder. */
function typecheck(kind, ...flags) {
  const dir = path.join(PKG_DIR, `ts-check-${kind}${flags.length ? "-emit" : ""}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir);
  for (const file of ["usage.ts", "tsconfig.json"]) fs.copyFileSync(path.join(NPM_DIR, "examples", file), path.join(dir, file));
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ private: true, type: kind }));
  try {
    execFileSync(TSC, ["-p", "tsconfig.json", ...(flags.length ? flags : ["--noEmit"])], { cwd: dir, encoding: "utf8", stdio: "pipe" });
  } catch (error) {
    assert.fail(`tsc (${kind}) failed:\n${error.stdout}${error.stderr}`);
  }
  return dir;
}

test("tsc --noEmit accepts the usage example as an ES module (and rejects what it must)", { skip: !fs.existsSync(TSC) && "no tsc" }, () => {
  typecheck("module");
});

test("tsc --noEmit accepts the usage example as CommonJS", { skip: !fs.existsSync(TSC) && "no tsc" }, () => {
  typecheck("commonjs");
});

test("the usage example, compiled, runs against the sandbox", { skip: !fs.existsSync(TSC) && "no tsc" }, async () => {
  const dir = typecheck("module", "--noEmit", "false", "--outDir", "out");
  const sandbox = await startSandbox();
  try {
    const script = `import("./out/usage.js").then((m) => m.tour(process.argv[1])).catch((e) => { console.error(e); process.exit(1); })`;
    const output = await new Promise((resolve, reject) => {
      execFile(process.execPath, ["-e", script, sandbox.baseUrl], { cwd: dir, encoding: "utf8", timeout: 60_000 }, (error, stdout, stderr) =>
        error ? reject(new Error(`the tour failed: ${error.message}\n${stdout}\n${stderr}`)) : resolve(stdout),
      );
    });
    assert.match(output, /accepted in batch \d+/);
    assert.match(output, /invalid: amount\.total/);
    const operations = new Set((await sandbox.hits()).map((h) => h.Operation));
    for (const op of ["create_invoice", "retrieve_invoice_status", "update_invoice", "submit_invoice_payment", "list_sales_invoices", "list_products", "submit_sales_invoice_batch", "list_batch_uploads"]) {
      assert.ok(operations.has(op), `${op} was called: ${[...operations].join(", ")}`);
    }
  } finally {
    sandbox.stop();
  }
});

test("the declared operations are exactly the runtime's methods", () => {
  const installed = path.dirname(path.join(PKG_DIR, "node_modules", "lasku", "package.json"));
  const dts = fs.readFileSync(path.join(installed, "types", "operations.d.ts"), "utf8");
  const body = dts.slice(dts.indexOf("export interface Operations {"));
  const declared = [...body.matchAll(/^ {2}(\w+)\(/gm)].map((m) => m[1]).sort();
  const runtime = lasku.operations.map((op) => op.method).sort();
  assert.deepEqual(declared, runtime);
  for (const method of runtime) assert.equal(typeof lasku.Client.prototype[method], "function", method);
  const index = fs.readFileSync(path.join(installed, "index.d.ts"), "utf8");
  for (const name of Object.keys(lasku)) {
    assert.match(index, new RegExp(`export declare (class|function|const) ${name}\\b`), `${name} is declared`);
  }
});

test("the declarations compile on TypeScript before 5.7 (no generic Uint8Array<...>)", () => {
  // `Uint8Array<ArrayBuffer>` is TS2315 ("Type 'Uint8Array' is not generic") before 5.7.
  const installed = path.dirname(path.join(PKG_DIR, "node_modules", "lasku", "package.json"));
  const files = ["index.d.ts", ...fs.readdirSync(path.join(installed, "types")).map((f) => path.join("types", f))];
  for (const file of files) {
    const text = fs
      .readFileSync(path.join(installed, file), "utf8")
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/\/\/.*$/gm, "");
    assert.doesNotMatch(text, /\b(Uint8Array|ArrayBuffer|Int8Array|Uint16Array|Int16Array|Uint32Array|Int32Array|Float32Array|Float64Array|DataView|Buffer)</, file);
  }
});

test("runtime classes are declared as classes (so instanceof type-checks)", () => {
  const installed = path.dirname(path.join(PKG_DIR, "node_modules", "lasku", "package.json"));
  const index = fs.readFileSync(path.join(installed, "index.d.ts"), "utf8");
  for (const [name, value] of Object.entries(lasku)) {
    if (typeof value === "function" && /^class\b/.test(Function.prototype.toString.call(value))) {
      assert.match(index, new RegExp(`export declare class ${name}\\b`), `${name} is a class at run time`);
    }
  }
});
