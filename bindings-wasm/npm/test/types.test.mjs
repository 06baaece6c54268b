// The TypeScript declarations: `tsc --noEmit` on a usage example against the installed package
// (as an ES module and as CommonJS), and the declared methods match the runtime's.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { lasku, PKG_DIR, NPM_DIR, ROOT } from "./helpers.mjs";

const TSC = process.env.LASKU_TSC ?? path.join(ROOT, ".tools", "wasm", "node_modules", ".bin", "tsc");

function typecheck(kind) {
  const dir = path.join(PKG_DIR, `ts-check-${kind}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir);
  for (const file of ["usage.ts", "tsconfig.json"]) fs.copyFileSync(path.join(NPM_DIR, "examples", file), path.join(dir, file));
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ private: true, type: kind }));
  try {
    execFileSync(TSC, ["-p", "tsconfig.json", "--noEmit"], { cwd: dir, encoding: "utf8", stdio: "pipe" });
  } catch (error) {
    assert.fail(`tsc (${kind}) failed:\n${error.stdout}${error.stderr}`);
  }
}

test("tsc --noEmit accepts the usage example as an ES module (and rejects what it must)", { skip: !fs.existsSync(TSC) && "no tsc" }, () => {
  typecheck("module");
});

test("tsc --noEmit accepts the usage example as CommonJS", { skip: !fs.existsSync(TSC) && "no tsc" }, () => {
  typecheck("commonjs");
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
