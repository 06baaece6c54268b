//! The wire schema as JSON, from which `tools/generate.py` writes the `.pyi` stubs and the
//! client methods (so they cannot drift from the Rust models).

use pyo3::prelude::*;
use serde_json::{json, Value};

use lasku::cashin::PageMeta;
use lasku::catalog::{self, Credential};
use lasku::model::WireTypeRef;
use lasku::surface::{self, ParamKind};

use crate::guard::guard;

fn type_json(ty: WireTypeRef) -> Value {
    match ty {
        WireTypeRef::String => json!({"t": "string"}),
        WireTypeRef::Money => json!({"t": "money"}),
        WireTypeRef::Integer => json!({"t": "integer"}),
        WireTypeRef::Bool => json!({"t": "bool"}),
        WireTypeRef::Date => json!({"t": "date"}),
        WireTypeRef::DateTime => json!({"t": "datetime"}),
        WireTypeRef::Identifier => json!({"t": "identifier"}),
        WireTypeRef::Json => json!({"t": "json"}),
        WireTypeRef::Code(name, values) => json!({"t": "code", "name": name, "values": values}),
        WireTypeRef::List(inner) => json!({"t": "list", "of": type_json(inner())}),
        WireTypeRef::Model(name, _) => json!({"t": "model", "name": name}),
        WireTypeRef::Page(inner) => json!({"t": "page", "of": type_json(inner())}),
    }
}

fn param_json(kind: ParamKind) -> Value {
    match kind {
        ParamKind::Text => json!({"t": "string"}),
        ParamKind::Identifier => json!({"t": "identifier"}),
        ParamKind::Date => json!({"t": "date"}),
        ParamKind::Integer => json!({"t": "integer"}),
        ParamKind::Bool => json!({"t": "bool"}),
        ParamKind::Model(ty) => type_json(ty()),
    }
}

/// Everything the generator needs: operations (parameters, answer type, paging, key), every
/// model's members, the identifier kinds of the Finnish toolkit, and the version.
pub fn schema() -> Value {
    let operations: Vec<Value> = surface::operations()
        .iter()
        .map(|op| {
            let entry = catalog::operation(op.id);
            json!({
                "id": op.id,
                "summary": op.summary,
                "method": entry.map(|e| e.method.as_str()),
                "path": entry.map(|e| e.path),
                "params": op.params.iter().map(|p| json!({
                    "name": p.name,
                    "type": param_json(p.kind),
                    "required": p.required,
                })).collect::<Vec<_>>(),
                "returns": type_json((op.returns)()),
                "paged": op.paged,
                "credential": match op.credential {
                    Credential::Creditor => "creditor",
                    Credential::Partner => "partner",
                },
            })
        })
        .collect();
    // `Page<T>` carries `Meta: PageMeta`, which `models()` does not list (it follows `T` only).
    let mut all = surface::models();
    if !all.iter().any(|(name, _)| *name == "PageMeta") {
        all.push(("PageMeta", PageMeta::FIELDS));
    }
    let models: Vec<Value> = all
        .into_iter()
        .map(|(name, fields)| {
            json!({
                "name": name,
                "fields": fields.iter().map(|f| json!({
                    "wire": f.wire,
                    "rust": f.rust,
                    "type": type_json((f.ty)()),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "version": env!("CARGO_PKG_VERSION"),
        "operations": operations,
        "models": models,
        "identifier_kinds": surface::IDENTIFIER_KINDS,
    })
}

/// The schema as JSON text.
#[pyfunction]
#[pyo3(name = "_schema")]
pub fn schema_json(py: Python<'_>) -> PyResult<String> {
    guard(py, || Ok(schema().to_string()))
}
