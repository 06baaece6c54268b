//! # lasku-sandbox
//!
//! A stateful local emulator of the Cash-In v2 API as lasku uses it (the contract is
//! `docs/cashin-wire.md`), with faults on demand and a hit log. lasku's tests in every language
//! and the `lasku sandbox` / demo commands run against it.
//!
//! - **API** under `http://127.0.0.1:PORT/v2`: every operation of the catalog (operation ids
//!   and path templates come from [`lasku::catalog`]; see [`EMULATED_OPERATIONS`]), statefully
//!   and consistently with each other: invoices (create, batch, list, status, update, payments,
//!   delivery information and statistics, received payments), Finvoice contracts, tokens,
//!   collection cases and receivable updates (as batches), debtor summaries, allocated payment
//!   transactions, settlements and direct settlements, credit losses, products, customers,
//!   external invoices (delivery and payment information, direct payments, actions, agreement
//!   status), partner operations (creditors and their keys, Finvoice credentials, delivery by
//!   seller, SMS), meter reading documents and the service status. Every request needs an
//!   accepted `X-Api-Key`: 401 otherwise, 403 for a key of the wrong kind (a partner key on a
//!   creditor operation or the other way round); anything outside the contract is a JSON 404.
//! - **Faults**: an `X-Lasku-Fault` request header or queued [`FaultRule`]s (see [`faults`] for
//!   the grammar): latency, error statuses with `Retry-After`, connections dropped before or
//!   after processing, truncated or non-JSON bodies.
//! - **Hit log**: one [`Hit`] per request under `/v2` (operation id, method, path, status, user
//!   agent, fault).
//! - **Admin API** under `http://127.0.0.1:PORT/__admin` without a key (see [`admin`]),
//!   including the hooks that play Cash-In's part: delivering invoices, settling payments
//!   ([`Sandbox::settle`]) and writing cases off as credit losses ([`Sandbox::credit_loss`]).
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! use lasku_sandbox::{Fault, FaultRule, Sandbox, SandboxConfig, DEFAULT_CREDITOR_KEY};
//!
//! let sandbox = Sandbox::start(SandboxConfig::default()).await?;
//! // The next create_invoice request fails with 503 and Retry-After: 1.
//! sandbox.push_fault(
//!     FaultRule::new("status=503;retry-after=1".parse::<Fault>().unwrap())
//!         .for_operation(lasku::catalog::ids::create_invoice),
//! );
//! // ... point a client at sandbox.base_url() with DEFAULT_CREDITOR_KEY ...
//! for hit in sandbox.hits() {
//!     println!("{} {} -> {}", hit.operation, hit.user_agent, hit.status);
//! }
//! sandbox.shutdown().await;
//! # Ok(()) }
//! ```
//!
//! Conventions of the emulation beyond the contract:
//!
//! - Invoice numbers: a JSON integer and the string of its digits are the same invoice
//!   (`123` ≡ `"123"`); responses echo `InvoiceNumber` as the client sent it.
//! - Money in responses is a JSON number with two decimals; absent optional values are `null`
//!   (e.g. `Reference` when the invoice had none: the sandbox does not make one up).
//! - Every list takes `page` (default 1) and `pageSize` (default 100, larger than 1000 is
//!   lowered to 1000) and answers `{ "Data": [...], "Meta": PageMeta }`.
//! - Query parameter names match case-insensitively; empty values count as absent.

use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::Router;

pub mod admin;
mod config;
mod errors;
pub mod faults;
mod fields;
mod gateway;
mod hits;
mod routes;
mod routing;
mod server;
mod state;
mod validate;
mod values;

pub use config::{SandboxConfig, DEFAULT_CREDITOR_KEY, DEFAULT_MAX_BODY_BYTES, DEFAULT_PARTNER_KEY};
pub use faults::{BodyFault, DropPoint, Fault, FaultParseError, FaultRule};
pub use gateway::{API_KEY_HEADER, FAULT_HEADER};
pub use hits::{Hit, UNKNOWN_OPERATION};
pub use routes::allocations::DEFAULT_ALLOCATION_WINDOW_DAYS;
pub use routes::payments::DEFAULT_PAYMENT_WINDOW_DAYS;
pub use routes::settlements::DEFAULT_SETTLEMENT_WINDOW_DAYS;
pub use routes::{DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE};
pub use routing::EMULATED_OPERATIONS;
pub use server::{serve_forever, Sandbox};
pub use state::Settled;

/// The whole HTTP surface: the admin routes, and a fallback that sends `/v2...` through the
/// gateway and answers anything else with a JSON 404.
fn router(app: Arc<state::App>) -> Router {
    admin::router()
        .method_not_allowed_fallback(admin::method_not_allowed)
        .fallback(gateway::entry)
        .layer(DefaultBodyLimit::max(app.config.max_body_bytes))
        .with_state(app)
}
