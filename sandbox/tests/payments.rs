//! Payments, received payments, delivery information and statistics, Finvoice contracts.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use chrono::{Days, Utc};
use common::{invoice, send, start};
use serde_json::json;

#[tokio::test]
async fn a_payment_shows_in_the_status_and_in_received_payments() {
    let env = start().await;
    env.create(vec![invoice(json!(100))]).await;

    let (status, body) = send(env.post(
        "/salesinvoices/100/payments",
        &json!({ "Amount": 24.5, "Currency": "EUR", "PaymentReference": "2516000017" }),
    ))
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["InvoiceNumber"], 100);
    assert_eq!(body["Status"], "PartiallyPaid");
    assert_eq!(body["TotalAmount"].to_string(), "124.00");
    assert_eq!(body["PaidAmount"].to_string(), "24.50");
    assert_eq!(body["OpenAmount"].to_string(), "99.50");
    assert_eq!(body["Payments"].as_array().unwrap().len(), 1);
    let today = Utc::now().date_naive().format("%Y-%m-%d").to_string();
    assert_eq!(body["Payments"][0]["PaymentDate"], today.as_str());

    let (_, body) = send(env.get("/salesinvoices/100/status")).await;
    assert_eq!(body["Status"], "PartiallyPaid");
    assert_eq!(body["PaidAmount"].to_string(), "24.50");

    let (status, body) = send(env.get("/receivedpayments")).await;
    assert_eq!(status, 200);
    assert_eq!(body["Meta"]["TotalCount"], 1);
    let payment = &body["Data"][0];
    assert_eq!(payment["InvoiceNumber"], 100);
    assert_eq!(payment["Reference"], "2516000017");
    assert_eq!(payment["PaymentDate"], today.as_str());
    assert_eq!(payment["Amount"].to_string(), "24.50");
    assert_eq!(payment["Currency"], "EUR");
    assert_eq!(payment["Source"], "Creditor");
    assert!(payment["PaymentId"].is_u64());

    // Paying the rest (as a numeric string, on a given date) makes it Paid.
    let (status, body) =
        send(env.post("/salesinvoices/100/payments", &json!({ "Amount": "99.50", "PaymentDate": "2022-02-01" }))).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["Status"], "Paid");
    assert_eq!(body["OpenAmount"].to_string(), "0.00");
    assert_eq!(body["Payments"].as_array().unwrap().len(), 2);
    let (_, body) = send(env.get("/salesinvoices?status=Paid")).await;
    assert_eq!(body["Data"][0]["InvoiceNumber"], 100);

    // The default window is the last 30 days: the back-dated payment needs a range.
    let (_, body) = send(env.get("/receivedpayments")).await;
    assert_eq!(body["Meta"]["TotalCount"], 1);
    let (_, body) = send(env.get("/receivedpayments?dateFrom=2022-01-01&dateTo=2022-12-31")).await;
    assert_eq!(body["Meta"]["TotalCount"], 1);
    assert_eq!(body["Data"][0]["PaymentDate"], "2022-02-01");
    let (_, body) = send(env.get("/receivedpayments?dateFrom=2022-01-01&invoiceNumber=100")).await;
    assert_eq!(body["Meta"]["TotalCount"], 2);
    let (_, body) = send(env.get("/receivedpayments?dateFrom=2022-01-01&invoiceNumber=101")).await;
    assert_eq!(body["Meta"]["TotalCount"], 0);
}

#[tokio::test]
async fn over_payment_is_402_and_changes_nothing() {
    let env = start().await;
    env.create(vec![invoice(json!(7))]).await;
    let (status, body) = send(env.post("/salesinvoices/7/payments", &json!({ "Amount": 124.01 }))).await;
    assert_eq!(status, 402, "{body}");
    assert!(body["Message"].as_str().unwrap().contains("open amount"));
    let (_, body) = send(env.get("/salesinvoices/7/status")).await;
    assert_eq!(body["Status"], "Received");
    assert_eq!(body["PaidAmount"].to_string(), "0.00");

    let (status, _) = send(env.post("/salesinvoices/7/payments", &json!({ "Amount": 124 }))).await;
    assert_eq!(status, 200);
    let (status, _) = send(env.post("/salesinvoices/7/payments", &json!({ "Amount": 0.01 }))).await;
    assert_eq!(status, 402);
}

#[tokio::test]
async fn malformed_payments_are_400_and_unknown_invoices_404() {
    let env = start().await;
    env.create(vec![invoice(json!(7))]).await;
    for (payment, field) in [
        (json!({}), "Amount"),
        (json!({ "Amount": "x" }), "Amount"),
        (json!({ "Amount": -1 }), "Amount"),
        (json!({ "Amount": 1, "PaymentDate": "1.2.2022" }), "PaymentDate"),
        (json!({ "Amount": 1, "Currency": 978 }), "Currency"),
    ] {
        let (status, body) = send(env.post("/salesinvoices/7/payments", &payment)).await;
        assert_eq!(status, 400, "{payment}");
        assert_eq!(body["Errors"][0]["Field"], field);
    }
    let (status, _) = send(env.post("/salesinvoices/8/payments", &json!({ "Amount": 1 }))).await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn delivery_information_follows_deliveries() {
    let env = start().await;
    let mut paper = invoice(json!(2));
    paper["DeliveryType"] = json!("P");
    env.create(vec![invoice(json!(1)), paper, invoice(json!(3))]).await;
    let (status, body) = send(env.get("/salesinvoices/deliveryinformation")).await;
    assert_eq!(status, 200);
    assert_eq!(body["Meta"]["TotalCount"], 3);
    let first = &body["Data"][0];
    assert_eq!(first["InvoiceNumber"], 1);
    assert_eq!(first["DeliveryType"], "E");
    assert_eq!(first["DeliveryStatus"], "Pending");
    assert!(first["DeliveryDate"].is_null());
    assert!(first["Channel"].is_null());
    assert!(first["ErrorMessage"].is_null());

    assert!(env.sandbox.deliver("1"));
    assert!(env.sandbox.fail_delivery("2", "Postal code is malformed"));
    let (_, body) = send(env.get("/salesinvoices/deliveryinformation?invoiceNumber=1")).await;
    let today = Utc::now().date_naive();
    assert_eq!(body["Data"][0]["DeliveryStatus"], "Delivered");
    assert_eq!(body["Data"][0]["DeliveryDate"], today.format("%Y-%m-%d").to_string().as_str());
    assert_eq!(body["Data"][0]["Channel"], "Finvoice");
    let (_, body) = send(env.get("/salesinvoices/deliveryinformation?invoiceNumber=2")).await;
    assert_eq!(body["Data"][0]["DeliveryStatus"], "Failed");
    assert_eq!(body["Data"][0]["Channel"], "Print");
    assert_eq!(body["Data"][0]["ErrorMessage"], "Postal code is malformed");

    let tomorrow = today.checked_add_days(Days::new(1)).unwrap().format("%Y-%m-%d").to_string();
    let (_, body) = send(env.get(&format!("/salesinvoices/deliveryinformation?dateFrom={tomorrow}"))).await;
    assert_eq!(body["Meta"]["TotalCount"], 0);
    let (status, body) = send(env.get("/salesinvoices/deliveryinformation?dateTo=soon")).await;
    assert_eq!(status, 400);
    assert_eq!(body["Errors"][0]["Field"], "dateTo");
}

#[tokio::test]
async fn delivery_statistics_group_by_invoice_date_and_delivery_type() {
    let env = start().await;
    let mut a = invoice(json!(1));
    a["InvoiceDate"] = json!("2024-05-01");
    let mut b = invoice(json!(2));
    b["InvoiceDate"] = json!("2024-05-01");
    b["TotalAmount"] = json!(10.5);
    let mut c = invoice(json!(3));
    c["InvoiceDate"] = json!("2024-05-01");
    c["DeliveryType"] = json!("P");
    let mut d = invoice(json!(4));
    d["InvoiceDate"] = json!("2024-05-02");
    env.create(vec![a, b, c, d]).await;
    let (status, body) = send(env.get("/salesinvoices/deliverystatistics")).await;
    assert_eq!(status, 200, "{body}");
    // Money is compared as text: with arbitrary_precision, 134.50 and 134.5 differ.
    let expected: serde_json::Value = serde_json::from_str(
        r#"[
            { "InvoiceDate": "2024-05-01", "DeliveryType": "E", "InvoiceQty": 2, "TotalAmount": 134.50 },
            { "InvoiceDate": "2024-05-01", "DeliveryType": "P", "InvoiceQty": 1, "TotalAmount": 124.00 },
            { "InvoiceDate": "2024-05-02", "DeliveryType": "E", "InvoiceQty": 1, "TotalAmount": 124.00 }
        ]"#,
    )
    .unwrap();
    assert_eq!(body["Data"], expected);
    let (_, body) = send(env.get("/salesinvoices/deliverystatistics?dateFrom=2024-05-02&dateTo=2024-05-31")).await;
    assert_eq!(body["Meta"]["TotalCount"], 1);
}

#[tokio::test]
async fn finvoice_account_updates_create_and_update_contracts() {
    let env = start().await;
    let account = json!({
        "CustomerCode": "6654",
        "CustomerName": "Sami Santikko",
        "FinvoiceAddress": "FI4819503000000010",
        "FinvoiceIntermediator": "NDEAFIHH",
    });
    let (status, body) = send(env.put("/finvoiceaccounts", &account)).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body, json!({ "CustomerCode": "6654", "StatusDescription": "Created", "DefaultDeliveryMethod": "E" }));

    let mut changed = account.clone();
    changed["FinvoiceAddress"] = json!("003712345678");
    let (_, body) = send(env.put("/finvoiceaccounts", &changed)).await;
    assert_eq!(body["StatusDescription"], "Updated");

    let (status, body) = send(env.get("/electronicinvoicingcontracts?customerCode=6654")).await;
    assert_eq!(status, 200);
    assert_eq!(body["Meta"]["TotalCount"], 1);
    let contract = &body["Data"][0];
    assert_eq!(contract["CustomerCode"], "6654");
    assert_eq!(contract["FinvoiceAddress"], "003712345678");
    assert_eq!(contract["FinvoiceIntermediator"], "NDEAFIHH");
    assert_eq!(contract["Status"], "Active");
    assert!(contract["ContractDate"].is_string());
    let (_, body) = send(env.get("/electronicinvoicingcontracts?customerCode=1")).await;
    assert_eq!(body["Meta"]["TotalCount"], 0);

    let (status, body) = send(env.put("/finvoiceaccounts", &json!({ "CustomerCode": "1" }))).await;
    assert_eq!(status, 400);
    let fields: Vec<&str> = body["Errors"].as_array().unwrap().iter().map(|e| e["Field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["FinvoiceAddress", "FinvoiceIntermediator"]);
}
