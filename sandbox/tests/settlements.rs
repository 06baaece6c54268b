//! Settlements, direct settlements and credit losses, and how payments flow into them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{case, company, fields, invoice, paid, receivable, send, start, today};
use serde_json::{json, Value};

#[tokio::test]
async fn a_receivable_update_is_allocated_then_settled() {
    let env = start().await;
    let mut r = receivable(json!("R-1"), "100");
    r["InterestAmount"] = json!(3);
    env.open_cases(vec![case(company("A Oy", "0112038-9"), vec![r])]).await;
    env.pay_receivables(vec![paid(json!("R-1"), "101.50", &today())]).await;

    // The payment is an allocated payment transaction, not settled yet.
    let (status, body) = send(env.get("/allocated-payment-transactions?invoiceNumber=R-1")).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["Meta"]["TotalCount"], 1);
    let allocation = &body["Data"][0];
    assert_eq!(allocation["CaseId"], "1001");
    assert_eq!(allocation["Agency"], "CASH-IN");
    assert_eq!(allocation["InvoiceNumber"], "R-1");
    assert_eq!(allocation["PaymentType"], json!({ "Code": "1", "Description": "Direct payment" }));
    assert_eq!(allocation["Dates"]["PaymentDate"], today().as_str());
    assert!(allocation["Dates"]["SettlementDate"].is_null());
    assert_eq!(allocation["Amounts"]["PaymentAmount"].to_string(), "101.50");
    assert_eq!(allocation["Amounts"]["CapitalAmount"].to_string(), "100.00");
    assert_eq!(allocation["Amounts"]["InterestAmount"].to_string(), "1.50");
    assert_eq!(allocation["Amounts"]["CreditorCostsAmount"].to_string(), "0.00");
    assert!(env.data("/settlements").await.is_empty());

    // An invoice payment goes to a direct settlement.
    env.create(vec![invoice(json!(900))]).await;
    let (status, _) = send(env.post("/salesinvoices/900/payments", &json!({ "Amount": 24 }))).await;
    assert_eq!(status, 200);

    let settled = env.sandbox.settle();
    assert_eq!(settled.allocations, 2);
    assert_eq!(settled.settlements.len(), 1);
    assert_eq!(settled.direct_settlements.len(), 1);
    assert!(settled.closed_cases.is_empty(), "1.50 of interest is still open");
    let number = settled.settlements[0];
    let direct = settled.direct_settlements[0];
    assert_ne!(number, direct);
    let date_digits = today().replace('-', "");
    assert!(number.to_string().starts_with(&date_digits), "{number}");

    // The allocation now has its SettlementDate.
    let data = env.data("/allocated-payment-transactions?invoiceNumber=R-1").await;
    assert_eq!(data[0]["Dates"]["SettlementDate"], today().as_str());

    let list = env.data("/settlements").await;
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["SettlementNumber"], number);
    assert_eq!(list[0]["SettlementDate"], today().as_str());
    assert_eq!(list[0]["TotalAmount"].to_string(), "101.50");
    assert_eq!(list[0]["Currency"], "EUR");

    let (status, settlement) = send(env.get(&format!("/settlements/{number}"))).await;
    assert_eq!(status, 200, "{settlement}");
    assert_eq!(settlement["TotalAmount"].to_string(), "101.50");
    let rows = settlement["Rows"].as_array().unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["CaseId"], 1001);
    assert_eq!(rows[0]["InvoiceNumber"], "R-1");
    assert_eq!(rows[0]["Reference"], "1232");
    assert_eq!(rows[0]["PaymentDate"], today().as_str());
    assert_eq!(rows[0]["CapitalAmount"].to_string(), "100.00");
    assert_eq!(rows[0]["InterestAmount"].to_string(), "1.50");
    assert_eq!(rows[0]["CostsAmount"].to_string(), "0.00");
    assert_eq!(rows[0]["TotalAmount"].to_string(), "101.50");

    let directs = env.data("/directsettlements").await;
    assert_eq!(directs.len(), 1);
    assert_eq!(directs[0]["SettlementNumber"], direct);
    let (status, body) = send(env.get(&format!("/directsettlements/{direct}"))).await;
    assert_eq!(status, 200);
    assert_eq!(body["TotalAmount"].to_string(), "24.00");
    assert_eq!(
        body["Rows"],
        serde_json::from_str::<Value>(&format!(
            r#"[{{ "InvoiceNumber": 900, "Reference": "2516000017", "PaymentDate": "{}", "Amount": 24.00 }}]"#,
            today()
        ))
        .unwrap()
    );

    // A settlement is not a direct settlement, and the other way round.
    let (status, _) = send(env.get(&format!("/directsettlements/{number}"))).await;
    assert_eq!(status, 404);
    let (status, _) = send(env.get(&format!("/settlements/{direct}"))).await;
    assert_eq!(status, 404);
    let (status, body) = send(env.get("/settlements/abc")).await;
    assert_eq!(status, 400);
    assert_eq!(fields(&body), ["settlementNumber"]);

    // Paying the rest and settling again closes the case; nothing is settled twice.
    env.pay_receivables(vec![paid(json!("R-1"), "1.50", &today())]).await;
    let settled = env.sandbox.settle();
    assert_eq!(settled.allocations, 1);
    assert_eq!(settled.closed_cases, [1001]);
    assert!(settled.direct_settlements.is_empty());
    let listed = env.data("/collectioncases?caseId=1001").await;
    assert_eq!(listed[0]["Status"], "Closed");
    assert_eq!(env.data("/settlements").await.len(), 2);
    assert_eq!(env.sandbox.settle(), lasku_sandbox::Settled::default());

    // A closed case takes no more payments.
    let status = env.pay_receivables(vec![paid(json!("R-1"), "1", &today())]).await;
    assert_eq!(status["Items"][0]["Status"], "Rejected");
    assert!(status["Items"][0]["Message"].as_str().unwrap().contains("closed"));
}

#[tokio::test]
async fn settlement_lists_default_to_the_last_30_days_and_take_a_range() {
    let env = start().await;
    env.create(vec![invoice(json!(1))]).await;
    send(env.post("/salesinvoices/1/payments", &json!({ "Amount": 10 }))).await;
    let settled = env.sandbox.settle();
    assert_eq!(settled.direct_settlements.len(), 1);
    assert_eq!(env.data("/directsettlements").await.len(), 1);
    assert!(env.data("/directsettlements?dateFrom=2000-01-01&dateTo=2000-12-31").await.is_empty());
    assert_eq!(env.data(&format!("/directsettlements?dateFrom={}", today())).await.len(), 1);
    let (status, body) = send(env.get("/settlements?dateTo=yesterday")).await;
    assert_eq!(status, 400);
    assert_eq!(fields(&body), ["dateTo"]);
}

#[tokio::test]
async fn admin_settle_and_credit_loss_over_http() {
    let env = start().await;
    env.open_cases(vec![
        case(company("Lost Oy", "0112038-9"), vec![receivable(json!(1), "80"), receivable(json!(2), "20")]),
        case(company("Paid Oy", "1572860-0"), vec![receivable(json!(3), "5")]),
    ])
    .await;
    env.pay_receivables(vec![paid(json!(1), "30", &today()), paid(json!(3), "5", &today())]).await;

    let body: Value = env.client.post(env.admin("/settle")).send().await.unwrap().json().await.unwrap();
    assert_eq!(body["Allocations"], 2);
    assert_eq!(body["Settlements"].as_array().unwrap().len(), 1);
    assert_eq!(body["DirectSettlements"], json!([]));
    assert_eq!(body["ClosedCases"], json!([1002]));

    let response = env.client.post(env.admin("/creditloss")).json(&json!({ "CaseId": 1001 })).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["CaseId"], 1001);
    assert_eq!(body["Stage"], "CreditLoss");
    assert_eq!(body["Status"], "Closed");
    assert_eq!(body["CreditLossDate"], today().as_str());

    let response = env.client.post(env.admin("/creditloss")).json(&json!({ "CaseId": 1002 })).send().await.unwrap();
    assert_eq!(response.status(), 402, "a paid case is not a credit loss");
    let response = env.client.post(env.admin("/creditloss")).json(&json!({ "caseId": 4242 })).send().await.unwrap();
    assert_eq!(response.status(), 404);
    let response = env.client.post(env.admin("/creditloss")).json(&json!({})).send().await.unwrap();
    assert_eq!(response.status(), 400);

    let listed = env.data("/collectioncases?caseId=1001").await;
    assert_eq!(listed[0]["Stage"], "CreditLoss");

    let losses = env.data("/creditlossreceivables").await;
    assert_eq!(losses.len(), 2);
    let first = &losses[0];
    assert_eq!(first["CaseId"], 1001);
    assert_eq!(first["InvoiceNumber"], 1);
    assert_eq!(first["DebtorName"], "Lost Oy");
    assert_eq!(first["CreditLossDate"], today().as_str());
    assert_eq!(first["CapitalAmount"].to_string(), "50.00");
    assert_eq!(first["InterestAmount"].to_string(), "0.00");
    let ledger = &first["AccountingData"]["Ledgers"][0];
    assert_eq!(ledger["LedgerDate"], today().as_str());
    let rows = ledger["Rows"].as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["Debit"].to_string(), "50.00");
    assert_eq!(rows[1]["Credit"].to_string(), "50.00");
    assert_eq!(rows[0]["Dimensions"][0], json!({ "Name": "CaseId", "Value": "1001" }));
    assert!(env.data("/creditlossreceivables?dateTo=2000-01-01").await.is_empty());

    // Through the handle, too; repeating it changes nothing.
    assert!(env.sandbox.credit_loss(1001));
    assert!(!env.sandbox.credit_loss(1002));
    assert!(!env.sandbox.credit_loss(7));
    assert_eq!(env.data("/creditlossreceivables").await.len(), 2);
}
