//! Where the time of preparing a batch goes (not a test): parse, validate, serialize.
//! `cargo run --release -p lasku --example prepare_cost -- path/to/invoices_1000.json [--prepare]`
//! With `--prepare`, only the quick path, `LOOPS` times (for callgrind: `LOOPS=1`, and
//! `taskset -c 0` so that it reads on one thread).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("a JSON file with a list of invoices");
    let list = std::fs::read_to_string(path).unwrap();
    let args = format!(r#"{{"batch": {{"SalesInvoices": [{{"SalesInvoice": {list}}}]}}}}"#);
    let body = format!(r#"{{"SalesInvoices": [{{"SalesInvoice": {list}}}]}}"#);
    let only_prepare = std::env::args().nth(2).as_deref() == Some("--prepare");
    for _ in 0..if only_prepare { 0 } else { 3 } {
        let t = Instant::now();
        let batch: lasku::cashin::SalesInvoiceBatch = serde_json::from_str(&body).unwrap();
        let parse = t.elapsed();
        let t = Instant::now();
        let report = lasku::validate::validate_batch(&batch);
        let validate = t.elapsed();
        let t = Instant::now();
        let out = serde_json::to_vec(&batch).unwrap();
        let serialize = t.elapsed();
        let t = Instant::now();
        drop(batch);
        let dropped = t.elapsed();
        let t = Instant::now();
        let call = lasku::surface::prepare("submit_sales_invoice_batch", &args).unwrap();
        let prepare = t.elapsed();
        println!(
            "parse {parse:?}  validate {validate:?} ({} violations)  serialize {serialize:?} ({} bytes)  drop {dropped:?}  prepare {prepare:?} ({} bytes)",
            report.violations.len(),
            out.len(),
            call.body.map(|b| b.len()).unwrap_or(0)
        );
    }
    let mut best = std::time::Duration::MAX;
    let loops = std::env::var("LOOPS").ok().and_then(|n| n.parse().ok()).unwrap_or(if only_prepare { 100 } else { 20 });
    for _ in 0..loops {
        let t = Instant::now();
        let call = lasku::surface::prepare("submit_sales_invoice_batch", &args).unwrap();
        best = best.min(t.elapsed());
        drop(call);
    }
    println!("prepare, best: {best:?}");
    if only_prepare {
        return;
    }
    let mut skim = std::time::Duration::MAX;
    for _ in 0..loops {
        let t = Instant::now();
        serde_json::from_str::<serde::de::IgnoredAny>(&args).unwrap();
        skim = skim.min(t.elapsed());
    }
    println!("serde_json reading the text and ignoring it (the floor of any parse), best: {skim:?}");
}
