//! Secrets (API keys, tokens) the server returns: never printed by `toString()`, `description`
//! or logs; read them with `expose()`.

use std::fmt;
use std::sync::Arc;

/// A secret string, such as the API key of a newly registered creditor. `toString()` (Kotlin)
/// and `description` (Swift) print `[redacted]`; `expose()` returns the secret itself.
#[derive(uniffi::Object, PartialEq, Eq)]
#[uniffi::export(Debug, Display, Eq)]
pub struct Secret(lasku::Secret);

impl Secret {
    pub(crate) fn from_core(secret: lasku::Secret) -> Self {
        Secret(secret)
    }

    pub(crate) fn inner(&self) -> &lasku::Secret {
        &self.0
    }
}

#[uniffi::export]
impl Secret {
    /// Wraps a secret.
    #[uniffi::constructor]
    pub fn new(value: String) -> Arc<Self> {
        Arc::new(Secret(lasku::Secret::new(value)))
    }

    /// The secret itself. Never log it.
    pub fn expose(&self) -> String {
        self.0.expose().to_owned()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}
