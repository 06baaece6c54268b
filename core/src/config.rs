//! Client configuration: where to send, with which key, how long to wait, how to retry.

use std::fmt;
use std::time::Duration;

use crate::retry::RetryPolicy;
use crate::secret::Secret;
use crate::surface::Decimals;
use crate::{Error, Result};

/// The production base URL of Cash-In API v2.
pub const PRODUCTION_URL: &str = "https://api.cash-in.com/v2";

/// Where requests go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Environment {
    /// `https://api.cash-in.com/v2`.
    Production,
    /// Any base URL ending in the API version, e.g. a Cash-In sandbox environment or the local
    /// `lasku sandbox` (`http://127.0.0.1:8080/v2`). Plain `http://` is allowed only for loopback.
    Custom(String),
}

impl Environment {
    /// The base URL.
    pub fn base_url(&self) -> &str {
        match self {
            Environment::Production => PRODUCTION_URL,
            Environment::Custom(url) => url,
        }
    }
}

/// A validated client configuration. Build one with [`Config::builder`].
#[derive(Clone)]
pub struct Config {
    pub(crate) base_url: String,
    pub(crate) api_key: Secret,
    pub(crate) partner_key: Option<Secret>,
    pub(crate) connect_timeout: Duration,
    pub(crate) timeout: Duration,
    pub(crate) user_agent: String,
    pub(crate) retry: RetryPolicy,
    /// Path overrides by operation id, in the order given (one per id).
    pub(crate) paths: Vec<(String, String)>,
    pub(crate) decimals: Decimals,
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("base_url", &self.base_url)
            .field("api_key", &self.api_key)
            .field("partner_key", &self.partner_key)
            .field("connect_timeout", &self.connect_timeout)
            .field("timeout", &self.timeout)
            .field("user_agent", &self.user_agent)
            .field("retry", &self.retry)
            .field("path_overrides", &self.paths)
            .field("json_decimals", &self.decimals)
            .finish()
    }
}

impl Config {
    /// Starts a configuration for the given API key (production unless told otherwise).
    pub fn builder(api_key: impl Into<Secret>) -> ConfigBuilder {
        ConfigBuilder {
            environment: Environment::Production,
            api_key: api_key.into(),
            partner_key: None,
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(60),
            language: "rust".to_owned(),
            runtime: default_runtime().to_owned(),
            retry: RetryPolicy::default(),
            paths: Vec::new(),
            decimals: Decimals::Numbers,
        }
    }

    /// The base URL, without a trailing slash.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The user agent sent with every request.
    pub fn user_agent(&self) -> &str {
        &self.user_agent
    }

    /// The connect timeout (for transports that can set one).
    pub fn connect_timeout(&self) -> Duration {
        self.connect_timeout
    }

    /// The deadline for a whole call, retries included.
    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    /// The retry policy.
    pub fn retry_policy(&self) -> &RetryPolicy {
        &self.retry
    }

    /// The path template used for an operation: the override, or the catalog's.
    pub fn path_template(&self, operation: &crate::catalog::Operation) -> String {
        let found = self.paths.iter().find(|(id, _)| id == operation.id);
        found.map_or_else(|| operation.path.to_owned(), |(_, template)| template.clone())
    }

    pub(crate) fn api_key(&self) -> &Secret {
        &self.api_key
    }

    pub(crate) fn partner_key(&self) -> Option<&Secret> {
        self.partner_key.as_ref()
    }

    /// `text` with the keys written as `[redacted]`, for a server's answer that echoes one (an
    /// error answer quoting the request, say) before it goes into an error. Keys shorter than 8
    /// characters are left: replacing them would mangle ordinary text, and no real key is.
    pub(crate) fn redact(&self, text: Vec<u8>) -> Vec<u8> {
        let mut text = text;
        for key in std::iter::once(&self.api_key).chain(self.partner_key.as_ref()) {
            let key = key.expose().as_bytes();
            if key.len() < 8 {
                continue;
            }
            let mut out = Vec::with_capacity(text.len());
            let mut rest = text.as_slice();
            while let Some(at) = rest.windows(key.len()).position(|w| w == key) {
                out.extend_from_slice(&rest[..at]);
                out.extend_from_slice(b"[redacted]");
                rest = &rest[at + key.len()..];
            }
            out.extend_from_slice(rest);
            text = out;
        }
        text
    }

    /// Whether a partner master key is configured.
    pub fn has_partner_key(&self) -> bool {
        self.partner_key.is_some()
    }
}

fn default_runtime() -> &'static str {
    if cfg!(target_arch = "wasm32") {
        "wasm"
    } else if cfg!(feature = "reqwest") {
        "tokio"
    } else {
        "native"
    }
}

/// Builds a [`Config`]; [`ConfigBuilder::build`] checks it.
#[derive(Clone)]
pub struct ConfigBuilder {
    environment: Environment,
    api_key: Secret,
    partner_key: Option<Secret>,
    connect_timeout: Duration,
    timeout: Duration,
    language: String,
    runtime: String,
    retry: RetryPolicy,
    paths: Vec<(String, String)>,
    decimals: Decimals,
}

impl fmt::Debug for ConfigBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ConfigBuilder").field("environment", &self.environment).field("api_key", &self.api_key).finish()
    }
}

impl ConfigBuilder {
    /// Where requests go.
    pub fn environment(mut self, environment: Environment) -> Self {
        self.environment = environment;
        self
    }

    /// The Confirma Software partner master key, used (instead of the creditor key) for the
    /// partner operations.
    pub fn partner_key(mut self, key: impl Into<Secret>) -> Self {
        self.partner_key = Some(key.into());
        self
    }

    /// A base URL such as `http://127.0.0.1:8080/v2` (same as `Environment::Custom`).
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.environment = Environment::Custom(url.into());
        self
    }

    /// How long to wait for a connection (default 10 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// The deadline for a whole call, retries included (default 60 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The retry policy (default: 3 retries, 0.5 s doubling to 8 s, `Retry-After` up to 60 s).
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Retries after the first attempt.
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.retry.max_retries = retries;
        self
    }

    /// The language and runtime named in the user agent: `lasku/<version> (<language>; <runtime>)`.
    /// Bindings set this (`javascript`, `node 20`); Rust users need not.
    pub fn platform(mut self, language: impl Into<String>, runtime: impl Into<String>) -> Self {
        self.language = language.into();
        self.runtime = runtime.into();
        self
    }

    /// Overrides the path template of an operation (by catalog id), e.g. when the live API's
    /// path differs from an Inferred one: `.path_override("retrieve_invoice_status", "/salesinvoices/{invoiceNumber}/state")`.
    pub fn path_override(mut self, operation_id: impl Into<String>, template: impl Into<String>) -> Self {
        // A later override of the same operation replaces the earlier one.
        let (id, template) = (operation_id.into(), template.into());
        self.paths.retain(|(known, _)| *known != id);
        self.paths.push((id, template));
        self
    }

    /// How the JSON answers of [`Client::call_json`](crate::Client::call_json) and
    /// [`Client::pages_json`](crate::Client::pages_json) write decimals (money, quantities,
    /// rates): as JSON numbers (the default) or as strings with every digit, for languages that
    /// would read a JSON number as a binary float (the JavaScript binding asks for strings).
    pub fn json_decimals(mut self, decimals: Decimals) -> Self {
        self.decimals = decimals;
        self
    }

    /// Checks and builds the configuration.
    pub fn build(self) -> Result<Config> {
        if self.api_key.is_empty() {
            return Err(Error::Configuration("the API key is empty".to_owned()));
        }
        if !header_safe(self.api_key.expose()) {
            return Err(Error::Configuration(
                "the API key must be printable ASCII: it contains control or non-ASCII characters".to_owned(),
            ));
        }
        let base_url = check_base_url(self.environment.base_url())?;
        if self.timeout.is_zero() {
            return Err(Error::Configuration("the timeout must be positive".to_owned()));
        }
        for (id, template) in &self.paths {
            if crate::catalog::operation(id).is_none() {
                return Err(Error::Configuration(format!("path override for unknown operation {id:?}")));
            }
            if !template.starts_with('/') {
                return Err(Error::Configuration(format!("path override for {id} must start with '/'")));
            }
        }
        let clean =
            |s: &str| s.chars().filter(|c| !c.is_control() && *c != '(' && *c != ')' && *c != ';').collect::<String>();
        if self.partner_key.as_ref().is_some_and(|k| k.is_empty() || !header_safe(k.expose())) {
            return Err(Error::Configuration(
                "the partner key is empty or not printable ASCII (control or non-ASCII characters)".to_owned(),
            ));
        }
        Ok(Config {
            base_url,
            api_key: self.api_key,
            partner_key: self.partner_key,
            connect_timeout: self.connect_timeout,
            timeout: self.timeout,
            user_agent: format!(
                "lasku/{} ({}; {})",
                env!("CARGO_PKG_VERSION"),
                clean(&self.language),
                clean(&self.runtime)
            ),
            retry: self.retry,
            paths: self.paths,
            decimals: self.decimals,
        })
    }
}

/// Whether a key can travel in an HTTP header as it is: printable ASCII only (a header cannot
/// carry other characters, and `fetch` refuses them only when the request is made).
fn header_safe(key: &str) -> bool {
    key.bytes().all(|b| (b' '..=b'~').contains(&b))
}

/// Checks a base URL: `https://`, or `http://` to a loopback host only. Its text is quoted in
/// errors only when it cannot hold a password (`user:password@`).
fn check_base_url(url: &str) -> Result<String> {
    let url = url.trim().trim_end_matches('/');
    if url.contains('@') {
        return Err(Error::Configuration(
            "the base URL holds credentials (user:password@host): pass the API key as the API key instead".to_owned(),
        ));
    }
    if url.contains(['?', '#']) {
        // Not echoed: a query may hold a token.
        return Err(Error::Configuration(
            "the base URL has a query or a fragment (`?`, `#`): each operation's path and query are added to it"
                .to_owned(),
        ));
    }
    let (scheme, rest) = crate::find::split_once(url, "://")
        .ok_or_else(|| Error::Configuration(format!("base URL {url:?} has no scheme")))?;
    let authority = rest.split('/').next().unwrap_or("");
    if authority.is_empty() {
        return Err(Error::Configuration(format!("base URL {url:?} has no host")));
    }
    let host = if let Some(v6) = authority.strip_prefix('[') {
        v6.split(']').next().unwrap_or("")
    } else {
        authority.split(':').next().unwrap_or("")
    };
    match scheme.to_ascii_lowercase().as_str() {
        "https" => Ok(url.to_owned()),
        "http" if is_loopback(host) => Ok(url.to_owned()),
        "http" => Err(Error::Configuration(format!(
            "plain http:// is refused for {host}: use https:// (http is allowed only for loopback, e.g. the local sandbox)"
        ))),
        other => Err(Error::Configuration(format!("unsupported scheme {other:?} in base URL"))),
    }
}

fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost")
        || host == "::1"
        || crate::ip::ipv4(host).is_some_and(|[first, ..]| first == 127)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_urls() {
        assert!(check_base_url("https://api.cash-in.com/v2/").is_ok());
        for bad in ["https://api.example.com/v2?x=1", "https://api.example.com/v2#frag", "https://h/?"] {
            let error = check_base_url(bad).unwrap_err().to_string();
            assert!(error.contains("query or a fragment"), "{bad}: {error}");
        }
        assert!(check_base_url("http://127.0.0.1:8080/v2").is_ok());
        assert!(check_base_url("http://127.9.9.9/v2").is_ok());
        assert!(check_base_url("http://localhost:1/v2").is_ok());
        assert!(check_base_url("http://[::1]:8080/v2").is_ok());
        assert!(check_base_url("http://api.cash-in.com/v2").is_err());
        assert!(check_base_url("http://10.0.0.1/v2").is_err());
        assert!(check_base_url("ftp://x/v2").is_err());
        assert!(check_base_url("api.cash-in.com").is_err());
        assert!(check_base_url("https://user:pw@x/v2").is_err());
        let Err(Error::Configuration(message)) = check_base_url("https://user:PWSECRET@x/v2") else { panic!() };
        assert!(message.contains("credentials") && !message.contains("PWSECRET"), "{message}");
        let Err(Error::Configuration(message)) = check_base_url("user:PWSECRET@x/v2") else { panic!() };
        assert!(!message.contains("PWSECRET"), "{message}");
    }

    #[test]
    fn keys_must_be_printable_ascii() {
        for key in ["lasku-key\u{20ac}", "k\u{e4}y", "key\n", "key\u{7f}"] {
            let built = Config::builder(key).build();
            assert!(matches!(&built, Err(Error::Configuration(m)) if m.contains("printable ASCII")), "{key:?}");
            let partner = Config::builder("ok").partner_key(key).build();
            assert!(matches!(&partner, Err(Error::Configuration(m)) if m.contains("printable ASCII")), "{key:?}");
        }
        assert!(Config::builder("sk live_1-2.3~!").partner_key("p@rtner:key").build().is_ok());
    }

    #[test]
    fn the_key_never_shows() {
        let config = Config::builder("very-secret-key").build().unwrap();
        let text = format!("{config:?} {:?}", Config::builder("very-secret-key"));
        assert!(!text.contains("very-secret-key"), "{text}");
        assert!(Config::builder("  ").build().is_err());
        assert!(config.user_agent().starts_with("lasku/"));
    }
}
