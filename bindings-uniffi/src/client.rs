//! The `Client` object and how it is built. Its 48 operations are generated (see `build.rs`).

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use crate::transport::{HostTransport, HttpTransport, TokioClock};
use crate::LaskuError;

/// How to build a client. Every member is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct ClientOptions {
    /// The API's base URL ending in the version, e.g. `http://127.0.0.1:8080/v2` for the local
    /// sandbox; `null` / `nil` for production (`https://api.cash-in.com/v2`). Plain `http://`
    /// is allowed only for loopback hosts.
    #[uniffi(default)]
    pub base_url: Option<String>,
    /// The deadline of a whole call, retries included, in milliseconds (default 60 000).
    #[uniffi(default)]
    pub timeout_ms: Option<i64>,
    /// How long to wait for a connection, in milliseconds (default 10 000; built-in transport).
    #[uniffi(default)]
    pub connect_timeout_ms: Option<i64>,
    /// Retries after the first attempt (default 3). Creates are never re-sent once they may
    /// have reached the server.
    #[uniffi(default)]
    pub max_retries: Option<i32>,
    /// The host language named in the user agent, e.g. `kotlin` or `swift`
    /// (`lasku/<version> (<language>; <runtime>)`). Kotlin's `ClientOptions.forKotlin()` and
    /// Swift's `ClientOptions.forSwift()` fill it in.
    #[uniffi(default)]
    pub language: Option<String>,
    /// The host runtime named in the user agent, e.g. `jvm 17`, `android 34`, `ios 17.4`.
    #[uniffi(default)]
    pub runtime: Option<String>,
    /// Path templates by operation id, for when the live API's path differs from lasku's,
    /// e.g. `{"retrieve_invoice_status": "/salesinvoices/{invoiceNumber}/state"}`.
    #[uniffi(default)]
    pub path_overrides: HashMap<String, String>,
}

/// A Cash-In API client. Every operation is an async method: `suspend fun` in Kotlin,
/// `async throws` in Swift. Safe to share between threads and coroutines.
#[derive(uniffi::Object)]
pub struct Client {
    pub(crate) inner: lasku::Client,
}

fn millis(name: &str, value: Option<i64>) -> Result<Option<Duration>, LaskuError> {
    match value {
        None => Ok(None),
        Some(ms) => u64::try_from(ms)
            .map(|ms| Some(Duration::from_millis(ms)))
            .map_err(|_| LaskuError::Configuration { reason: format!("{name} must not be negative") }),
    }
}

#[uniffi::export]
impl Client {
    /// A client for the given API key.
    ///
    /// `partner_key` is the Confirma Software partner master key, needed only for the partner
    /// operations. `transport` is the host's HTTP stack; without one the built-in transport is
    /// used (when the library was built with it).
    #[uniffi::constructor(default(options), default(transport = None), default(partner_key = None))]
    pub fn new(
        api_key: String,
        options: ClientOptions,
        transport: Option<Arc<dyn HttpTransport>>,
        partner_key: Option<String>,
    ) -> Result<Arc<Self>, LaskuError> {
        let mut builder = lasku::Config::builder(api_key);
        if let Some(url) = options.base_url {
            builder = builder.base_url(url);
        }
        if let Some(key) = partner_key {
            builder = builder.partner_key(key);
        }
        if let Some(timeout) = millis("timeout_ms", options.timeout_ms)? {
            builder = builder.timeout(timeout);
        }
        if let Some(timeout) = millis("connect_timeout_ms", options.connect_timeout_ms)? {
            builder = builder.connect_timeout(timeout);
        }
        if let Some(retries) = options.max_retries {
            let retries = u32::try_from(retries)
                .map_err(|_| LaskuError::Configuration { reason: "max_retries must not be negative".to_owned() })?;
            builder = builder.max_retries(retries);
        }
        builder = builder.platform(
            options.language.unwrap_or_else(|| "uniffi".to_owned()),
            options.runtime.unwrap_or_else(|| "unknown".to_owned()),
        );
        let mut overrides: Vec<_> = options.path_overrides.into_iter().collect();
        overrides.sort();
        for (operation, template) in overrides {
            builder = builder.path_override(operation, template);
        }
        let config = builder.build()?;
        let inner = match transport {
            Some(host) => lasku::Client::with_transport(config, HostTransport(host), TokioClock),
            None => builtin(config)?,
        };
        Ok(Arc::new(Client { inner }))
    }

    /// The user agent this client sends, e.g. `lasku/0.1.0 (kotlin; jvm 17)`.
    pub fn user_agent(&self) -> String {
        self.inner.config().user_agent().to_owned()
    }

    /// The base URL requests go to.
    pub fn base_url(&self) -> String {
        self.inner.config().base_url().to_owned()
    }

    /// Every operation this client offers (the core's catalog ids, e.g. `create_invoice`).
    pub fn operations(&self) -> Vec<String> {
        crate::generated::OPERATIONS.iter().map(|s| (*s).to_owned()).collect()
    }
}

#[cfg(feature = "reqwest")]
fn builtin(config: lasku::Config) -> Result<lasku::Client, LaskuError> {
    Ok(lasku::Client::new(config)?)
}

#[cfg(not(feature = "reqwest"))]
fn builtin(_config: lasku::Config) -> Result<lasku::Client, LaskuError> {
    Err(LaskuError::Configuration {
        reason: "this build of lasku has no built-in HTTP transport: pass an HttpTransport".to_owned(),
    })
}

/// What a lookup found for invoices whose create had an unknown outcome.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct SettledOutcome {
    /// Invoices that exist on the server: the create happened (do not send them again).
    pub created: Vec<crate::SalesInvoice>,
    /// Invoice numbers the server does not know: safe to send again.
    pub missing: Vec<lasku::model::Identifier>,
}

#[uniffi::export(async_runtime = "tokio")]
impl Client {
    /// Looks an invoice up by its number (via "List all sales invoices"); `null` / `nil` when
    /// the server does not know it.
    pub async fn find_invoice(
        &self,
        invoice_number: lasku::model::Identifier,
    ) -> Result<Option<crate::SalesInvoice>, LaskuError> {
        let found = self.inner.find_invoice(&invoice_number).await?;
        Ok(crate::conv::Lower::lower(found))
    }

    /// Settles an `UnknownOutcome`: pass its `invoice_numbers`; the answer tells which invoices
    /// exist (the create happened) and which are safe to send again.
    pub async fn settle(&self, invoice_numbers: Vec<lasku::model::Identifier>) -> Result<SettledOutcome, LaskuError> {
        let outcome = lasku::UnknownOutcome::for_invoices("create_invoice", invoice_numbers);
        let settled = self.inner.settle(&outcome).await?;
        Ok(SettledOutcome { created: crate::conv::Lower::lower(settled.created), missing: settled.missing })
    }
}
