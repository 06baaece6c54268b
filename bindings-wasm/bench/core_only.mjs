// The core's quick path alone (not a test): `prepareInput("submit_sales_invoice_batch", len)` on
// 1,000 invoices written once into the input buffer as `writeBatchArgs` (npm/lib/tools.js) writes
// them; prints the median of many calls.
//   node bindings-wasm/bench/core_only.mjs [--data invoices_1000.json] [--runs 200] [--wasm dir ...]
// Without --wasm it loads the package's core (npm/lib/native.js). Each --wasm names another
// built npm/wasm directory (a copy of one kept for comparing): the cores then take turns, call
// by call, so that a busy machine slows them alike.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const args = { data: path.join(HERE, "../../target/wasm-bench/data/invoices_1000.json"), runs: 200, wasm: [] };
for (let i = 2; i < process.argv.length; i += 2) {
  const name = process.argv[i].replace(/^--/, "");
  if (name === "wasm") args.wasm.push(path.resolve(process.argv[i + 1]));
  else args[name] = process.argv[i + 1];
}
if (!fs.existsSync(args.data)) args.data = "/work/main/target/wasm-bench/data/invoices_1000.json";

const cores = args.wasm.length
  ? args.wasm.map((dir) => ({ name: dir, core: require(path.join(dir, "lasku_wasm.js")) }))
  : [{ name: "npm/lib/native.js", core: require(path.join(HERE, "../npm/lib/native.js")).core }];

const list = fs.readFileSync(args.data, "utf8").trim();
const text = `{"batch":{"SalesInvoices":[{"SalesInvoice":${list}}]}}`;
const bytes = new TextEncoder().encode(text);

/** Writes the arguments into `core`'s input buffer; returns their length. */
function write(core) {
  const at = core.inputBuffer(bytes.length);
  new Uint8Array(core.wasmMemory().buffer).set(bytes, at);
  return bytes.length;
}

const times = cores.map(() => []);
for (const { name, core } of cores) {
  const body = core.prepareInput("submit_sales_invoice_batch", write(core));
  if (!(body instanceof Uint8Array) || body.length === 0) throw new Error(`${name}: the quick path gave no body`);
}
const runs = Number(args.runs);
for (let r = 0; r < runs; r++) {
  cores.forEach(({ core }, i) => {
    // prepareInput leaves the buffer as it was; writing it again keeps each call alike anyway.
    const len = write(core);
    const t = process.hrtime.bigint();
    core.prepareInput("submit_sales_invoice_batch", len);
    times[i].push(Number(process.hrtime.bigint() - t) / 1e6);
  });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const min = (xs) => Math.min(...xs);
cores.forEach(({ name }, i) => {
  console.log(`${name}: median ${median(times[i]).toFixed(3)} ms, min ${min(times[i]).toFixed(3)} ms (${runs} runs)`);
});
