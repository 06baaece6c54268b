//! Helpers shared by the integration tests: a started sandbox and a keyed reqwest client.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::Duration;

use chrono::{Days, Utc};
use lasku_sandbox::{Sandbox, SandboxConfig, DEFAULT_CREDITOR_KEY, DEFAULT_PARTNER_KEY};
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

/// Today as `YYYY-MM-DD`.
pub fn today() -> String {
    Utc::now().date_naive().format("%Y-%m-%d").to_string()
}

/// `days` days before today as `YYYY-MM-DD`.
pub fn days_ago(days: u64) -> String {
    Utc::now().date_naive().checked_sub_days(Days::new(days)).unwrap().format("%Y-%m-%d").to_string()
}

/// A receivable of a collection case.
pub fn receivable(number: Value, capital: &str) -> Value {
    json!({
        "InvoiceNumber": number,
        "Reference": "1232",
        "InvoiceDate": "2024-01-01",
        "DueDate": "2024-01-15",
        "CapitalAmount": capital,
        "InterestAmount": 0,
        "CostsAmount": 0,
        "Currency": "EUR",
        "Description": "Unpaid invoice",
    })
}

/// A company debtor.
pub fn company(name: &str, business_id: &str) -> Value {
    json!({ "DebtorType": "Company", "Name": name, "BusinessId": business_id, "LanguageCode": "FI" })
}

/// A collection case with the given receivables.
pub fn case(debtor: Value, receivables: Vec<Value>) -> Value {
    json!({
        "Debtor": debtor,
        "Receivables": receivables,
        "Description": "Collection",
        "CustomParameters": [{ "Name": "Source", "Value": "tests" }],
    })
}

/// A receivable update: a payment the creditor received directly.
pub fn paid(number: Value, amount: &str, date: &str) -> Value {
    json!({ "InvoiceNumber": number, "PaymentDate": date, "PaidAmount": amount })
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

    pub fn delete(&self, path: &str) -> reqwest::RequestBuilder {
        self.request(reqwest::Method::DELETE, path)
    }

    /// A request with the partner key.
    pub fn partner(&self, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        self.client
            .request(method, self.url(path))
            .header("X-Api-Key", DEFAULT_PARTNER_KEY)
            .header("Accept", "application/json")
    }

    /// Polls a collection batch (`BatchUrl`) until it is processed; returns its `BatchStatus`.
    pub async fn processed(&self, batch_url: &str) -> Value {
        for _ in 0..300 {
            let (status, body) = send(self.client.get(batch_url).header("X-Api-Key", DEFAULT_CREDITOR_KEY)).await;
            assert_eq!(status, 200, "{body}");
            if body["Status"] == "Processed" {
                return body;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        panic!("batch at {batch_url} was never processed");
    }

    /// Submits collection cases, asserting 200, and waits for the batch.
    pub async fn open_cases(&self, cases: Vec<Value>) -> Value {
        let (status, body) = send(self.post("/collectioncases", &json!({ "Cases": cases }))).await;
        assert_eq!(status, 200, "{body}");
        self.processed(body["BatchUrl"].as_str().unwrap()).await
    }

    /// Submits receivable updates, asserting 200, and waits for the batch.
    pub async fn pay_receivables(&self, receivables: Vec<Value>) -> Value {
        let (status, body) = send(self.post("/collectionreceivables", &json!({ "Receivables": receivables }))).await;
        assert_eq!(status, 200, "{body}");
        self.processed(body["BatchUrl"].as_str().unwrap()).await
    }

    /// The `Data` of a list answer, asserting 200.
    pub async fn data(&self, path: &str) -> Vec<Value> {
        let (status, body) = send(self.get(path)).await;
        assert_eq!(status, 200, "{path}: {body}");
        body["Data"].as_array().unwrap().clone()
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

/// The `Field` of each error of a 400 body.
pub fn fields(body: &Value) -> Vec<String> {
    body["Errors"]
        .as_array()
        .map(|e| e.iter().map(|e| e["Field"].as_str().unwrap().to_owned()).collect())
        .unwrap_or_default()
}
