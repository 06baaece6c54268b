//! # lasku
//!
//! One Rust core for Finland's invoicing APIs, starting with the **Cash-In API v2**: typed
//! models with exact wire names and decimal money, validation that reports every problem at
//! once, Finnish payment identifiers, and a runtime-agnostic client with retries that never
//! turns an ambiguous create into a duplicate.
//!
//! ```no_run
//! use lasku::{Client, Config, InvoiceBuilder, RowInput};
//! use rust_decimal::Decimal;
//!
//! # async fn run() -> lasku::Result<()> {
//! let config = Config::builder(std::env::var("CASHIN_API_KEY").unwrap_or_default())
//!     .base_url("http://127.0.0.1:8080/v2") // the local sandbox; omit for production
//!     .build()?;
//! let client = Client::new(config)?;
//! let invoice = InvoiceBuilder::new(1001u64)
//!     .invoice_date(chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap_or_default())
//!     .payment_terms_days(14)
//!     .buyer_name("Sami Santikko")
//!     .row(RowInput::new("Consulting", Decimal::from(2), Decimal::new(8000, 2), Decimal::new(255, 1)))
//!     .build()?;
//! let created = client.create_invoice(&invoice).await?;
//! # Ok(()) }
//! ```
//!
//! The crate builds for `wasm32-unknown-unknown` with default features off: HTTP goes through
//! the [`http::Transport`] the host supplies, and sleep/clock through [`http::Runtime`].

pub mod builder;
pub mod cashin;
pub mod catalog;
mod client;
mod config;
pub mod de;
mod error;
pub mod fi;
mod find;
mod fx;
pub mod http;
mod ip;
pub mod model;
pub mod money;
pub mod pagination;
mod quick;
pub mod retry;
mod secret;
pub mod surface;
pub mod table;
pub mod validate;

pub use builder::{InvoiceBuilder, PriceBasis, RowInput};
pub use client::{error_from_response, parse_json, Call, Client, NaturalKeys};
pub use config::{Config, ConfigBuilder, Environment, PRODUCTION_URL};
pub use error::{ApiError, Error, FieldError, Result, UnknownOutcome};
pub use pagination::Pages;
pub use secret::Secret;
