//! What every binding builds on: each operation by id with JSON arguments and answers, the
//! metadata the bindings generate their methods and types from, and validation, the builder and
//! the Finnish toolkit over JSON. Bindings only convert values and map errors; the logic is here,
//! so all five languages behave the same.
//!
//! ```
//! let op = lasku::surface::operation("update_invoice").unwrap();
//! let names: Vec<_> = op.params.iter().map(|p| p.name).collect();
//! assert_eq!(names, ["invoice_number", "update"]);
//! let call = lasku::surface::prepare("retrieve_invoice_status", r#"{"invoice_number": 1001}"#).unwrap();
//! assert_eq!(call.operation.path, "/salesinvoices/{invoiceNumber}/status");
//! ```

mod answers;
mod args;
mod client;
mod fi;
mod json;
mod ops;
mod tools;

use std::collections::BTreeMap;

#[cfg(not(target_arch = "wasm32"))]
pub use crate::quick::Ahead;
pub use crate::quick::InvoiceLists;
pub use answers::Decimals;
pub use args::{parse_at, ParamKind};
pub use client::JsonPages;
pub use fi::{check_identifier, decode_barcode, encode_barcode, reference_forms, IDENTIFIER_KINDS};
pub use json::{json_array, json_texts, write_json_string, JsonObject};
#[cfg(any(test, not(target_arch = "wasm32")))]
pub(crate) use ops::prepare_parsed;
pub use ops::{normalize, prepare, prepare_borrowing, OperationInfo, ParamInfo};
pub use tools::{build_invoice_json, validate_json};

use crate::model::{FieldInfo, WireTypeRef};

/// Every operation, in catalog order.
pub fn operations() -> &'static [OperationInfo] {
    ops::OPERATIONS
}

/// One operation by id.
pub fn operation(id: &str) -> Option<&'static OperationInfo> {
    ops::OPERATIONS.iter().find(|op| op.id == id)
}

/// Every model reachable from the operations' parameters and answers, by name.
pub fn models() -> Vec<(&'static str, &'static [FieldInfo])> {
    let mut found: BTreeMap<&'static str, &'static [FieldInfo]> = BTreeMap::new();
    for op in ops::OPERATIONS {
        collect((op.returns)(), &mut found);
        for p in op.params {
            if let ParamKind::Model(ty) = p.kind {
                collect(ty(), &mut found);
            }
        }
    }
    found.into_iter().collect()
}

fn collect(ty: WireTypeRef, found: &mut BTreeMap<&'static str, &'static [FieldInfo]>) {
    match ty {
        WireTypeRef::Model(name, fields) if found.insert(name, fields).is_none() => {
            for f in fields {
                collect((f.ty)(), found);
            }
        }
        WireTypeRef::List(inner) => collect(inner(), found),
        WireTypeRef::Page(inner) => {
            collect(inner(), found);
            collect(<crate::cashin::PageMeta as crate::model::WireType>::wire_type(), found);
        }
        _ => {}
    }
}
