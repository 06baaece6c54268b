//! Helpers shared by the end-to-end tests.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::future::Future;
use std::time::Duration;

use chrono::NaiveDate;
use lasku::cashin::SalesInvoice;
use lasku::{Client, Config, InvoiceBuilder, RowInput};
use lasku_sandbox::{Sandbox, SandboxConfig, DEFAULT_CREDITOR_KEY, DEFAULT_PARTNER_KEY};
use rust_decimal::Decimal;

/// A sandbox and a client with both keys and quick retries.
pub async fn start() -> (Sandbox, Client) {
    let sandbox = Sandbox::start(SandboxConfig::default()).await.unwrap();
    let client = client_with(&sandbox, DEFAULT_CREDITOR_KEY, Some(DEFAULT_PARTNER_KEY));
    (sandbox, client)
}

/// A client for the sandbox with the given keys.
pub fn client_with(sandbox: &Sandbox, key: &str, partner: Option<&str>) -> Client {
    let mut builder = Config::builder(key)
        .base_url(sandbox.base_url())
        .timeout(Duration::from_secs(20))
        .retry_policy(lasku::retry::RetryPolicy { initial_backoff: Duration::from_millis(20), ..Default::default() });
    if let Some(p) = partner {
        builder = builder.partner_key(p);
    }
    Client::new(builder.build().unwrap()).unwrap()
}

pub fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

pub fn date(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// A valid invoice with two rows.
pub fn invoice(n: u64) -> SalesInvoice {
    InvoiceBuilder::new(n)
        .invoice_date(today())
        .payment_terms_days(14)
        .buyer_name("Sami Santikko")
        .buyer_address("Kauppapuistikko 17 A 23", "65100", "VAASA", "FI")
        .row(RowInput::new("Consulting", d("2"), d("80.00"), d("25.5")))
        .row(RowInput::new("Book", d("1"), d("19.90"), d("13.5")))
        .build()
        .unwrap()
}

/// Polls until `check` gives a value (at most 10 s).
pub async fn wait_for<T, F, Fut>(check: F) -> T
where
    F: Fn() -> Fut,
    Fut: Future<Output = Option<T>>,
{
    for _ in 0..500 {
        if let Some(value) = check().await {
            return value;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("gave up waiting");
}
