//! Faults on demand: the X-Lasku-Fault header and queued rules.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::time::{Duration, Instant};

use common::{invoice, send, start};
use lasku::catalog::ids;
use lasku_sandbox::{Fault, FaultRule};
use serde_json::{json, Value};

fn create_body(number: u64) -> Value {
    json!({ "SalesInvoice": [invoice(json!(number))] })
}

#[tokio::test]
async fn status_faults_answer_that_status_without_processing() {
    let env = start().await;
    let (status, body) = send(env.post("/salesinvoices", &create_body(1)).header("X-Lasku-Fault", "status=503")).await;
    assert_eq!(status, 503);
    assert!(body["Message"].as_str().unwrap().contains("503"));
    assert!(env.list().await.is_empty());

    let response = env
        .post("/salesinvoices", &create_body(1))
        .header("X-Lasku-Fault", "status=429;retry-after=2")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 429);
    assert_eq!(response.headers()["retry-after"], "2");
    let body: Value = response.json().await.unwrap();
    assert!(body["Message"].is_string());
    assert!(env.list().await.is_empty());
}

#[tokio::test]
async fn delay_faults_delay_and_combine() {
    let env = start().await;
    let started = Instant::now();
    let (status, _) = send(env.get("/salesinvoices").header("X-Lasku-Fault", "delay=300")).await;
    assert_eq!(status, 200);
    assert!(started.elapsed() >= Duration::from_millis(300));

    let started = Instant::now();
    let (status, _) =
        send(env.post("/salesinvoices", &create_body(1)).header("X-Lasku-Fault", "delay=200;status=500")).await;
    assert_eq!(status, 500);
    assert!(started.elapsed() >= Duration::from_millis(200));
    assert!(env.list().await.is_empty());

    // A client timeout shorter than the delay sees a timeout.
    let result = env
        .get("/salesinvoices")
        .header("X-Lasku-Fault", "delay=2000")
        .timeout(Duration::from_millis(100))
        .send()
        .await;
    assert!(result.unwrap_err().is_timeout());
}

#[tokio::test]
async fn drop_before_closes_the_connection_without_processing() {
    let env = start().await;
    let result = env.post("/salesinvoices", &create_body(1)).header("X-Lasku-Fault", "drop=before").send().await;
    let error = result.expect_err("the client must see a connection-level error");
    eprintln!("drop=before: {error:?}");
    assert!(!error.is_status() && !error.is_timeout(), "{error:?}");
    assert!(error.is_request(), "{error:?}");
    assert!(env.list().await.is_empty());
    let hit = &env.sandbox.hits()[0];
    assert_eq!(hit.status, 0);
    assert_eq!(hit.fault.as_deref(), Some("drop=before"));
    // The server keeps serving other connections.
    env.create(vec![invoice(json!(1))]).await;
}

#[tokio::test]
async fn drop_after_processes_then_closes_the_connection() {
    let env = start().await;
    let result = env.post("/salesinvoices", &create_body(1)).header("X-Lasku-Fault", "drop=after").send().await;
    let error = result.expect_err("the client must see a connection-level error");
    eprintln!("drop=after: {error:?}");
    assert!(!error.is_status() && !error.is_timeout(), "{error:?}");
    assert!(error.is_request(), "{error:?}");
    let listed = env.list().await;
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["InvoiceNumber"], 1);
    // A naive retry of the non-idempotent create now hits the duplicate rule.
    let (status, _) = send(env.post("/salesinvoices", &create_body(1))).await;
    assert_eq!(status, 402);
}

#[tokio::test]
async fn truncated_bodies_are_the_first_half_with_a_consistent_length() {
    let env = start().await;
    env.create(vec![invoice(json!(1))]).await;
    let full = env.get("/salesinvoices/1/status").send().await.unwrap().bytes().await.unwrap();
    let response = env.get("/salesinvoices/1/status").header("X-Lasku-Fault", "body=truncated").send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/json");
    let length: usize = response.headers()["content-length"].to_str().unwrap().parse().unwrap();
    let cut = response.bytes().await.unwrap();
    assert_eq!(cut.len(), length);
    assert_eq!(&cut[..], &full[..full.len() / 2]);
    assert!(serde_json::from_slice::<Value>(&cut).is_err());

    // The request itself is processed.
    let response =
        env.post("/salesinvoices", &create_body(2)).header("X-Lasku-Fault", "body=truncated").send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert!(response.json::<Value>().await.is_err());
    assert_eq!(env.list().await.len(), 2);
}

#[tokio::test]
async fn nonjson_bodies_are_an_html_page_with_200_and_nothing_processed() {
    let env = start().await;
    let response =
        env.post("/salesinvoices", &create_body(1)).header("X-Lasku-Fault", "body=nonjson").send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert!(response.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
    let text = response.text().await.unwrap();
    assert!(text.starts_with("<!DOCTYPE html>"));
    assert!(env.list().await.is_empty());
}

#[tokio::test]
async fn queued_rules_apply_in_order_to_matching_operations() {
    let env = start().await;
    let response = env
        .client
        .post(env.admin("/faults"))
        .json(&json!({ "operation": "create_invoice", "fault": "status=503", "times": 2 }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let queue: Value = response.json().await.unwrap();
    assert_eq!(queue["Faults"][0], json!({ "Operation": "create_invoice", "Fault": "status=503", "Times": 2 }));
    let response = env
        .client
        .post(env.admin("/faults"))
        .json(&json!({ "operation": null, "fault": "status=500" }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);

    // Another operation is skipped by the first rule and takes the second (any operation).
    let (status, _) = send(env.get("/salesinvoices")).await;
    assert_eq!(status, 500);
    // The header wins over the queue and consumes nothing.
    let (status, _) = send(env.post("/salesinvoices", &create_body(1)).header("X-Lasku-Fault", "status=429")).await;
    assert_eq!(status, 429);
    for _ in 0..2 {
        let (status, _) = send(env.post("/salesinvoices", &create_body(1))).await;
        assert_eq!(status, 503);
    }
    let (status, _) = send(env.post("/salesinvoices", &create_body(1))).await;
    assert_eq!(status, 200);
    let queue: Value = env.client.get(env.admin("/faults")).send().await.unwrap().json().await.unwrap();
    assert_eq!(queue["Faults"], json!([]));
}

#[tokio::test]
async fn rules_from_rust_and_clearing_the_queue() {
    let env = start().await;
    env.sandbox
        .push_fault(FaultRule::new("drop=after".parse::<Fault>().unwrap()).for_operation(ids::submit_invoice_payment));
    env.sandbox.push_fault(FaultRule::new("status=502".parse::<Fault>().unwrap()).times(3));
    let response = env.client.delete(env.admin("/faults")).send().await.unwrap();
    assert_eq!(response.json::<Value>().await.unwrap()["Cleared"], 2);
    let (status, _) = send(env.get("/salesinvoices")).await;
    assert_eq!(status, 200);

    env.create(vec![invoice(json!(1))]).await;
    env.sandbox
        .push_fault(FaultRule::new("drop=after".parse::<Fault>().unwrap()).for_operation(ids::submit_invoice_payment));
    let result = env.post("/salesinvoices/1/payments", &json!({ "Amount": 24 })).send().await;
    assert!(result.is_err());
    let (_, body) = send(env.get("/salesinvoices/1/status")).await;
    assert_eq!(body["PaidAmount"].to_string(), "24.00");
}

#[tokio::test]
async fn malformed_specs_are_400() {
    let env = start().await;
    let (status, body) = send(env.get("/salesinvoices").header("X-Lasku-Fault", "status=teapot")).await;
    assert_eq!(status, 400);
    assert!(body["Message"].as_str().unwrap().contains("X-Lasku-Fault"));
    for rule in [
        json!({ "fault": "explode=now" }),
        json!({ "operation": "create_invoices", "fault": "status=503" }),
        json!({ "fault": "status=503", "times": 0 }),
        json!({ "operation": "create_invoice" }),
        json!("status=503"),
    ] {
        let response = env.client.post(env.admin("/faults")).json(&rule).send().await.unwrap();
        assert_eq!(response.status(), 400, "{rule}");
        assert!(response.json::<Value>().await.unwrap()["Message"].is_string());
    }
}

#[tokio::test]
async fn faults_apply_to_the_collection_registry_external_and_partner_operations() {
    let env = start().await;
    let cases = json!({ "Cases": [common::case(common::company("A Oy", "0112038-9"), vec![common::receivable(json!(1), "10")])] });

    // A status fault: nothing is submitted, no batch exists.
    let (status, _) = send(env.post("/collectioncases", &cases).header("X-Lasku-Fault", "status=503")).await;
    assert_eq!(status, 503);
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert!(env.data("/collectioncases").await.is_empty());

    // drop=after on a direct payment: processed, the answer lost.
    env.create(vec![invoice(json!(7))]).await;
    let payment = json!({ "DirectPayments": [{ "InvoiceNumber": 7, "Amount": 24 }] });
    let result =
        env.post("/externalinvoices/directpayments", &payment).header("X-Lasku-Fault", "drop=after").send().await;
    assert!(result.is_err());
    let (_, inv) = send(env.get("/salesinvoices/7/status")).await;
    assert_eq!(inv["PaidAmount"].to_string(), "24.00");

    // body=truncated on the allocated payment transactions.
    let response =
        env.get("/allocated-payment-transactions").header("X-Lasku-Fault", "body=truncated").send().await.unwrap();
    assert_eq!(response.status(), 200);
    let text = response.text().await.unwrap();
    assert!(serde_json::from_str::<Value>(&text).is_err(), "{text}");

    // A queued rule for a partner operation hits only that operation, once.
    env.sandbox
        .push_fault(FaultRule::new("status=429;retry-after=3".parse::<Fault>().unwrap()).for_operation(ids::send_sms));
    let sms = json!({ "PhoneNumber": "+358401234567", "Message": "hei" });
    let (status, _) = send(env.get("/servicestatus")).await;
    assert_eq!(status, 200);
    let response = env.partner(reqwest::Method::POST, "/partner/sms").json(&sms).send().await.unwrap();
    assert_eq!(response.status(), 429);
    assert_eq!(response.headers()["retry-after"], "3");
    let (status, _) = send(env.partner(reqwest::Method::POST, "/partner/sms").json(&sms)).await;
    assert_eq!(status, 200);

    // A queued rule over HTTP for a product deletion.
    env.client
        .post(env.admin("/faults"))
        .json(&json!({ "operation": "delete_product", "fault": "status=500" }))
        .send()
        .await
        .unwrap();
    send(env.post("/products", &json!({ "Products": [{ "ProductCode": "P", "Name": "x" }] }))).await;
    let (status, _) = send(env.delete("/products/P")).await;
    assert_eq!(status, 500);
    assert_eq!(env.data("/products").await.len(), 1);
    let (status, _) = send(env.delete("/products/P")).await;
    assert_eq!(status, 200);
}
