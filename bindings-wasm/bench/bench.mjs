// lasku vs the tools a Node user would pick instead, on the same batch data (the peer kit's
// gen_data.py), in one process, rotating the order every round; prints medians and ratios.
// Each timed call: validate every invoice and serialise the batch for sending.
//   lasku            prepareInvoiceBatches(data): the core validates every invoice and writes the
//                    request bodies (1,000 invoices each, UTF-8 bytes): what submitInvoices sends;
//                    the batch worker thread checks while the main thread writes (started first)
//   lasku_1thread    the same on the main thread alone ({ worker: false })
//   lasku_stringify  validateInvoices(data) + one JSON.stringify(data) (core validation, V8 serialisation)
//   ajv              ajv (compiled JSON Schema) + the kit's amount checks + JSON.stringify(data)
//   zod4             zod v4 parse of every invoice + JSON.stringify
//   stringify        JSON.stringify(data) alone: the floor, no validation
// Besides wall time, each call's CPU time (process.cpuUsage: every thread, the worker's included).
// Run through run.sh, which prepares the data and the kit.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const args = { n: 1000, runs: 25, kit: "", data: "", tools: "lasku,lasku_1thread,lasku_stringify,ajv,zod4,stringify" };
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, "")] = process.argv[i + 1];
args.n = Number(args.n);
args.runs = Number(args.runs);

const requireKit = createRequire(path.join(args.kit, "package.json"));
const Ajv = requireKit("ajv");
const addFormats = requireKit("ajv-formats");
const { businessIssues } = await import(pathToFileURL(path.join(args.kit, "business.mjs")).href);
const Z4 = await import(pathToFileURL(path.join(args.kit, "schemas_zod4.mjs")).href);
const lasku = createRequire(import.meta.url)(path.join(HERE, "..", "npm", "index.js"));

const ajv = new (Ajv.default ?? Ajv)({ allErrors: true });
(addFormats.default ?? addFormats)(ajv, ["date"]);
const ajvValidate = ajv.compile(JSON.parse(fs.readFileSync(path.join(args.kit, "schema.json"), "utf8")));
const now = () => performance.now();
if (!(await lasku.startBatchWorker())) throw new Error("the batch worker did not start");

const TOOLS = {
  lasku(data) {
    const t0 = now();
    const bodies = lasku.prepareInvoiceBatches(data);
    return [now() - t0, bodies.reduce((sum, b) => sum + b.length, 0)];
  },
  lasku_1thread(data) {
    const t0 = now();
    const bodies = lasku.prepareInvoiceBatches(data, { worker: false });
    return [now() - t0, bodies.reduce((sum, b) => sum + b.length, 0)];
  },
  lasku_stringify(data) {
    const t0 = now();
    const report = lasku.validateInvoices(data);
    if (!report.valid) throw new Error(JSON.stringify(report.violations.slice(0, 3)));
    const out = JSON.stringify(data);
    return [now() - t0, out.length];
  },
  ajv(data) {
    const t0 = now();
    for (let i = 0; i < data.length; i++) {
      const inv = data[i];
      if (!ajvValidate(inv)) throw new Error(JSON.stringify(ajvValidate.errors));
      const e = businessIssues(inv);
      if (e !== null) throw new Error(e.join("; "));
    }
    const out = JSON.stringify(data);
    return [now() - t0, out.length];
  },
  zod4(data) {
    const t0 = now();
    const parsed = new Array(data.length);
    for (let i = 0; i < data.length; i++) parsed[i] = Z4.SalesInvoice.parse(data[i]);
    const out = JSON.stringify(parsed);
    return [now() - t0, out.length];
  },
  stringify(data) {
    const t0 = now();
    const out = JSON.stringify(data);
    return [now() - t0, out.length];
  },
};

const median = (a) => {
  const s = [...a].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const file = path.join(args.data, `invoices_${args.n}.json`);
const data = JSON.parse(fs.readFileSync(file, "utf8"));
const tools = args.tools.split(",");
const warm = data.slice(0, 1000);
for (let k = 0; k < 5; k++) for (const name of tools) TOOLS[name](warm);
globalThis.gc();
const runs = Object.fromEntries(tools.map((t) => [t, []]));
const cpu = Object.fromEntries(tools.map((t) => [t, []]));
for (let r = 0; r < args.runs; r++) {
  const k = r % tools.length;
  for (const name of [...tools.slice(k), ...tools.slice(0, k)]) {
    const before = process.cpuUsage();
    runs[name].push(TOOLS[name](data)[0]);
    const used = process.cpuUsage(before);
    cpu[name].push((used.user + used.system) / 1000);
    globalThis.gc();
  }
}
const perRound = (name, base) => median(runs[name].map((ms, i) => ms / runs[base][i]));
console.log(`\nN = ${args.n.toLocaleString("en")} invoices, ${args.runs} rounds, node ${process.versions.node}, lasku ${lasku.version}`);
console.log("tool              median ms   µs/invoice   × ajv+stringify   × stringify   cpu ms (all threads)");
for (const name of tools) {
  const med = median(runs[name]);
  const vsAjv = tools.includes("ajv") ? perRound(name, "ajv").toFixed(2) : "-";
  const vsFloor = tools.includes("stringify") ? perRound(name, "stringify").toFixed(2) : "-";
  console.log(
    `${name.padEnd(16)} ${med.toFixed(1).padStart(10)} ${((med / args.n) * 1000).toFixed(1).padStart(12)} ${vsAjv.padStart(17)} ${vsFloor.padStart(13)} ${median(cpu[name]).toFixed(1).padStart(22)}`,
  );
}
