//! The error bodies the docs name (`ErrorMessage`, `ValidationResponse`, `Messages`; members
//! Inferred). The client reads them into [`crate::ApiError`]; these models are for users who
//! handle raw bodies.

use crate::model::model;

model! {
    /// An error answer (`ErrorMessage`).
    pub struct ErrorMessage {
        /// What went wrong.
        "Message" => message: String,
        /// The request's identifier, for support.
        "RequestId" => request_id: String,
    }
}

model! {
    /// A 400 answer naming the fields (`ValidationResponse`).
    pub struct ValidationResponse {
        /// What went wrong.
        "Message" => message: String,
        /// One entry per field.
        "Errors" => errors: Vec<Messages>,
    }
}

model! {
    /// One field's error (`Messages`).
    pub struct Messages {
        /// The field.
        "Field" => field: String,
        /// What is wrong with it.
        "Message" => message: String,
    }
}
