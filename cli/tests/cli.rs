//! The `lasku` binary as a user runs it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::{Command, Output};

fn lasku(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lasku")).args(args).output().unwrap()
}

fn repo(path: &str) -> String {
    format!("{}/../{path}", env!("CARGO_MANIFEST_DIR"))
}

const EXAMPLE: &str = "../shared/api/examples/cashin-batchsalesinvoices.request.json";

#[test]
fn validate_reports_the_published_examples_inconsistencies() {
    let out = lasku(&["validate", &repo(EXAMPLE), "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["valid"], false);
    let paths: Vec<&str> =
        report["violations"].as_array().unwrap().iter().map(|v| v["path"].as_str().unwrap()).collect();
    assert!(paths.contains(&"/SalesInvoices/0/SalesInvoice/0/InvoiceRows/0/Total"), "{paths:?}");
    assert!(paths.contains(&"/SalesInvoices/0/SalesInvoice/0/NetAmount"), "{paths:?}");
}

#[test]
fn validate_passes_a_corrected_copy() {
    let out = lasku(&["validate", &repo("tests/fixtures/cashin-batch.corrected.json"), "--json"]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{report}");
    assert_eq!(report["valid"], true);
    let text = lasku(&["validate", &repo("tests/fixtures/cashin-batch.corrected.json")]);
    assert!(String::from_utf8_lossy(&text.stdout).contains("0 errors"));
}

#[test]
fn validate_explains_unreadable_files() {
    let dir = std::env::temp_dir().join(format!("lasku-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("bad.json");
    std::fs::write(&file, r#"{"InvoiceNumber": 1, "InvoiceRows": [{"Qty": "many"}]}"#).unwrap();
    let out = lasku(&["validate", file.to_str().unwrap(), "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let message = report["violations"][0]["message"].as_str().unwrap();
    assert!(message.contains("Qty"), "{message}");
    assert_eq!(lasku(&["validate", "/no/such/file.json"]).status.code(), Some(2));
}

#[test]
fn operations_lists_the_whole_catalog() {
    let out = lasku(&["operations", "--json"]);
    assert!(out.status.success());
    let ops: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(ops.len(), lasku::catalog::OPERATIONS.len());
    for op in &ops {
        for key in ["method", "path", "provenance", "implemented", "doc_url", "name", "group"] {
            assert!(op.get(key).is_some(), "{op} lacks {key}");
        }
        assert!(op["path"].as_str().unwrap().starts_with("/v2/"));
    }
    let batch = ops.iter().find(|op| op["id"] == "submit_sales_invoice_batch").unwrap();
    assert_eq!(
        (batch["method"].as_str(), batch["path"].as_str(), batch["provenance"].as_str()),
        (Some("POST"), Some("/v2/batchsalesinvoices"), Some("Confirmed"))
    );
    let table = String::from_utf8_lossy(&lasku(&["operations"]).stdout).into_owned();
    assert!(table.contains("Retrieve allocated payment transactions"));
}

#[test]
fn the_demo_runs_end_to_end() {
    let out = lasku(&["demo", "--batch-size", "1000"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    for expected in [
        "Created invoice 1001",
        "batch 1: 1000 accepted, 0 rejected",
        "Status of invoice 1001",
        "Partial payment",
        "Received payments",
        "Summary",
    ] {
        assert!(stdout.contains(expected), "missing {expected:?} in\n{stdout}");
    }
}

#[test]
fn the_readme_catalog_matches_the_code() {
    let table = String::from_utf8(lasku(&["operations", "--markdown"]).stdout).unwrap();
    let readme = std::fs::read_to_string(repo("README.md")).unwrap();
    let start = readme.find("<!-- catalog:start -->\n").unwrap() + "<!-- catalog:start -->\n".len();
    let end = readme.find("<!-- catalog:end -->").unwrap();
    assert_eq!(&readme[start..end], table, "regenerate the README table with `lasku operations --markdown`");
}

#[test]
fn validate_reports_the_examples_wrong_reference_check_digit() {
    let out = lasku(&["validate", &repo(EXAMPLE), "--json"]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let reference = report["violations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["path"] == "/SalesInvoices/0/SalesInvoice/0/Reference")
        .unwrap_or_else(|| panic!("no Reference violation in {report}"));
    assert_eq!(reference["code"], "reference.check_digit");
    assert!(reference["message"].as_str().unwrap().contains("should be 3"), "{reference}");
}

#[test]
fn check_answers_with_exit_codes_and_json() {
    assert_eq!(lasku(&["check", "reference", "2516000013"]).status.code(), Some(0));
    assert_eq!(lasku(&["check", "reference", "2516000017"]).status.code(), Some(1));
    assert_eq!(lasku(&["check", "nonsense", "1"]).status.code(), Some(2));
    let out = lasku(&["check", "iban", "FI21 1234 5600 0007 85", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let verdict: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((verdict["valid"].as_bool(), verdict["bic"].as_str()), (Some(true), Some("NDEAFIHH")));
    let out = lasku(&["check", "ytunnus", "0737546-1", "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let verdict: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(verdict["code"], "ytunnus.check_digit");
    for (kind, value) in [
        ("rf", "RF18539007547034"),
        ("bic", "NDEAFIHH"),
        ("vat", "FI07375462"),
        ("hetu", "131052-308T"),
        ("ovt", "003707375462"),
    ] {
        assert_eq!(lasku(&["check", kind, value]).status.code(), Some(0), "{kind} {value}");
    }
}

#[test]
fn reference_and_barcode_round_trip() {
    let out = String::from_utf8(lasku(&["reference", "251600001"]).stdout).unwrap();
    assert!(out.contains("2516000013") && out.contains("RF"), "{out}");
    let encoded = lasku(&[
        "barcode",
        "--iban",
        "FI2112345600000785",
        "--amount",
        "4883.15",
        "--reference",
        "868516259619897",
        "--due",
        "2010-06-12",
    ]);
    assert_eq!(encoded.status.code(), Some(0));
    let code = String::from_utf8(encoded.stdout).unwrap();
    let code = code.lines().next().unwrap().trim().to_owned();
    assert_eq!(code, "421123456000007850048831500000000868516259619897100612");
    let decoded = lasku(&["barcode", "--decode", &code, "--json"]);
    let parts: serde_json::Value = serde_json::from_slice(&decoded.stdout).unwrap();
    assert_eq!((parts["amount"].as_str(), parts["due_date"].as_str()), (Some("4883.15"), Some("2010-06-12")));
    let bad = lasku(&["barcode", "--iban", "SE4550000000058398257466", "--amount", "1", "--reference", "13"]);
    assert_eq!(bad.status.code(), Some(1));
}
