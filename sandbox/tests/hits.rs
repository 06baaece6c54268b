//! The hit log and the admin API.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{invoice, send, start, USER_AGENT};
use lasku_sandbox::{Hit, Sandbox, SandboxConfig};
use serde_json::{json, Value};

type HitSummary<'a> = (&'a str, &'a str, &'a str, u16, &'a str, Option<&'a str>);

#[tokio::test]
async fn hits_record_operation_method_path_status_user_agent_and_fault() {
    let env = start().await;
    env.create(vec![invoice(json!(5))]).await;
    send(env.get("/salesinvoices/5/status?x=1")).await;
    send(env.get("/salesinvoices").header("X-Lasku-Fault", "status=503")).await;
    send(env.get("/nowhere")).await;
    send(env.client.get(env.url("/token/validate")).header("User-Agent", "other-client/2")).await;

    let hits = env.sandbox.hits();
    let summary: Vec<HitSummary> = hits
        .iter()
        .map(|h| {
            (
                h.operation.as_str(),
                h.method.as_str(),
                h.path.as_str(),
                h.status,
                h.user_agent.as_str(),
                h.fault.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("create_invoice", "POST", "/v2/salesinvoices", 200, USER_AGENT, None),
            ("retrieve_invoice_status", "GET", "/v2/salesinvoices/5/status", 200, USER_AGENT, None),
            ("list_sales_invoices", "GET", "/v2/salesinvoices", 503, USER_AGENT, Some("status=503")),
            ("unknown", "GET", "/v2/nowhere", 404, USER_AGENT, None),
            ("validate_token", "GET", "/v2/token/validate", 401, "other-client/2", None),
        ]
    );

    // The same log over HTTP, in PascalCase.
    let body: Value = env.client.get(env.admin("/hits")).send().await.unwrap().json().await.unwrap();
    assert_eq!(
        body["Hits"][2],
        json!({
            "Operation": "list_sales_invoices",
            "Method": "GET",
            "Path": "/v2/salesinvoices",
            "Status": 503,
            "UserAgent": USER_AGENT,
            "Fault": "status=503",
        })
    );
    let parsed: Vec<Hit> = serde_json::from_value(body["Hits"].clone()).unwrap();
    assert_eq!(parsed, hits);

    let cleared: Value = env.client.delete(env.admin("/hits")).send().await.unwrap().json().await.unwrap();
    assert_eq!(cleared["Cleared"], 5);
    // Admin requests are not hits.
    assert!(env.sandbox.hits().is_empty());
}

#[tokio::test]
async fn reset_forgets_state_hits_and_faults() {
    let env = start().await;
    env.create(vec![invoice(json!(5))]).await;
    env.client.post(env.admin("/faults")).json(&json!({ "fault": "status=503" })).send().await.unwrap();
    let response = env.client.post(env.admin("/reset")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert!(env.sandbox.hits().is_empty());
    assert!(env.list().await.is_empty()); // no 503: the queued fault is gone too
    env.create(vec![invoice(json!(5))]).await; // and the number is free again
    env.sandbox.reset();
    assert!(env.sandbox.hits().is_empty());
    assert!(env.list().await.is_empty());
}

#[tokio::test]
async fn admin_errors_are_json() {
    let env = start().await;
    let response = env.client.put(env.admin("/hits")).send().await.unwrap();
    assert_eq!(response.status(), 405);
    assert!(response.json::<Value>().await.unwrap()["Message"].is_string());
    let response = env.client.get(env.admin("/reset")).send().await.unwrap();
    assert_eq!(response.status(), 405);
}

#[tokio::test]
async fn concurrent_creates_of_one_number_store_it_once() {
    let env = start().await;
    let mut tasks = Vec::new();
    for _ in 0..16 {
        let request = env.post("/salesinvoices", &json!({ "SalesInvoice": [invoice(json!(42))] }));
        tasks.push(tokio::spawn(async move { request.send().await.unwrap().status().as_u16() }));
    }
    let mut statuses = Vec::new();
    for task in tasks {
        statuses.push(task.await.unwrap());
    }
    statuses.sort_unstable();
    assert_eq!(statuses.iter().filter(|s| **s == 200).count(), 1, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == 402).count(), 15, "{statuses:?}");
    assert_eq!(env.list().await.len(), 1);
}

#[tokio::test]
async fn urls_ports_and_shutdown() {
    let sandbox = Sandbox::start(SandboxConfig::default()).await.unwrap();
    let port = sandbox.port();
    assert_ne!(port, 0);
    assert_eq!(sandbox.base_url(), format!("http://127.0.0.1:{port}/v2"));
    assert_eq!(sandbox.admin_url(), format!("http://127.0.0.1:{port}/__admin"));
    sandbox.shutdown().await;
    let result = reqwest::get(format!("http://127.0.0.1:{port}/v2/token/validate")).await;
    assert!(result.is_err());

    // The port is free again and a fixed port can be asked for.
    let again = Sandbox::start(SandboxConfig::on_port(port)).await.unwrap();
    assert_eq!(again.port(), port);
    // ... and a busy one is an error.
    assert!(Sandbox::start(SandboxConfig::on_port(port)).await.is_err());
    again.shutdown().await;
}

#[tokio::test]
async fn hits_name_every_kind_of_operation() {
    let env = start().await;
    send(env.get("/collectioncases/debtorsummary")).await;
    send(env.get("/collectioncases/batches/9")).await;
    send(env.delete("/products/P%2F1")).await;
    send(env.partner(reqwest::Method::GET, "/partner/creditors/0112038-9/credentials")).await;
    send(env.get("/allocated-payment-transactions?page=2")).await;
    let summary: Vec<(String, String, u16)> =
        env.sandbox.hits().into_iter().map(|h| (h.operation, h.path, h.status)).collect();
    let expected = [
        ("retrieve_debtor_summary", "/v2/collectioncases/debtorsummary", 200),
        ("retrieve_case_batch_status", "/v2/collectioncases/batches/9", 404),
        ("delete_product", "/v2/products/P%2F1", 404),
        ("retrieve_creditor_credentials", "/v2/partner/creditors/0112038-9/credentials", 404),
        ("retrieve_allocated_payment_transactions", "/v2/allocated-payment-transactions", 200),
    ];
    let expected: Vec<(String, String, u16)> =
        expected.iter().map(|(o, p, s)| (o.to_string(), p.to_string(), *s)).collect();
    assert_eq!(summary, expected);
}

#[tokio::test]
async fn reset_forgets_cases_registers_settlements_and_creditors() {
    let env = start().await;
    env.open_cases(vec![common::case(common::company("A Oy", "0112038-9"), vec![common::receivable(json!(1), "10")])])
        .await;
    env.pay_receivables(vec![common::paid(json!(1), "10", &common::today())]).await;
    env.sandbox.settle();
    send(env.post("/products", &json!({ "Products": [{ "ProductCode": "P", "Name": "x" }] }))).await;
    send(env.post("/customers", &json!({ "Customers": [{ "CustomerCode": "C", "Name": "x" }] }))).await;
    let creditor = json!({ "CreditorData": { "Name": "X Oy", "BusinessId": "1572860-0" } });
    let (status, _) = send(env.partner(reqwest::Method::POST, "/partner/creditors").json(&creditor)).await;
    assert_eq!(status, 200);

    env.sandbox.reset();
    for path in ["/collectioncases", "/allocated-payment-transactions", "/settlements", "/products", "/customers"] {
        assert!(env.data(path).await.is_empty(), "{path}");
    }
    let (status, _) = send(env.partner(reqwest::Method::GET, "/partner/creditors/1572860-0/credentials")).await;
    assert_eq!(status, 404);
    // Case ids start again.
    let status = env
        .open_cases(vec![common::case(common::company("A Oy", "0112038-9"), vec![common::receivable(json!(1), "10")])])
        .await;
    assert_eq!(status["Items"][0]["CaseId"], 1001);
}
