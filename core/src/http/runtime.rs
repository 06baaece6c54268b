//! The small capability the host gives the client: sleeping and the wall clock.

use std::time::Duration;

use super::{BoxFuture, MaybeSend, MaybeSync};

/// Sleep and clock, supplied by the host (tokio natively, timers and `Date.now()` in JS, ...),
/// so the core needs no async runtime and works on wasm.
pub trait Runtime: MaybeSend + MaybeSync {
    /// A future that completes after `duration`.
    fn sleep(&self, duration: Duration) -> BoxFuture<'static, ()>;
    /// Milliseconds since the Unix epoch.
    fn now_millis(&self) -> u64;
}
