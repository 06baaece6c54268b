//! The server: a hand-written accept loop over hyper's HTTP/1 connections serving the axum
//! router, so that a single connection can be cut without a response (`drop=` faults).

use std::io;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use axum::extract::Request;
use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::TokioIo;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{oneshot, Notify};
use tokio::task::{JoinHandle, JoinSet};
use tower::ServiceExt;

use crate::config::SandboxConfig;
use crate::faults::FaultRule;
use crate::hits::Hit;
use crate::state::{App, Settled};

/// Handle to the connection a request arrived on; firing it closes that connection at once,
/// without writing anything more to it.
#[derive(Debug, Clone)]
pub(crate) struct ConnKill(Arc<Notify>);

impl ConnKill {
    pub(crate) fn fire(&self) {
        self.0.notify_one();
    }
}

/// A running sandbox on `127.0.0.1`.
///
/// ```no_run
/// # async fn demo() -> std::io::Result<()> {
/// use lasku_sandbox::{Sandbox, SandboxConfig};
/// let sandbox = Sandbox::start(SandboxConfig::default()).await?;
/// println!("API at {}", sandbox.base_url()); // http://127.0.0.1:PORT/v2
/// // ... run a client against it ...
/// assert!(sandbox.hits().is_empty());
/// sandbox.shutdown().await;
/// # Ok(()) }
/// ```
///
/// Dropping the handle also stops the server (without waiting for it).
#[derive(Debug)]
pub struct Sandbox {
    app: Arc<App>,
    port: u16,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

impl Sandbox {
    /// Binds `127.0.0.1:config.port` and serves on the current tokio runtime; returns once the
    /// socket is listening.
    pub async fn start(config: SandboxConfig) -> io::Result<Sandbox> {
        let listener = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, config.port))).await?;
        let port = listener.local_addr()?.port();
        let app = Arc::new(App::new(config, format!("http://127.0.0.1:{port}/v2")));
        let router = crate::router(Arc::clone(&app));
        let (stop, stopped) = oneshot::channel();
        let task = tokio::spawn(accept_loop(listener, router, stopped));
        Ok(Sandbox { app, port, stop: Some(stop), task: Some(task) })
    }

    /// The port it listens on.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// Base URL of the emulated API, `http://127.0.0.1:PORT/v2`.
    pub fn base_url(&self) -> String {
        self.app.base_url.clone()
    }

    /// Base URL of the admin API, `http://127.0.0.1:PORT/__admin`.
    pub fn admin_url(&self) -> String {
        format!("http://127.0.0.1:{}/__admin", self.port)
    }

    /// The configuration it was started with.
    pub fn config(&self) -> &SandboxConfig {
        &self.app.config
    }

    /// Every request under `/v2` so far, oldest first.
    pub fn hits(&self) -> Vec<Hit> {
        self.app.with(|s| s.hits.clone())
    }

    /// Forgets the hit log.
    pub fn clear_hits(&self) {
        self.app.with(|s| s.hits.clear());
    }

    /// Queues a fault rule (after those already queued). A rule with `times == 0` is ignored.
    pub fn push_fault(&self, rule: FaultRule) {
        if rule.times > 0 {
            self.app.with(|s| s.faults.push_back(rule));
        }
    }

    /// Forgets the queued fault rules.
    pub fn clear_faults(&self) {
        self.app.with(|s| s.faults.clear());
    }

    /// Forgets everything: all data, renewed and issued keys, hits and queued faults. Batches
    /// still waiting to be processed are abandoned.
    pub fn reset(&self) {
        self.app.reset();
    }

    /// Marks an invoice delivered (after which `update_invoice` answers 402). The number is
    /// matched like the API matches it (`"123"` is invoice `123`). Returns `false` if no such
    /// invoice exists.
    pub fn deliver(&self, invoice_number: &str) -> bool {
        self.mark(invoice_number, None)
    }

    /// Marks the delivery of an invoice failed with an error message. Returns `false` if no
    /// such invoice exists.
    pub fn fail_delivery(&self, invoice_number: &str, error_message: &str) -> bool {
        self.mark(invoice_number, Some(error_message.to_owned()))
    }

    /// Pays out every allocated payment transaction not yet settled, as Cash-In does on its
    /// settlement days: payments on collection cases (`update_collection_receivables`) go into
    /// a settlement, payments on sales invoices (`submit_invoice_payment`,
    /// `create_direct_payment`) into a direct settlement, one of each per currency; their
    /// `SettlementDate` becomes today. Open cases with nothing outstanding are then closed.
    /// Also `POST /__admin/settle`.
    ///
    /// ```no_run
    /// # async fn demo(sandbox: lasku_sandbox::Sandbox) {
    /// let settled = sandbox.settle();
    /// println!("settlements {:?}, direct settlements {:?}", settled.settlements, settled.direct_settlements);
    /// # }
    /// ```
    pub fn settle(&self) -> Settled {
        crate::routes::settlements::settle(&self.app)
    }

    /// Moves an open collection case to stage CreditLoss (and closes it), so that
    /// `retrieve_credit_loss_receivables` lists its receivables. Returns `false` if no such case
    /// exists or it was closed because it was paid. Also `POST /__admin/creditloss`.
    pub fn credit_loss(&self, case_id: u64) -> bool {
        crate::routes::settlements::credit_loss(&self.app, case_id).is_ok()
    }

    fn mark(&self, invoice_number: &str, error: Option<String>) -> bool {
        crate::values::invoice_key(&serde_json::Value::String(invoice_number.to_owned()))
            .and_then(|key| crate::routes::delivery::mark(&self.app, &key, error))
            .is_some()
    }

    /// Stops accepting, closes every open connection and waits for the server task to end.
    pub async fn shutdown(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

async fn accept_loop(listener: TcpListener, router: Router, mut stopped: oneshot::Receiver<()>) {
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            _ = &mut stopped => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    connections.spawn(serve_connection(stream, router.clone()));
                }
                // Out of file descriptors and the like: wait a little instead of spinning.
                Err(_) => tokio::time::sleep(Duration::from_millis(20)).await,
            },
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
    connections.shutdown().await;
}

async fn serve_connection(stream: TcpStream, router: Router) {
    let _ = stream.set_nodelay(true);
    let kill = ConnKill(Arc::new(Notify::new()));
    let handle = kill.clone();
    let service = hyper::service::service_fn(move |mut req: Request<Incoming>| {
        req.extensions_mut().insert(handle.clone());
        router.clone().oneshot(req)
    });
    let connection = hyper::server::conn::http1::Builder::new().serve_connection(TokioIo::new(stream), service);
    tokio::select! {
        _ = connection => {}
        // Dropping the connection future drops the socket: the client sees the connection
        // close with no (further) response bytes.
        _ = kill.0.notified() => {}
    }
}

/// Runs a sandbox until Ctrl-C, printing its URL and keys first (for `lasku sandbox --port N`).
pub async fn serve_forever(config: SandboxConfig) -> io::Result<()> {
    let sandbox = Sandbox::start(config).await?;
    let config = sandbox.config();
    println!("lasku sandbox (Cash-In v2 emulator) listening");
    println!("  base URL:      {}", sandbox.base_url());
    println!("  creditor keys: {}", config.creditor_keys.join(", "));
    println!("  partner keys:  {}", config.partner_keys.join(", "));
    println!(
        "  admin:         {} (GET/DELETE hits, GET/POST/DELETE faults, POST reset, POST invoices/{{n}}/deliver, POST settle, POST creditloss, GET received)",
        sandbox.admin_url()
    );
    println!("  faults:        header X-Lasku-Fault, e.g. `status=503`, `status=429;retry-after=2`, `delay=300`, `drop=after`, `body=truncated`");
    println!("Press Ctrl-C to stop.");
    let result = tokio::signal::ctrl_c().await;
    sandbox.shutdown().await;
    result
}
