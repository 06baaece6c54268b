//! `lasku`: the command line of the lasku SDK.
//!
//! - `lasku demo`: starts the embedded sandbox and walks through invoicing with it.
//! - `lasku validate FILE [--json]`: checks an invoice, a create body or a batch.
//! - `lasku operations [--json]`: the Cash-In operation catalog.
//! - `lasku sandbox [--port N]`: runs the local Cash-In sandbox.
//! - `lasku check KIND VALUE`, `lasku reference BASE`, `lasku barcode ...`: the Finnish toolkit.

mod demo;
mod fi_cmd;
mod operations_cmd;
mod progress;
mod validate_cmd;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "lasku",
    version,
    about = "Finnish invoicing APIs from the command line: demo, validation, the operation catalog, a local sandbox and the Finnish toolkit"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Start the embedded sandbox and invoice against it: validate, create, a batch of 1,000,
    /// list, status, a partial payment, received payments.
    Demo {
        /// Invoices in the batch.
        #[arg(long, default_value_t = 1000)]
        batch_size: usize,
    },
    /// Validate a JSON file: one invoice, a create body (`{"SalesInvoice": [...]}`) or a batch
    /// (`{"SalesInvoices": [...]}`). Exit 0 when it has no errors, 1 when it has.
    Validate {
        /// The JSON file.
        file: std::path::PathBuf,
        /// Machine-readable output.
        #[arg(long)]
        json: bool,
    },
    /// List every Cash-In operation with method, path, provenance and whether lasku implements it.
    Operations {
        /// Machine-readable output.
        #[arg(long)]
        json: bool,
        /// A Markdown table (as in the README).
        #[arg(long, conflicts_with = "json")]
        markdown: bool,
    },
    /// Run the local Cash-In sandbox until Ctrl-C.
    Sandbox {
        /// Port on 127.0.0.1 (0 picks a free one).
        #[arg(long, default_value_t = 8080)]
        port: u16,
    },
    /// Check a Finnish identifier: reference, rf, iban, bic, ytunnus, vat, hetu, ovt.
    /// Exit 0 when valid, 1 when not.
    Check {
        /// What kind of identifier.
        kind: String,
        /// The value.
        value: String,
        /// Machine-readable output.
        #[arg(long)]
        json: bool,
    },
    /// Print the national reference (with its check digit) and the RF reference for a base.
    Reference {
        /// The base: digits, e.g. an invoice number.
        base: String,
        /// Machine-readable output.
        #[arg(long)]
        json: bool,
    },
    /// Encode a virtual bank barcode (version 4 for a national reference, 5 for RF), or decode one.
    Barcode {
        /// The payee's Finnish IBAN.
        #[arg(long)]
        iban: Option<String>,
        /// The amount in euros, e.g. 123.45.
        #[arg(long)]
        amount: Option<String>,
        /// The payment reference (national or RF).
        #[arg(long)]
        reference: Option<String>,
        /// The due date, YYYY-MM-DD.
        #[arg(long)]
        due: Option<String>,
        /// Decode this 54-digit barcode instead.
        #[arg(long)]
        decode: Option<String>,
        /// Machine-readable output.
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Demo { batch_size } => with_runtime(|rt| rt.block_on(demo::run(batch_size))),
        Command::Validate { file, json } => validate_cmd::run(&file, json),
        Command::Operations { json, markdown } => operations_cmd::run(json, markdown),
        Command::Sandbox { port } => with_runtime(|rt| {
            let config = lasku_sandbox::SandboxConfig { port, ..lasku_sandbox::SandboxConfig::default() };
            match rt.block_on(lasku_sandbox::serve_forever(config)) {
                Ok(()) => 0,
                Err(e) => {
                    eprintln!("lasku sandbox: {e}");
                    2
                }
            }
        }),
        Command::Check { kind, value, json } => fi_cmd::check(&kind, &value, json),
        Command::Reference { base, json } => fi_cmd::reference(&base, json),
        Command::Barcode { iban, amount, reference, due, decode, json } => fi_cmd::barcode(
            iban.as_deref(),
            amount.as_deref(),
            reference.as_deref(),
            due.as_deref(),
            decode.as_deref(),
            json,
        ),
    };
    ExitCode::from(u8::try_from(code).unwrap_or(2))
}

fn with_runtime(f: impl FnOnce(&tokio::runtime::Runtime) -> i32) -> i32 {
    match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(rt) => f(&rt),
        Err(e) => {
            eprintln!("lasku: could not start the async runtime: {e}");
            2
        }
    }
}
