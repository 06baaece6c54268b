//! `lasku validate FILE`: a readable report, or JSON for machines.

use std::path::Path;

use lasku::cashin::{BatchInvoices, SalesInvoice, SalesInvoiceBatch};
use lasku::validate::{validate_batch, validate_invoice, Report, Violation};

/// Validates the file; exit 0 without errors, 1 with errors (or unreadable JSON), 2 when the
/// file cannot be read.
pub fn run(file: &Path, json: bool) -> i32 {
    let text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("lasku validate: cannot read {}: {e}", file.display());
            return 2;
        }
    };
    let (kind, invoices, report) = match check(&text) {
        Ok(found) => found,
        Err(message) => ("unreadable", 0, Report { violations: vec![Violation::error("", "json.parse", message)] }),
    };
    let errors = report.errors().count();
    let warnings = report.warnings().count();
    if json {
        let violations: Vec<_> = report
            .violations
            .iter()
            .map(|v| serde_json::json!({"path": v.path, "code": v.code, "message": v.message, "severity": v.severity.as_str()}))
            .collect();
        let out = serde_json::json!({
            "file": file.display().to_string(),
            "kind": kind,
            "invoices": invoices,
            "valid": errors == 0,
            "errors": errors,
            "warnings": warnings,
            "violations": violations,
        });
        println!("{out}");
    } else {
        println!(
            "{}: {kind}, {invoices} invoice{}, {errors} error{}, {warnings} warning{}",
            file.display(),
            if invoices == 1 { "" } else { "s" },
            if errors == 1 { "" } else { "s" },
            if warnings == 1 { "" } else { "s" }
        );
        for v in &report.violations {
            println!(
                "  {:<7} {}\n          {} [{}]",
                v.severity.as_str(),
                if v.path.is_empty() { "/" } else { &v.path },
                v.message,
                v.code
            );
        }
        if errors == 0 {
            println!("  ok: nothing blocks sending");
        }
    }
    i32::from(errors > 0)
}

/// Parses the document by its shape and validates it.
fn check(text: &str) -> Result<(&'static str, usize, Report), String> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
    if value.get("SalesInvoices").is_some() {
        let batch: SalesInvoiceBatch = serde_json::from_value(value).map_err(|e| format!("not a batch: {e}"))?;
        let count = batch.invoices().count();
        Ok(("batch", count, validate_batch(&batch)))
    } else if value.get("SalesInvoice").is_some() {
        let body: BatchInvoices = serde_json::from_value(value).map_err(|e| format!("not a create body: {e}"))?;
        let count = body.sales_invoice.len();
        let batch = SalesInvoiceBatch { sales_invoices: vec![body] };
        let mut report = validate_batch(&batch);
        for v in &mut report.violations {
            if let Some(rest) = v.path.strip_prefix("/SalesInvoices/0") {
                v.path = rest.to_owned();
            }
        }
        Ok(("create body", count, report))
    } else {
        let invoice: SalesInvoice = serde_json::from_value(value).map_err(|e| format!("not an invoice: {e}"))?;
        Ok(("invoice", 1, validate_invoice(&invoice)))
    }
}
