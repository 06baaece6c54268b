#!/usr/bin/env python3
"""Benchmark (not a test): the peer kit's batch of Cash-In SalesInvoices through lasku, msgspec
and pydantic in one process, rotating the order every round; prints median times and same-round
ratios, and the time of `import lasku`.

Each timed call takes the list of invoice dicts (as `orjson.loads` gives them: floats for
amounts) and returns the JSON request body as bytes after validating every invoice:

- lasku:    lasku.prepare("submit_sales_invoice_batch", batch=...)["body"]: the Rust core parses
            every invoice into its typed model (exact decimals), validates it (required members,
            row and header amount rules, dates, Finnish reference check digits, VAT rates by date)
            and serializes the request body `{"SalesInvoices":[{"SalesInvoice":[...]}]}`.
- msgspec:  msgspec.convert(list[dict] -> list[Struct]) with the kit's __post_init__ checks + encode
            (the kit's `t_msgspec`).
- pydantic: TypeAdapter(list[SalesInvoice]).validate_python + dump_json (the kit's `t_pydantic_ta`).
- orjson:   orjson.dumps with no validation (the floor; the kit's `t_orjson`).

Setup (once): a venv with the lasku wheel and the kit's pinned peers:

    python3 -m venv target/python/bench-venv
    target/python/bench-venv/bin/pip install target/python/wheels/lasku-*.whl pydantic==2.14.3 msgspec==0.22.0 orjson==3.13.0
    target/python/bench-venv/bin/python bindings-python/bench/bench_lasku.py --n 1000 --runs 25
    target/python/bench-venv/bin/python bindings-python/bench/bench_lasku.py --n 100000 --runs 5

The data comes from the kit's gen_data.py (deterministic), generated into --data-dir on first use.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable, Dict, List, Tuple

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_KIT = (ROOT / ".." / "shared" / "bench").resolve()
perf = time.perf_counter


def ensure_data(kit: Path, data_dir: Path, n: int) -> Path:
    path = data_dir / "data" / f"invoices_{n}.json"
    if path.exists():
        return path
    data_dir.mkdir(parents=True, exist_ok=True)
    for name in ("gen_data.py", "spec.py"):
        shutil.copy(kit / name, data_dir / name)
    print(f"generating the kit's data into {data_dir} (once; about a minute)...", flush=True)
    subprocess.run([sys.executable, str(data_dir / "gen_data.py")], cwd=data_dir, check=True)
    return path


def import_time(module: str, rounds: int = 9) -> float:
    """Median wall time (ms) of `import <module>` in a fresh interpreter."""
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    times = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout) for _ in range(rounds)]
    return statistics.median(times) * 1e3


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1000, choices=[1000, 100000])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--kit", type=Path, default=DEFAULT_KIT, help="the peer kit folder (../shared/bench)")
    parser.add_argument("--data-dir", type=Path, default=ROOT / "target" / "python" / "bench-data")
    parser.add_argument("--tools", default="lasku,msgspec,pydantic,orjson")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()

    sys.path.insert(0, str(args.kit))
    import bench_py as kit  # the kit's own timing functions for the peers
    import orjson

    import lasku

    path = ensure_data(args.kit, args.data_dir, args.n)
    with open(path, "rb") as f:
        data = orjson.loads(f.read())
    assert len(data) == args.n

    def t_lasku(invoices: List[Dict[str, Any]]) -> Tuple[float, float, bytes]:
        t0 = perf()
        body = lasku.prepare("submit_sales_invoice_batch", batch={"SalesInvoices": [{"SalesInvoice": invoices}]})["body"]
        t1 = perf()
        assert body is not None
        return 0.0, t1 - t0, body

    tools: Dict[str, Callable[[List[Dict[str, Any]]], Tuple[float, float, bytes]]] = {
        "lasku": t_lasku,
        "msgspec": kit.t_msgspec,
        "pydantic": kit.t_pydantic_ta,
        "orjson": kit.t_orjson,
    }
    names = args.tools.split(",")

    # Same data, same answer: lasku's body holds the same invoices (as JSON values).
    warnings = [v for v in lasku.validate("batch", {"SalesInvoices": [{"SalesInvoice": data[:1000]}]}) if v["severity"] == "warning"]
    body = orjson.loads(t_lasku(data[:1000])[2])
    assert body["SalesInvoices"][0]["SalesInvoice"] == orjson.loads(orjson.dumps(data[:1000])), "lasku changed the data"

    for _ in range(2):  # warm-up on a 1,000-invoice slice
        for name in names:
            tools[name](data[:1000])
    gc.collect()
    runs: Dict[str, List[float]] = {name: [] for name in names}
    for r in range(args.runs):
        order = names[r % len(names):] + names[: r % len(names)]
        for name in order:
            validate_s, serialize_s, out = tools[name](data)
            runs[name].append(validate_s + serialize_s)
            del out
            gc.collect()
        print(f"round {r + 1}/{args.runs}: " + ", ".join(f"{n} {runs[n][-1] * 1e3:.1f} ms" for n in names), flush=True)

    def ratio(a: str, b: str) -> float:
        return statistics.median(x / y for x, y in zip(runs[a], runs[b]))

    print()
    print(f"N = {args.n:,} invoices, {args.runs} rounds, Python {platform.python_version()}, lasku {lasku.__version__}")
    print(f"{'tool':10s} {'median ms':>10s} {'us/invoice':>11s} {'min ms':>9s}")
    for name in names:
        med = statistics.median(runs[name])
        print(f"{name:10s} {med * 1e3:10.1f} {med / args.n * 1e6:11.2f} {min(runs[name]) * 1e3:9.1f}")
    result: Dict[str, Any] = {
        "n": args.n,
        "runs": args.runs,
        "median_ms": {n: statistics.median(runs[n]) * 1e3 for n in names},
        "lasku_warnings_in_first_1000": len(warnings),
    }
    for other in ("msgspec", "pydantic", "orjson"):
        if "lasku" in names and other in names:
            result[f"lasku_vs_{other}"] = ratio("lasku", other)
            print(f"lasku / {other}: {ratio('lasku', other):.2f}x (median of same-round ratios)")
    if "lasku" in names and "msgspec" in names:
        verdict = "meets" if result["lasku_vs_msgspec"] <= 0.67 else "misses"
        print(f"target lasku <= 0.67x msgspec: {verdict}")
    times = {m: import_time(m) for m in ("lasku", "msgspec", "pydantic", "typing")}
    result["import_ms"] = times
    print("import time (median of 9 fresh interpreters): " + ", ".join(f"{m} {t:.1f} ms" for m, t in times.items()))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
