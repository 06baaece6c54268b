//! How a sandbox is configured.

/// The creditor key (`X-Api-Key`) a default sandbox accepts.
pub const DEFAULT_CREDITOR_KEY: &str = "lasku-sandbox-key";

/// The partner key a default sandbox accepts on partner operations (creditor operations answer
/// it with 403).
pub const DEFAULT_PARTNER_KEY: &str = "lasku-sandbox-partner-key";

/// Largest request body the sandbox reads (64 MiB); larger bodies get 413.
pub const DEFAULT_MAX_BODY_BYTES: usize = 64 * 1024 * 1024;

/// Configuration of a [`crate::Sandbox`].
///
/// ```
/// let config = lasku_sandbox::SandboxConfig {
///     batch_processing_delay_ms: 200,
///     ..Default::default()
/// };
/// assert_eq!(config.port, 0);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SandboxConfig {
    /// TCP port on `127.0.0.1`; `0` lets the operating system pick a free one.
    pub port: u16,
    /// Creditor keys accepted in `X-Api-Key`. Keys issued by `renew_token` and `submit_creditor`
    /// are added to these while the sandbox runs (and forgotten on reset).
    pub creditor_keys: Vec<String>,
    /// Partner keys: accepted on partner operations, 403 on creditor operations.
    pub partner_keys: Vec<String>,
    /// How long a submitted batch (of invoices, collection cases or receivable updates) waits
    /// (milliseconds, in its own task) before it is processed. `0` processes it as soon as the
    /// task runs.
    pub batch_processing_delay_ms: u64,
    /// Largest accepted request body in bytes.
    pub max_body_bytes: usize,
}

impl Default for SandboxConfig {
    fn default() -> Self {
        SandboxConfig {
            port: 0,
            creditor_keys: vec![DEFAULT_CREDITOR_KEY.to_owned()],
            partner_keys: vec![DEFAULT_PARTNER_KEY.to_owned()],
            batch_processing_delay_ms: 0,
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
        }
    }
}

impl SandboxConfig {
    /// The default configuration on a given port.
    pub fn on_port(port: u16) -> Self {
        SandboxConfig { port, ..SandboxConfig::default() }
    }
}
