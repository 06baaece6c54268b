//! retrieve_allocated_payment_transactions: filters, the default window, sorting and paging.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{days_ago, fields, invoice, send, start, today, Env};
use serde_json::{json, Value};

/// Invoices 1..=12, each paid its number in euros `n` days ago, and invoice 13 paid 45 days ago.
async fn paid_invoices() -> Env {
    let env = start().await;
    env.create((1..=13).map(|n| invoice(json!(n))).collect()).await;
    for n in 1..=12u64 {
        let payment = json!({ "Amount": n, "PaymentDate": days_ago(n), "Currency": "EUR" });
        let (status, body) = send(env.post(&format!("/salesinvoices/{n}/payments"), &payment)).await;
        assert_eq!(status, 200, "{body}");
    }
    let (status, _) =
        send(env.post("/salesinvoices/13/payments", &json!({ "Amount": 13, "PaymentDate": days_ago(45) }))).await;
    assert_eq!(status, 200);
    env
}

fn invoice_numbers(data: &[Value]) -> Vec<&str> {
    data.iter().map(|a| a["InvoiceNumber"].as_str().unwrap()).collect()
}

#[tokio::test]
async fn items_have_the_confirmed_shape() {
    let env = paid_invoices().await;
    let data = env.data("/allocated-payment-transactions?invoiceNumber=3").await;
    assert_eq!(data.len(), 1);
    let expected: Value = serde_json::from_str(&format!(
        r#"{{
            "AllocationId": "3",
            "CaseId": null,
            "Agency": "CASH-IN",
            "InvoiceNumber": "3",
            "PaymentType": {{ "Code": "8", "Description": "Bank Transfer" }},
            "Dates": {{ "PaymentDate": "{}", "BookingDate": "{}", "AccountingDate": "{}", "SettlementDate": null }},
            "Amounts": {{ "PaymentAmount": 3.00, "CapitalAmount": 3.00, "InterestAmount": 0.00, "CreditorCostsAmount": 0.00 }},
            "Currency": "EUR"
        }}"#,
        days_ago(3),
        today(),
        today()
    ))
    .unwrap();
    assert_eq!(data[0], expected);
}

#[tokio::test]
async fn the_default_window_is_30_days_of_payment_dates() {
    let env = paid_invoices().await;
    let (status, body) = send(env.get("/allocated-payment-transactions")).await;
    assert_eq!(status, 200);
    assert_eq!(body["Meta"]["TotalCount"], 12);
    for (query, count) in [
        ("paymentDateFrom=2000-01-01", 13),
        (&format!("paymentDateTo={}", days_ago(40)) as &str, 1),
        (&format!("paymentDateFrom={}&paymentDateTo={}", days_ago(5), days_ago(3)), 3),
        // An accounting date replaces the default window: every payment was booked today.
        (&format!("accountingDateFrom={}", today()), 13),
        (&format!("accountingDateTo={}", days_ago(1)), 0),
    ] {
        let (status, body) = send(env.get(&format!("/allocated-payment-transactions?{query}"))).await;
        assert_eq!(status, 200, "{query}: {body}");
        assert_eq!(body["Meta"]["TotalCount"], count, "{query}");
    }
}

#[tokio::test]
async fn filters_narrow_the_list() {
    let env = paid_invoices().await;
    for (query, count) in [
        ("currency=eur", 12),
        ("currency=SEK", 0),
        ("agency=CASH-IN", 12),
        ("agency=other", 0),
        ("caseId=1001", 0),
        ("invoiceNumber=12", 1),
        ("invoiceNumber=13", 0),
        ("hasAllocatedBreakdown=true", 12),
        ("hasAllocatedBreakdown=FALSE", 0),
    ] {
        let (status, body) = send(env.get(&format!("/allocated-payment-transactions?{query}"))).await;
        assert_eq!(status, 200, "{query}: {body}");
        assert_eq!(body["Meta"]["TotalCount"], count, "{query}");
    }
    for (query, field) in [
        ("sortBy=date", "sortBy"),
        ("sortOrder=up", "sortOrder"),
        ("hasAllocatedBreakdown=maybe", "hasAllocatedBreakdown"),
        ("paymentDateFrom=2024-02-30", "paymentDateFrom"),
        ("accountingDateTo=today", "accountingDateTo"),
        ("pageSize=0", "pageSize"),
        ("page=x", "page"),
    ] {
        let (status, body) = send(env.get(&format!("/allocated-payment-transactions?{query}"))).await;
        assert_eq!(status, 400, "{query}");
        assert_eq!(fields(&body), [field], "{query}");
    }
}

#[tokio::test]
async fn sorting_by_payment_date_invoice_number_and_amount() {
    let env = paid_invoices().await;
    let oldest_first = env.data("/allocated-payment-transactions").await;
    assert_eq!(invoice_numbers(&oldest_first), ["12", "11", "10", "9", "8", "7", "6", "5", "4", "3", "2", "1"]);
    let newest_first = env.data("/allocated-payment-transactions?sortBy=paymentDate&sortOrder=desc").await;
    assert_eq!(invoice_numbers(&newest_first)[..3], ["1", "2", "3"]);
    let by_number = env.data("/allocated-payment-transactions?sortBy=invoiceNumber").await;
    assert_eq!(invoice_numbers(&by_number), ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"]);
    let by_amount = env.data("/allocated-payment-transactions?sortBy=AMOUNT&sortOrder=desc").await;
    let amounts: Vec<String> = by_amount.iter().map(|a| a["Amounts"]["PaymentAmount"].to_string()).collect();
    assert_eq!(amounts[..3], ["12.00", "11.00", "10.00"]);
}

#[tokio::test]
async fn paging_covers_every_item_once() {
    let env = paid_invoices().await;
    let mut seen = Vec::new();
    for (page, count) in [(1, 5), (2, 5), (3, 2), (4, 0)] {
        let (status, body) =
            send(env.get(&format!("/allocated-payment-transactions?sortBy=invoiceNumber&page={page}&pageSize=5")))
                .await;
        assert_eq!(status, 200);
        let meta = &body["Meta"];
        assert_eq!(meta["Page"], page);
        assert_eq!(meta["PageSize"], 5);
        assert_eq!(meta["Count"], count);
        assert_eq!(meta["TotalCount"], 12);
        assert_eq!(meta["RequestId"].as_str().unwrap().len(), 36);
        assert!(meta["Timestamp"].as_str().unwrap().ends_with('Z'));
        for item in body["Data"].as_array().unwrap() {
            seen.push(item["InvoiceNumber"].as_str().unwrap().to_owned());
        }
    }
    let expected: Vec<String> = (1..=12).map(|n: u32| n.to_string()).collect();
    assert_eq!(seen, expected);
}
