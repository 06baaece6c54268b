//! Keys, tokens and routes outside the contract.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{invoice, send, start, start_with};
use lasku_sandbox::{SandboxConfig, DEFAULT_CREDITOR_KEY, DEFAULT_PARTNER_KEY};
use serde_json::{json, Value};

#[tokio::test]
async fn a_missing_or_wrong_key_is_401_json_on_every_route_and_nothing_happens() {
    let env = start().await;
    let create = json!({ "SalesInvoice": [invoice(json!(1))] });
    for key in [None, Some("wrong-key"), Some("")] {
        let mut request = env.client.post(env.url("/salesinvoices")).json(&create);
        if let Some(key) = key {
            request = request.header("X-Api-Key", key);
        }
        let (status, body) = send(request).await;
        assert_eq!(status, 401, "{key:?}");
        assert!(body["Message"].is_string());
    }
    for path in ["/salesinvoices", "/token/validate", "/salesinvoices/1/status", "/no/such/route", ""] {
        let (status, _) = send(env.client.get(env.url(path)).header("X-Api-Key", "wrong")).await;
        assert_eq!(status, 401, "{path}");
    }
    assert!(env.list().await.is_empty());
}

#[tokio::test]
async fn a_partner_key_works_on_partner_operations_and_is_403_on_creditor_operations() {
    let env = start().await;
    let (status, body) = send(env.client.get(env.url("/salesinvoices")).header("X-Api-Key", DEFAULT_PARTNER_KEY)).await;
    assert_eq!(status, 403);
    assert!(body["Message"].as_str().unwrap().contains("creditor"));
    let (status, body) = send(
        env.client
            .get(env.url("/partner/finvoicecredentials?businessId=0112038-9"))
            .header("X-Api-Key", DEFAULT_PARTNER_KEY),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let (status, _) =
        send(env.client.get(env.url("/partner/finvoicecredentials?businessId=0112038-9")).header("X-Api-Key", "wrong"))
            .await;
    assert_eq!(status, 401);
}

#[tokio::test]
async fn configured_keys_replace_the_default() {
    let env =
        start_with(SandboxConfig { creditor_keys: vec!["k1".into(), "k2".into()], ..SandboxConfig::default() }).await;
    for key in ["k1", "k2"] {
        let (status, _) = send(env.client.get(env.url("/token/validate")).header("X-Api-Key", key)).await;
        assert_eq!(status, 200);
    }
    let (status, _) = send(env.client.get(env.url("/token/validate")).header("X-Api-Key", DEFAULT_CREDITOR_KEY)).await;
    assert_eq!(status, 401);
}

#[tokio::test]
async fn validate_and_renew_tokens_and_both_keys_keep_working() {
    let env = start().await;
    let (status, body) = send(env.get("/token/validate")).await;
    assert_eq!(status, 200);
    assert_eq!(body["IsValid"], true);
    assert!(body["Message"].is_string());

    let (status, body) = send(env.get("/token/renew")).await;
    assert_eq!(status, 400);
    let fields: Vec<&str> = body["Errors"].as_array().unwrap().iter().map(|e| e["Field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["customerCode", "ipAddress"]);

    let (status, body) = send(env.get("/token/renew?customerCode=6654&ipAddress=203.0.113.7")).await;
    assert_eq!(status, 200, "{body}");
    let new_key = body["Message"].as_str().unwrap().to_owned();
    assert_ne!(new_key, DEFAULT_CREDITOR_KEY);
    for key in [new_key.as_str(), DEFAULT_CREDITOR_KEY] {
        let (status, body) = send(env.client.get(env.url("/token/validate")).header("X-Api-Key", key)).await;
        assert_eq!(status, 200, "{key}");
        assert_eq!(body["IsValid"], true);
    }

    // A reset forgets renewed keys.
    env.sandbox.reset();
    let (status, _) = send(env.client.get(env.url("/token/validate")).header("X-Api-Key", &new_key)).await;
    assert_eq!(status, 401);
}

#[tokio::test]
async fn routes_outside_the_contract_are_json_404() {
    let env = start().await;
    for (method, path) in [
        (reqwest::Method::GET, "/nothing-here"),
        (reqwest::Method::DELETE, "/salesinvoices"),
        (reqwest::Method::PATCH, "/products"),
        (reqwest::Method::GET, "/products/P1"),
        (reqwest::Method::DELETE, "/collectioncases"),
        (reqwest::Method::PATCH, "/salesinvoices/1"),
        (reqwest::Method::GET, ""),
    ] {
        let response = env.request(method.clone(), path).send().await.unwrap();
        assert_eq!(response.status(), 404, "{method} {path}");
        let body: Value = response.json().await.unwrap();
        assert!(body["Message"].is_string(), "{method} {path}");
    }
    for url in [
        format!("http://127.0.0.1:{}/", env.sandbox.port()),
        format!("http://127.0.0.1:{}/v3/salesinvoices", env.sandbox.port()),
        env.admin("/nothing"),
    ] {
        let response = env.client.get(&url).send().await.unwrap();
        assert_eq!(response.status(), 404, "{url}");
        let body: Value = response.json().await.unwrap();
        assert!(body["Message"].is_string());
    }
}
