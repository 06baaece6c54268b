//! Every catalog operation as a [`crate::Client`] method: validate, send with retries, parse. Each one
//! calls the sans-IO function of the same name in [`super::requests`] (the `Client` methods are
//! listed on [`crate::Client`]).

mod collection;
mod invoices;
mod registry;

/// Declares `Client` methods that prepare a call with `requests::<name>` and parse the answer.
macro_rules! client_methods {
    ($( $(#[$doc:meta])* fn $name:ident($($arg:ident : $ty:ty),* $(,)?) -> $out:ty; )*) => {
        impl $crate::client::Client {
            $(
                $(#[$doc])*
                pub async fn $name(&self, $($arg: $ty),*) -> $crate::Result<$out> {
                    self.execute_json(&$crate::cashin::requests::$name($($arg),*)?).await
                }
            )*
        }
    };
}

pub(crate) use client_methods;
