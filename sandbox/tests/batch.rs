//! submit_sales_invoice_batch and list_batch_uploads.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::time::Duration;

use common::{invoice, send, start, start_with, Env};
use lasku_sandbox::SandboxConfig;
use serde_json::{json, Value};

/// Polls the batch until it is processed.
async fn processed(env: &Env, batch_url: &str) -> Value {
    for _ in 0..200 {
        let (status, body) =
            send(env.client.get(batch_url).header("X-Api-Key", lasku_sandbox::DEFAULT_CREDITOR_KEY)).await;
        assert_eq!(status, 200, "{body}");
        if body["Data"][0]["Status"] == "Processed" {
            return body["Data"][0].clone();
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("batch at {batch_url} was never processed");
}

#[tokio::test]
async fn a_batch_is_accepted_with_202_then_processed_into_export_lines() {
    let env = start().await;
    env.create(vec![invoice(json!(1))]).await;
    let mut missing_date = invoice(json!(4));
    missing_date.as_object_mut().unwrap().remove("DueDate");
    let request = json!({ "SalesInvoices": [
        { "SalesInvoice": [invoice(json!(2)), invoice(json!("1"))] },
        { "SalesInvoice": [missing_date, invoice(json!(3)), invoice(json!(3))] },
    ]});
    let (status, body) = send(env.post("/batchsalesinvoices", &request)).await;
    assert_eq!(status, 202, "{body}");
    assert_eq!(body["QtyOfInvoices"], 5);
    assert_eq!(body["BatchId"], 1);
    assert!(body["StatusDescription"].is_string());
    let url = body["BatchUrl"].as_str().unwrap().to_owned();
    assert_eq!(url, format!("{}/batchsalesinvoices?batchId=1", env.sandbox.base_url()));

    let batch = processed(&env, &url).await;
    assert_eq!(batch["BatchId"], 1);
    assert_eq!(batch["QtyOfInvoices"], 5);
    assert!(batch["CreatedAt"].is_string());
    assert!(batch["ProcessedAt"].is_string());
    assert_eq!(batch["Outcome"], json!({ "Accepted": 2, "Rejected": 3 }));
    let lines = batch["ExportLines"].as_array().unwrap();
    let summary: Vec<(u64, Value, &str)> = lines
        .iter()
        .map(|l| (l["LineNumber"].as_u64().unwrap(), l["InvoiceNumber"].clone(), l["Status"].as_str().unwrap()))
        .collect();
    assert_eq!(
        summary,
        [
            (1, json!(2), "Accepted"),
            (2, json!("1"), "Rejected"),
            (3, json!(4), "Rejected"),
            (4, json!(3), "Accepted"),
            (5, json!(3), "Rejected"),
        ]
    );
    assert!(lines[1]["Message"].as_str().unwrap().contains("already exists"));
    assert!(lines[2]["Message"].as_str().unwrap().contains("SalesInvoices[1].SalesInvoice[0].DueDate"));
    assert_eq!(lines[0]["Message"], "Accepted");

    let numbers: Vec<Value> = env.list().await.iter().map(|i| i["InvoiceNumber"].clone()).collect();
    assert_eq!(numbers, [json!(1), json!(2), json!(3)]);
}

#[tokio::test]
async fn batch_ids_increase_and_the_list_shows_every_batch() {
    let env = start().await;
    for n in 1..=2 {
        let request = json!({ "SalesInvoices": [{ "SalesInvoice": [invoice(json!(n))] }] });
        let (status, body) = send(env.post("/batchsalesinvoices", &request)).await;
        assert_eq!(status, 202);
        assert_eq!(body["BatchId"], n);
        processed(&env, body["BatchUrl"].as_str().unwrap()).await;
    }
    let (status, body) = send(env.get("/batchsalesinvoices")).await;
    assert_eq!(status, 200);
    assert_eq!(body["Meta"]["TotalCount"], 2);
    let (_, body) = send(env.get("/batchsalesinvoices?batchId=99")).await;
    assert_eq!(body["Meta"]["TotalCount"], 0);
    let (status, body) = send(env.get("/batchsalesinvoices?batchId=x")).await;
    assert_eq!(status, 400);
    assert_eq!(body["Errors"][0]["Field"], "batchId");
}

#[tokio::test]
async fn a_processing_delay_is_visible_before_the_batch_is_processed() {
    let env = start_with(SandboxConfig { batch_processing_delay_ms: 300, ..SandboxConfig::default() }).await;
    let request = json!({ "SalesInvoices": [{ "SalesInvoice": [invoice(json!(1))] }] });
    let (_, body) = send(env.post("/batchsalesinvoices", &request)).await;
    let url = body["BatchUrl"].as_str().unwrap().to_owned();
    let (_, listed) = send(env.client.get(&url).header("X-Api-Key", lasku_sandbox::DEFAULT_CREDITOR_KEY)).await;
    let status = listed["Data"][0]["Status"].as_str().unwrap();
    assert!(status == "Received" || status == "Processing", "{status}");
    assert!(listed["Data"][0]["ProcessedAt"].is_null());
    assert!(env.list().await.is_empty());
    processed(&env, &url).await;
    assert_eq!(env.list().await.len(), 1);
}

#[tokio::test]
async fn a_malformed_batch_envelope_is_400() {
    let env = start().await;
    for (request, field) in [
        (json!({}), "SalesInvoices"),
        (json!({ "SalesInvoices": {} }), "SalesInvoices"),
        (json!({ "SalesInvoices": [] }), "SalesInvoices"),
        (json!({ "SalesInvoices": [{ "SalesInvoice": [] }] }), "SalesInvoices"),
        (json!({ "SalesInvoices": [{}] }), "SalesInvoices[0].SalesInvoice"),
        (json!({ "SalesInvoices": [7] }), "SalesInvoices[0]"),
    ] {
        let (status, body) = send(env.post("/batchsalesinvoices", &request)).await;
        assert_eq!(status, 400, "{request}");
        assert_eq!(body["Errors"][0]["Field"], field, "{request}");
    }
}

#[tokio::test]
async fn the_published_example_batch_is_accepted() {
    let env = start().await;
    let example = include_str!("fixtures/cashin-batchsalesinvoices.request.json");
    let response = env
        .request(reqwest::Method::POST, "/batchsalesinvoices")
        .header("Content-Type", "application/json")
        .body(example)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 202);
    let body: Value = response.json().await.unwrap();
    let batch = processed(&env, body["BatchUrl"].as_str().unwrap()).await;
    assert_eq!(batch["ExportLines"][0]["Status"], "Accepted", "{batch}");
    assert_eq!(batch["ExportLines"][0]["InvoiceNumber"], 251600002);
}
