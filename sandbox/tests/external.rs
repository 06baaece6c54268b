//! External invoices: delivery and payment information, direct payments, invoice actions and
//! the agreement status.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{case, company, fields, invoice, receivable, send, start, today};
use serde_json::json;

#[tokio::test]
async fn external_delivery_information_lists_every_stored_invoice() {
    let env = start().await;
    let mut paper = invoice(json!("B-2"));
    paper["DeliveryType"] = json!("P");
    paper.as_object_mut().unwrap().remove("SalesName");
    paper["BillingName"] = json!("Laskutus Oy");
    env.create(vec![invoice(json!(1)), paper]).await;
    assert!(env.sandbox.deliver("1"));

    let (status, body) = send(env.get("/externalinvoices/deliveryinformation")).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["Meta"]["TotalCount"], 2);
    let first = &body["Data"][0];
    assert_eq!(first["InvoiceNumber"], 1);
    assert_eq!(first["InvoiceDate"], "2022-01-20");
    assert_eq!(first["BuyerName"], "Sami Santikko");
    assert_eq!(first["TotalAmount"].to_string(), "124.00");
    assert_eq!(first["DeliveryType"], "E");
    assert_eq!(first["DeliveryStatus"], "Delivered");
    assert_eq!(first["DeliveryDate"], today().as_str());
    assert_eq!(
        first["Rows"],
        json!([{ "Description": "Myyntituotteen nimi", "Qty": 1, "Price": 100, "VatPercent": 24, "Total": 124 }])
    );
    let second = &body["Data"][1];
    assert_eq!(second["BuyerName"], "Laskutus Oy");
    assert_eq!(second["DeliveryStatus"], "Pending");
    assert!(second["DeliveryDate"].is_null());

    assert_eq!(env.data("/externalinvoices/deliveryinformation?invoiceNumber=B-2").await.len(), 1);
    assert!(env.data("/externalinvoices/deliveryinformation?dateTo=2000-01-01").await.is_empty());
}

#[tokio::test]
async fn direct_payments_pay_the_invoice_and_show_everywhere() {
    let env = start().await;
    env.create(vec![invoice(json!(10)), invoice(json!(11))]).await;
    let (status, _) =
        send(env.post("/salesinvoices/10/payments", &json!({ "Amount": 20, "PaymentReference": "RF18539007547034" })))
            .await;
    assert_eq!(status, 200);

    let payments = json!({ "DirectPayments": [
        { "InvoiceNumber": 10, "PaymentDate": "2024-05-02", "Amount": "100.00", "PaymentMethod": "Cash", "Reference": "kassa-1" },
        { "InvoiceNumber": "11", "Amount": 124 },
    ]});
    let (status, body) = send(env.post("/externalinvoices/directpayments", &payments)).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body, json!({ "StatusDescription": "Received", "QtyOfPayments": 2 }));

    let (_, status10) = send(env.get("/salesinvoices/10/status")).await;
    assert_eq!(status10["Status"], "PartiallyPaid");
    assert_eq!(status10["PaidAmount"].to_string(), "120.00");
    assert_eq!(status10["OpenAmount"].to_string(), "4.00");
    let (_, status11) = send(env.get("/salesinvoices/11/status")).await;
    assert_eq!(status11["Status"], "Paid");

    // Payment information: the payment posted on the invoice and both direct payments.
    let info = env.data("/externalinvoices/payments").await;
    assert_eq!(info.len(), 3);
    assert_eq!(info[0]["InvoiceNumber"], 10);
    assert_eq!(info[0]["Reference"], "RF18539007547034");
    assert_eq!(info[0]["PaymentMethod"], "Bank Transfer");
    assert_eq!(info[1]["PaymentDate"], "2024-05-02");
    assert_eq!(info[1]["Amount"].to_string(), "100.00");
    assert_eq!(info[1]["PaymentMethod"], "Cash");
    assert_eq!(info[1]["Reference"], "kassa-1");
    assert_eq!(info[2]["InvoiceNumber"], 11);
    assert_eq!(info[2]["Reference"], "2516000017", "the invoice's reference when the payment has none");
    assert_eq!(info[2]["PaymentMethod"], "Direct payment");
    assert_eq!(info[2]["PaymentDate"], today().as_str());
    assert!(info.iter().all(|p| p["PaymentId"].is_u64()));
    assert_eq!(env.data("/externalinvoices/payments?invoiceNumber=11").await.len(), 1);
    assert_eq!(env.data("/externalinvoices/payments?dateFrom=2024-05-01&dateTo=2024-05-31").await.len(), 1);

    // Received payments and allocated payment transactions see them too.
    let received = env.data("/receivedpayments?invoiceNumber=11").await;
    assert_eq!(received[0]["Source"], "DirectPayment");
    let allocated = env.data("/allocated-payment-transactions?invoiceNumber=11").await;
    assert_eq!(allocated[0]["PaymentType"], json!({ "Code": "1", "Description": "Direct payment" }));

    // And a direct settlement pays them out.
    let settled = env.sandbox.settle();
    assert_eq!(settled.direct_settlements.len(), 1);
    assert!(settled.settlements.is_empty());
    let (_, settlement) = send(env.get(&format!("/directsettlements/{}", settled.direct_settlements[0]))).await;
    assert_eq!(settlement["Rows"].as_array().unwrap().len(), 3);
    assert_eq!(settlement["TotalAmount"].to_string(), "244.00");
}

#[tokio::test]
async fn direct_payments_are_all_or_nothing() {
    let env = start().await;
    env.create(vec![invoice(json!(1))]).await;
    // Together above the open amount of 124: 402, nothing posted.
    let (status, body) = send(env.post(
        "/externalinvoices/directpayments",
        &json!({ "DirectPayments": [{ "InvoiceNumber": 1, "Amount": 100 }, { "InvoiceNumber": 1, "Amount": 25 }] }),
    ))
    .await;
    assert_eq!(status, 402, "{body}");
    let (status, _) = send(env.post(
        "/externalinvoices/directpayments",
        &json!({ "DirectPayments": [{ "InvoiceNumber": 1, "Amount": 1 }, { "InvoiceNumber": 2, "Amount": 1 }] }),
    ))
    .await;
    assert_eq!(status, 404);
    let (_, inv) = send(env.get("/salesinvoices/1/status")).await;
    assert_eq!(inv["PaidAmount"].to_string(), "0.00");
    for (body, expected) in [
        (json!({ "DirectPayments": [] }), vec!["DirectPayments"]),
        (json!({ "DirectPayments": [{ "Amount": 1 }] }), vec!["DirectPayments[0].InvoiceNumber"]),
        (
            json!({ "DirectPayments": [{ "InvoiceNumber": 1, "Amount": -5, "PaymentDate": "x" }] }),
            vec!["DirectPayments[0].PaymentDate", "DirectPayments[0].Amount"],
        ),
    ] {
        let (status, reply) = send(env.post("/externalinvoices/directpayments", &body)).await;
        assert_eq!(status, 400, "{body}");
        assert_eq!(fields(&reply), expected);
    }
    assert!(env.data("/externalinvoices/payments").await.is_empty());
}

#[tokio::test]
async fn invoice_actions_are_checked_and_queued() {
    let env = start().await;
    env.create(vec![invoice(json!(1))]).await;
    env.open_cases(vec![case(company("A Oy", "0112038-9"), vec![receivable(json!("C-1"), "10")])]).await;

    let actions = json!({ "Actions": [
        { "Code": "COMMENT", "Comment": "Called the customer", "InvoiceNumber": 1 },
        { "Code": "duedate", "InvoiceNumber": "C-1", "CaseId": 1001, "DueDate": "2030-01-31" },
        { "Code": "PAUSE", "InvoiceNumber": "C-1", "CaseId": "1001" },
    ]});
    let (status, body) = send(env.post("/externalinvoices/actions", &actions)).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["QtyOfActions"], 3);
    assert_eq!(body["Actions"][0], json!({ "Code": "COMMENT", "InvoiceNumber": 1, "Status": "Pending" }));
    assert_eq!(body["Actions"][1]["Code"], "DUEDATE");

    let received: serde_json::Value =
        env.client.get(env.admin("/received")).send().await.unwrap().json().await.unwrap();
    assert_eq!(received["InvoiceActions"].as_array().unwrap().len(), 3);
    assert_eq!(received["InvoiceActions"][1]["DueDate"], "2030-01-31");

    for (action, field) in [
        (json!({ "Code": "DUEDATE", "InvoiceNumber": 1 }), "Actions[0].DueDate"),
        (json!({ "Code": "DIRECTPAYMENT", "InvoiceNumber": 1 }), "Actions[0].Code"),
        (json!({ "InvoiceNumber": 1 }), "Actions[0].Code"),
        (json!({ "Code": "COMMENT" }), "Actions[0].InvoiceNumber"),
        (json!({ "Code": "COMMENT", "InvoiceNumber": 1, "CaseId": "abc" }), "Actions[0].CaseId"),
        (json!({ "Code": "DUEDATE", "InvoiceNumber": 1, "DueDate": "31.1.2030" }), "Actions[0].DueDate"),
    ] {
        let (status, body) = send(env.post("/externalinvoices/actions", &json!({ "Actions": [action] }))).await;
        assert_eq!(status, 400, "{action}");
        assert_eq!(fields(&body), [field], "{action}");
    }
    for action in [
        json!({ "Code": "WITHDRAW", "InvoiceNumber": 99 }),
        json!({ "Code": "WITHDRAW", "InvoiceNumber": 1, "CaseId": 5 }),
    ] {
        let (status, _) = send(env.post("/externalinvoices/actions", &json!({ "Actions": [action] }))).await;
        assert_eq!(status, 404);
    }
}

#[tokio::test]
async fn the_agreement_status_is_active() {
    let env = start().await;
    let (status, body) = send(env.get("/externalinvoices/agreementstatus")).await;
    assert_eq!(status, 200);
    assert_eq!(body["AgreementIdentifier"], "SANDBOX-AGREEMENT");
    assert_eq!(body["Status"], "Active");
    assert_eq!(body["ValidFrom"], today().as_str());
    assert_eq!(body["ServiceType"], "LIFECYCLE");
}
