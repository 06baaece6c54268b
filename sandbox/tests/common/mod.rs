//! Helpers shared by the integration tests: a started sandbox and a keyed reqwest client.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use lasku_sandbox::{Sandbox, SandboxConfig, DEFAULT_CREDITOR_KEY};
use serde_json::{json, Value};

/// User agent the tests send, so the hit log can be checked.
pub const USER_AGENT: &str = "lasku/0.1.0 (rust; sandbox-tests)";

pub struct Env {
    pub sandbox: Sandbox,
    pub client: reqwest::Client,
}

pub async fn start() -> Env {
    start_with(SandboxConfig::default()).await
}

pub async fn start_with(config: SandboxConfig) -> Env {
    let sandbox = Sandbox::start(config).await.unwrap();
    let client = reqwest::Client::builder().user_agent(USER_AGENT).build().unwrap();
    Env { sandbox, client }
}

/// A complete, valid invoice in the shape of the published batch example.
pub fn invoice(number: Value) -> Value {
    json!({
        "InvoiceNumber": number,
        "Status": "H",
        "InvoiceDate": "2022-01-20",
        "DueDate": "2022-02-04",
        "Currency": "EUR",
        "NetAmount": 100,
        "TaxAmount": 24,
        "TotalAmount": 124,
        "Reference": "2516000017",
        "SalesName": "Sami Santikko",
        "DeliveryType": "E",
        "ExtendedField1": "kept as sent",
        "InvoiceRows": [{
            "Description": "Myyntituotteen nimi",
            "VatPercent": 24,
            "Qty": 1,
            "Price": 100,
            "Discount": 0,
            "Nto": 100,
            "Tax": 24,
            "Round": 0,
            "Total": 124,
            "Type": "I",
            "Unit": "kpl",
            "StartDate": "2022-01-20"
        }]
    })
}

impl Env {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.sandbox.base_url())
    }

    pub fn admin(&self, path: &str) -> String {
        format!("{}{path}", self.sandbox.admin_url())
    }

    pub fn request(&self, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        self.client
            .request(method, self.url(path))
            .header("X-Api-Key", DEFAULT_CREDITOR_KEY)
            .header("Accept", "application/json")
    }

    pub fn get(&self, path: &str) -> reqwest::RequestBuilder {
        self.request(reqwest::Method::GET, path)
    }

    pub fn post(&self, path: &str, body: &Value) -> reqwest::RequestBuilder {
        self.request(reqwest::Method::POST, path).json(body)
    }

    pub fn put(&self, path: &str, body: &Value) -> reqwest::RequestBuilder {
        self.request(reqwest::Method::PUT, path).json(body)
    }

    /// Creates invoices with `create_invoice`, asserting 200.
    pub async fn create(&self, invoices: Vec<Value>) -> Value {
        let (status, body) = send(self.post("/salesinvoices", &json!({ "SalesInvoice": invoices }))).await;
        assert_eq!(status, 200, "{body}");
        body
    }

    /// All stored invoices (first page of 1000).
    pub async fn list(&self) -> Vec<Value> {
        let (status, body) = send(self.get("/salesinvoices?pageSize=1000")).await;
        assert_eq!(status, 200, "{body}");
        body["Data"].as_array().unwrap().clone()
    }
}

/// Sends and returns status and JSON body (panics on transport errors or non-JSON bodies).
pub async fn send(request: reqwest::RequestBuilder) -> (u16, Value) {
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let text = response.text().await.unwrap();
    let body = serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"));
    (status, body)
}
