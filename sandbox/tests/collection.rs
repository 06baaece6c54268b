//! Collection cases, receivable updates and the debtor summary.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{case, company, fields, paid, receivable, send, start, start_with, today};
use lasku_sandbox::SandboxConfig;
use serde_json::{json, Value};

#[tokio::test]
async fn cases_are_opened_by_a_batch_with_integer_case_ids() {
    let env = start().await;
    let cases = json!({ "Cases": [
        case(company("Velallinen Oy", "0112038-9"), vec![receivable(json!(5001), "100.00"), receivable(json!("5002"), "50")]),
        case(json!({ "DebtorType": "Person", "Name": "Maija Meikäläinen" }), vec![receivable(json!("A-1"), "10.5")]),
    ]});
    let (status, body) = send(env.post("/collectioncases", &cases)).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["StatusDescription"], "Received");
    assert_eq!(body["QtyOfItems"], 3);
    let batch_id = body["BatchId"].as_u64().unwrap();
    let url = body["BatchUrl"].as_str().unwrap();
    assert_eq!(url, format!("{}/collectioncases/batches/{batch_id}", env.sandbox.base_url()));

    let status = env.processed(url).await;
    assert_eq!(status["BatchId"], batch_id);
    assert_eq!(status["QtyOfItems"], 3);
    let items = status["Items"].as_array().unwrap();
    let summary: Vec<(u64, Value, Value, &str)> = items
        .iter()
        .map(|i| {
            (
                i["LineNumber"].as_u64().unwrap(),
                i["InvoiceNumber"].clone(),
                i["CaseId"].clone(),
                i["Status"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (1, json!(5001), json!(1001), "Accepted"),
            (2, json!("5002"), json!(1001), "Accepted"),
            (3, json!("A-1"), json!(1002), "Accepted"),
        ]
    );
    assert_eq!(items[0]["Reference"], "1232");

    // Every receivable is listed with its case.
    let (status, body) = send(env.get("/collectioncases")).await;
    assert_eq!(status, 200);
    assert_eq!(body["Meta"]["TotalCount"], 3);
    let first = &body["Data"][0];
    assert_eq!(first["CaseId"], 1001);
    assert_eq!(first["InvoiceNumber"], 5001);
    assert_eq!(first["Reference"], "1232");
    assert_eq!(first["Status"], "Open");
    assert_eq!(first["Stage"], "Reminder");
    assert_eq!(first["DebtorName"], "Velallinen Oy");
    assert_eq!(first["CapitalAmount"].to_string(), "100.00");
    assert_eq!(first["OutstandingCapitalAmount"].to_string(), "100.00");
    assert_eq!(first["OutstandingTotalAmount"].to_string(), "100.00");
    assert!(first["LatestPaymentDate"].is_null());

    // Filters.
    assert_eq!(env.data("/collectioncases?caseId=1001").await.len(), 2);
    assert_eq!(env.data("/collectioncases?invoiceNumber=5002").await[0]["CaseId"], 1001);
    assert_eq!(env.data("/collectioncases?invoiceNumber=A-1").await[0]["CaseId"], 1002);
    assert_eq!(env.data("/collectioncases?reference=1232").await.len(), 3);
    assert_eq!(env.data("/collectioncases?reference=nope").await.len(), 0);
    assert_eq!(env.data("/collectioncases?caseId=1002&invoiceNumber=5001").await.len(), 0);
    let (status, body) = send(env.get("/collectioncases?caseId=999")).await;
    assert_eq!(status, 404, "{body}");
    let (status, body) = send(env.get("/collectioncases?caseId=abc")).await;
    assert_eq!(status, 400);
    assert_eq!(fields(&body), ["caseId"]);
}

#[tokio::test]
async fn a_receivable_that_already_has_a_case_is_rejected() {
    let env = start().await;
    env.open_cases(vec![case(company("A Oy", "0112038-9"), vec![receivable(json!(1), "10")])]).await;
    let status = env
        .open_cases(vec![
            case(company("A Oy", "0112038-9"), vec![receivable(json!("1"), "10"), receivable(json!(2), "20")]),
            case(company("B Oy", "1572860-0"), vec![receivable(json!(2), "20")]),
            case(company("C Oy", "2617416-4"), vec![receivable(json!(1), "5")]),
        ])
        .await;
    let items = status["Items"].as_array().unwrap();
    let summary: Vec<(&str, Value)> =
        items.iter().map(|i| (i["Status"].as_str().unwrap(), i["CaseId"].clone())).collect();
    assert_eq!(
        summary,
        [("Rejected", Value::Null), ("Accepted", json!(1002)), ("Rejected", Value::Null), ("Rejected", Value::Null)]
    );
    assert!(items[0]["Message"].as_str().unwrap().contains("already has case 1001"));
    assert!(items[2]["Message"].as_str().unwrap().contains("already has case 1002"));
    // The case with only rejected receivables was not opened; the next id is 1003.
    let listed = env.data("/collectioncases").await;
    let ids: Vec<&Value> = listed.iter().map(|c| &c["CaseId"]).collect();
    assert_eq!(ids, [&json!(1001), &json!(1002)]);
    let status = env.open_cases(vec![case(company("D Oy", "0112038-9"), vec![receivable(json!(3), "1")])]).await;
    assert_eq!(status["Items"][0]["CaseId"], 1003);
}

#[tokio::test]
async fn malformed_cases_are_400_naming_the_field_and_nothing_is_submitted() {
    let env = start().await;
    let mut no_due = receivable(json!(1), "10");
    no_due.as_object_mut().unwrap().remove("DueDate");
    let mut bad_amount = receivable(json!(2), "ten");
    bad_amount["InterestAmount"] = json!(-1);
    for (body, expected) in [
        (json!({}), vec!["Cases"]),
        (json!({ "Cases": [] }), vec!["Cases"]),
        (json!({ "Cases": [{ "Receivables": [receivable(json!(1), "1")] }]}), vec!["Cases[0].Debtor"]),
        (
            json!({ "Cases": [{ "Debtor": { "Name": "" }, "Receivables": [] }]}),
            vec!["Cases[0].Debtor.Name", "Cases[0].Receivables"],
        ),
        (
            json!({ "Cases": [case(json!({ "Name": "X", "DebtorType": "Robot" }), vec![no_due, bad_amount])] }),
            vec![
                "Cases[0].Debtor.DebtorType",
                "Cases[0].Receivables[0].DueDate",
                "Cases[0].Receivables[1].CapitalAmount",
                "Cases[0].Receivables[1].InterestAmount",
            ],
        ),
    ] {
        let (status, reply) = send(env.post("/collectioncases", &body)).await;
        assert_eq!(status, 400, "{body}");
        assert_eq!(fields(&reply), expected, "{body}");
        assert!(reply["Message"].is_string());
    }
    let (status, _) = send(env.get("/collectioncases/batches/1")).await;
    assert_eq!(status, 404);
    let (status, body) = send(env.get("/collectioncases/batches/x")).await;
    assert_eq!(status, 400);
    assert_eq!(fields(&body), ["batchId"]);
}

#[tokio::test]
async fn batches_wait_for_the_processing_delay() {
    let env = start_with(SandboxConfig { batch_processing_delay_ms: 300, ..SandboxConfig::default() }).await;
    let (_, body) = send(env.post(
        "/collectioncases",
        &json!({ "Cases": [case(company("A Oy", "0112038-9"), vec![receivable(json!(1), "10")])] }),
    ))
    .await;
    let url = body["BatchUrl"].as_str().unwrap().to_owned();
    let (status, early) = send(env.client.get(&url).header("X-Api-Key", lasku_sandbox::DEFAULT_CREDITOR_KEY)).await;
    assert_eq!(status, 200);
    assert!(early["Status"] == "Received" || early["Status"] == "Processing", "{early}");
    assert_eq!(early["Items"], json!([]));
    assert!(env.data("/collectioncases").await.is_empty());
    let done = env.processed(&url).await;
    assert_eq!(done["Items"][0]["Status"], "Accepted");
    assert_eq!(env.data("/collectioncases").await.len(), 1);
}

#[tokio::test]
async fn receivable_updates_reduce_outstanding_amounts() {
    let env = start().await;
    let mut r = receivable(json!(7), "100");
    r["InterestAmount"] = json!("4.50");
    r["CostsAmount"] = json!(5);
    env.open_cases(vec![case(company("A Oy", "0112038-9"), vec![r, receivable(json!(8), "20")])]).await;

    let (status, body) = send(env.post(
        "/collectionreceivables",
        &json!({ "Receivables": [
            paid(json!(7), "60", &today()),
            paid(json!("7"), "42.25", "2024-03-02"),
            paid(json!(9), "1", &today()),
            paid(json!(8), "20.01", &today()),
        ]}),
    ))
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["QtyOfItems"], 4);
    let url = body["BatchUrl"].as_str().unwrap();
    assert_eq!(url, format!("{}/collectionreceivables/batches/{}", env.sandbox.base_url(), body["BatchId"]));
    let status = env.processed(url).await;
    let items = status["Items"].as_array().unwrap();
    let summary: Vec<(&str, Value)> =
        items.iter().map(|i| (i["Status"].as_str().unwrap(), i["CaseId"].clone())).collect();
    assert_eq!(
        summary,
        [("Accepted", json!(1001)), ("Accepted", json!(1001)), ("Rejected", Value::Null), ("Rejected", json!(1001))]
    );
    assert!(items[2]["Message"].as_str().unwrap().contains("no collection case"));
    assert!(items[3]["Message"].as_str().unwrap().contains("exceeds the outstanding amount 20.00"));
    assert_eq!(items[0]["Reference"], "1232");

    // 102.25 paid: capital 100 first, then 2.25 of the interest.
    let listed = env.data("/collectioncases?invoiceNumber=7").await;
    assert_eq!(listed[0]["OutstandingCapitalAmount"].to_string(), "0.00");
    assert_eq!(listed[0]["OutstandingTotalAmount"].to_string(), "7.25");
    assert_eq!(listed[0]["LatestPaymentDate"], today().as_str());
    assert_eq!(listed[0]["Status"], "Open");
    let listed = env.data("/collectioncases?invoiceNumber=8").await;
    assert_eq!(listed[0]["OutstandingTotalAmount"].to_string(), "20.00");

    // The receivables batch is not a case batch.
    let batch_id = status["BatchId"].as_u64().unwrap();
    let (status, _) = send(env.get(&format!("/collectioncases/batches/{batch_id}"))).await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn malformed_receivable_updates_are_400() {
    let env = start().await;
    for (body, expected) in [
        (json!({ "Receivables": "x" }), vec!["Receivables"]),
        (
            json!({ "Receivables": [{ "InvoiceNumber": 1 }] }),
            vec!["Receivables[0].PaymentDate", "Receivables[0].PaidAmount"],
        ),
        (json!({ "Receivables": [paid(json!(1), "0", "2024-01-01")] }), vec!["Receivables[0].PaidAmount"]),
        (
            json!({ "Receivables": [paid(json!(true), "1", "1.1.2024")] }),
            vec!["Receivables[0].InvoiceNumber", "Receivables[0].PaymentDate"],
        ),
    ] {
        let (status, reply) = send(env.post("/collectionreceivables", &body)).await;
        assert_eq!(status, 400, "{body}");
        assert_eq!(fields(&reply), expected, "{body}");
    }
    let (status, _) = send(env.get("/collectionreceivables/batches/77")).await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn the_debtor_summary_aggregates_cases_per_debtor() {
    let env = start().await;
    env.open_cases(vec![
        case(company("A Oy", "0112038-9"), vec![receivable(json!(1), "100"), receivable(json!(2), "50")]),
        case(company("A Oy (old name)", "0112038-9"), vec![receivable(json!(3), "25")]),
        case(json!({ "Name": "Matti", "PersonalIdentityNumber": "010190-123A" }), vec![receivable(json!(4), "10")]),
        case(json!({ "Name": "Liisa", "CustomerCode": "C-9" }), vec![receivable(json!(5), "1")]),
        case(json!({ "Name": "Pekka" }), vec![receivable(json!(6), "2")]),
    ])
    .await;
    env.pay_receivables(vec![paid(json!(3), "25", &today())]).await;
    env.sandbox.settle(); // closes the case of invoice 3

    let summaries = env.data("/collectioncases/debtorsummary").await;
    let identifiers: Vec<&str> = summaries.iter().map(|s| s["DebtorIdentifier"].as_str().unwrap()).collect();
    assert_eq!(identifiers, ["0112038-9", "010190-123A", "C-9", "Pekka"]);
    let a = &summaries[0];
    assert_eq!(a["DebtorName"], "A Oy");
    assert_eq!(a["CaseCount"], 2);
    assert_eq!(a["OpenCaseCount"], 1);
    assert_eq!(a["OutstandingCapitalAmount"].to_string(), "150.00");
    assert_eq!(a["OutstandingTotalAmount"].to_string(), "150.00");

    let one = env.data("/collectioncases/debtorsummary?debtorIdentifier=C-9").await;
    assert_eq!(one.len(), 1);
    assert_eq!(one[0]["DebtorName"], "Liisa");
    assert!(env.data("/collectioncases/debtorsummary?debtorIdentifier=nobody").await.is_empty());
}

#[tokio::test]
async fn the_largest_amounts_do_not_break_anything() {
    let env = start().await;
    let max = "79228162514264337593543950335";
    let mut r = receivable(json!(1), max);
    r["InterestAmount"] = json!(max);
    r["CostsAmount"] = json!(max);
    let status = env
        .open_cases(vec![
            case(company("A Oy", "0112038-9"), vec![r.clone()]),
            case(company("A Oy", "0112038-9"), vec![receivable(json!(2), max)]),
        ])
        .await;
    assert_eq!(status["Items"][0]["Status"], "Accepted", "{status}");
    let status = env.pay_receivables(vec![paid(json!(1), max, &today()), paid(json!(2), max, &today())]).await;
    assert_eq!(status["Items"][1]["Status"], "Accepted", "{status}");
    for path in ["/collectioncases", "/collectioncases/debtorsummary", "/allocated-payment-transactions?sortBy=amount"]
    {
        let (status, body) = send(env.get(path)).await;
        assert_eq!(status, 200, "{path}: {body}");
    }
    let settled = env.sandbox.settle();
    let (status, _) = send(env.get(&format!("/settlements/{}", settled.settlements[0]))).await;
    assert_eq!(status, 200);
    let (status, _) = send(env.get("/settlements")).await;
    assert_eq!(status, 200);
}
