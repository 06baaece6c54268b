//! Validation reports every violation at once, with paths and stable codes; the builder's
//! amounts pass it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use lasku::cashin::{SalesInvoice, SalesInvoiceBatch};
use lasku::validate::{validate_batch, validate_invoice, Severity};
use lasku::{InvoiceBuilder, RowInput};
use rust_decimal::Decimal;

fn example() -> SalesInvoiceBatch {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/api/examples/cashin-batchsalesinvoices.request.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

#[test]
fn the_published_example_is_inconsistent_where_expected() {
    let report = validate_batch(&example());
    let errors: Vec<_> = report.errors().map(|v| (v.path.as_str(), v.code.as_str())).collect();
    assert!(
        errors.contains(&("/SalesInvoices/0/SalesInvoice/0/InvoiceRows/0/Total", "amount.row_total")),
        "{errors:?}"
    );
    assert!(errors.contains(&("/SalesInvoices/0/SalesInvoice/0/NetAmount", "amount.net_total")), "{errors:?}");
    // Nto 100 and Tax 24 at 24 % are consistent; so is the header tax.
    assert!(
        !errors.iter().any(|(p, _)| p.ends_with("/Nto") || p.ends_with("/Tax") || p.ends_with("/TaxAmount")),
        "{errors:?}"
    );
}

#[test]
fn a_corrected_example_passes_amount_checks() {
    let mut batch = example();
    let invoice = &mut batch.sales_invoices[0].sales_invoice[0];
    invoice.net_amount = Some(d("100"));
    invoice.total_amount = Some(d("124"));
    invoice.invoice_rows.as_mut().unwrap()[0].total = Some(d("124"));
    let report = validate_batch(&batch);
    assert!(!report.errors().any(|v| v.code.starts_with("amount.")), "{:?}", report.violations);
}

#[test]
fn every_violation_at_once() {
    let invoice: SalesInvoice = serde_json::from_str(
        r#"{"InvoiceNumber": "", "InvoiceDate": "2026-02-10", "DueDate": "2026-02-01",
            "InvoiceRows": [{"Qty": 2, "Price": 10, "VatPercent": 25.5, "Nto": 21, "Tax": 9.99, "Total": 1}, {"Qty": 1}]}"#,
    )
    .unwrap();
    let report = validate_invoice(&invoice);
    let got: Vec<_> = report.violations.iter().map(|v| (v.path.as_str(), v.code.as_str())).collect();
    for expected in [
        ("/InvoiceNumber", "required"),
        ("/SalesName", "required"),
        ("/TotalAmount", "required"),
        ("/DueDate", "date.due_before_invoice"),
        ("/InvoiceRows/0/Nto", "amount.row_net"),
        ("/InvoiceRows/0/Tax", "amount.row_tax"),
        ("/InvoiceRows/0/Total", "amount.row_total"),
        ("/InvoiceRows/1/Price", "required"),
        ("/InvoiceRows/1/VatPercent", "required"),
    ] {
        assert!(got.contains(&expected), "missing {expected:?} in {got:?}");
    }
    assert!(report.violations.iter().all(|v| v.severity == Severity::Error && !v.message.is_empty()));
}

#[test]
fn one_cent_tolerance_and_per_rate_header_vat() {
    // Three rows of 0.10 at 25.5 %: rows give 0.03 VAT each (0.09), the rate total is 0.08.
    let mut invoice = InvoiceBuilder::new(77u64)
        .invoice_date(chrono::NaiveDate::from_ymd_opt(2026, 1, 2).unwrap())
        .payment_terms_days(7)
        .buyer_name("A")
        .row(RowInput::new("a", d("1"), d("0.10"), d("25.5")))
        .row(RowInput::new("b", d("1"), d("0.10"), d("25.5")))
        .row(RowInput::new("c", d("1"), d("0.10"), d("25.5")))
        .build()
        .unwrap();
    assert_eq!(invoice.tax_amount, Some(d("0.09")));
    invoice.tax_amount = Some(d("0.08"));
    invoice.total_amount = Some(d("0.38"));
    assert!(!validate_invoice(&invoice).has_errors());
    invoice.tax_amount = Some(d("0.11"));
    assert!(validate_invoice(&invoice).errors().any(|v| v.path == "/TaxAmount"));
}

#[test]
fn builder_computes_rows_totals_due_date_and_reference() {
    let invoice = InvoiceBuilder::new(251600001u64)
        .invoice_date(chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap())
        .payment_terms_days(14)
        .buyer_name("Sami Santikko")
        .row(RowInput::new("Net priced", d("3"), d("19.90"), d("25.5")).discount_percent(d("10")))
        .row(RowInput::new("Gross priced", d("1"), d("10.00"), d("25.5")).gross())
        .build()
        .unwrap();
    let rows = invoice.invoice_rows.as_ref().unwrap();
    assert_eq!((rows[0].nto, rows[0].tax, rows[0].total), (Some(d("53.73")), Some(d("13.70")), Some(d("67.43"))));
    assert_eq!((rows[1].nto, rows[1].tax, rows[1].total), (Some(d("7.97")), Some(d("2.03")), Some(d("10.00"))));
    assert_eq!(invoice.net_amount, Some(d("61.70")));
    assert_eq!(invoice.tax_amount, Some(d("15.73")));
    assert_eq!(invoice.total_amount, Some(d("77.43")));
    assert_eq!(invoice.due_date, chrono::NaiveDate::from_ymd_opt(2026, 3, 15));
    assert_eq!(invoice.reference.as_deref(), Some("2516000013"));
}

#[test]
fn amounts_beyond_a_decimal_are_violations_not_crashes() {
    let max = "79228162514264337593543950335";
    // Qty × Price beyond a decimal, in a row and in the header's sums.
    let invoice: SalesInvoice = serde_json::from_value(serde_json::json!({
        "InvoiceNumber": 1, "InvoiceDate": "2026-03-01", "DueDate": "2026-03-15", "SalesName": "Oy",
        "NetAmount": 1, "TaxAmount": 0, "TotalAmount": 1,
        "InvoiceRows": [{"Qty": 2, "Price": max, "VatPercent": 0, "Nto": 1, "Tax": 0, "Total": 1}],
    }))
    .unwrap();
    let codes: Vec<_> = validate_invoice(&invoice).errors().map(|v| (v.path.clone(), v.code.clone())).collect();
    assert!(codes.contains(&("/InvoiceRows/0/Nto".to_owned(), "amount.overflow".to_owned())), "{codes:?}");
    // Rows whose own amounts are fine, but whose sum is beyond a decimal.
    let row = serde_json::json!({"Qty": 1, "Price": max, "VatPercent": 0, "Nto": max, "Tax": 0, "Total": max});
    let invoice: SalesInvoice = serde_json::from_value(serde_json::json!({
        "InvoiceNumber": 1, "InvoiceDate": "2026-03-01", "DueDate": "2026-03-15", "SalesName": "Oy",
        "NetAmount": 1, "TaxAmount": 0, "TotalAmount": 1, "InvoiceRows": [row.clone(), row],
    }))
    .unwrap();
    let codes: Vec<_> = validate_invoice(&invoice).errors().map(|v| (v.path.clone(), v.code.clone())).collect();
    assert!(codes.contains(&("/NetAmount".to_owned(), "amount.overflow".to_owned())), "{codes:?}");
    // The builder leaves such amounts out, and its validation names them.
    for row in [RowInput::new("x", d("2"), d(max), d("24")), RowInput::new("x", d("2"), d(max), d("24")).gross()] {
        let err = InvoiceBuilder::new(5u64)
            .invoice_date(chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap())
            .payment_terms_days(14)
            .buyer_name("Sami Santikko")
            .row(row)
            .build()
            .unwrap_err();
        let lasku::Error::Validation(v) = err else { panic!("{err:?}") };
        assert!(v.iter().any(|x| x.code == "amount.overflow"), "{v:?}");
    }
}

#[test]
fn builder_refuses_what_it_cannot_fix() {
    let err = InvoiceBuilder::new(5u64).build().unwrap_err();
    match err {
        lasku::Error::Validation(v) => {
            let paths: Vec<_> = v.iter().map(|x| x.path.as_str()).collect();
            assert!(paths.contains(&"/InvoiceDate") && paths.contains(&"/InvoiceRows"), "{paths:?}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn finnish_rules_are_violations_with_codes() {
    let mut batch = example();
    let invoice = &mut batch.sales_invoices[0].sales_invoice[0];
    let report = validate_invoice(invoice);
    let reference = report.violations.iter().find(|v| v.path == "/Reference").unwrap();
    assert_eq!((reference.code.as_str(), reference.severity), ("reference.check_digit", Severity::Error));
    assert!(reference.message.contains("should be 3"), "{}", reference.message);

    invoice.reference = Some("RF18 5390 0754 7034".into());
    invoice.finvoice_account = Some("FI2112345600000786".into());
    invoice.seller_info = Some(lasku::cashin::SellerInfo {
        seller_iban: Some("FI21 1234 5600 0007 84".into()),
        seller_bic: Some("NDEAFIH".into()),
        seller_business_id: Some("0737546-1".into()),
        seller_vat_number: Some("FI07375462".into()),
        ..Default::default()
    });
    let report = validate_invoice(invoice);
    let codes: Vec<_> = report.violations.iter().map(|v| (v.path.as_str(), v.code.as_str())).collect();
    assert!(!codes.iter().any(|(p, _)| *p == "/Reference"), "{codes:?}");
    for expected in [
        ("/FinvoiceAccount", "iban.checksum"),
        ("/SellerInfo/SellerIban", "iban.checksum"),
        ("/SellerInfo/SellerBic", "bic.length"),
        ("/SellerInfo/SellerBusinessId", "ytunnus.check_digit"),
    ] {
        assert!(codes.contains(&expected), "missing {expected:?} in {codes:?}");
    }
    assert!(!codes.iter().any(|(p, _)| p.ends_with("SellerVatNumber")), "{codes:?}");
}

#[test]
fn a_vat_rate_not_in_force_on_the_invoice_date_is_a_warning() {
    let build = |date: (i32, u32, u32), rate: &str| {
        InvoiceBuilder::new(1234u64)
            .invoice_date(chrono::NaiveDate::from_ymd_opt(date.0, date.1, date.2).unwrap())
            .payment_terms_days(14)
            .buyer_name("B")
            .row(RowInput::new("r", d("1"), d("10"), d(rate)))
            .compute()
    };
    assert!(validate_invoice(&build((2026, 1, 15), "25.5")).violations.is_empty());
    let report = validate_invoice(&build((2026, 1, 15), "24"));
    let warning = report.warnings().next().unwrap();
    assert_eq!((warning.path.as_str(), warning.code.as_str()), ("/InvoiceRows/0/VatPercent", "vat_rate.not_in_force"));
    assert!(!report.has_errors(), "a warning does not block sending");
    assert!(validate_invoice(&build((2026, 1, 15), "14")).warnings().any(|w| w.code == "vat_rate.not_in_force"));
    assert!(validate_invoice(&build((2025, 6, 1), "14")).violations.is_empty());
    assert!(validate_invoice(&build((2026, 1, 15), "17")).warnings().any(|w| w.code == "vat_rate.unknown"));
}

#[test]
fn amounts_carry_at_most_cents() {
    let invoice: SalesInvoice = serde_json::from_str(
        r#"{"InvoiceNumber": 9, "NetAmount": 10.001, "InvoiceRows": [{"Qty": 1, "Price": 10.001, "VatPercent": 0, "Nto": 10.001}]}"#,
    )
    .unwrap();
    let report = validate_invoice(&invoice);
    let precision: Vec<_> =
        report.violations.iter().filter(|v| v.code == "amount.precision").map(|v| v.path.as_str()).collect();
    assert_eq!(precision, ["/NetAmount", "/InvoiceRows/0/Nto"]);
}
