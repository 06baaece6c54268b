//! Generates the UniFFI records, enums and `Client` methods from the core's own declarations.
//!
//! The core declares its Cash-In models with the `model!` and `code!` macros, its request and
//! query structs as plain structs, and its 48 typed operations in `client_methods!` tables
//! (`core/src/cashin/**`). This script reads those declarations (names, wire names, types and
//! doc comments) and writes `$OUT_DIR/generated.rs`:
//!
//! - a `uniffi::Record` for every model, request and query an operation reaches, with every
//!   member optional and defaulted (models), plus `extra` (unknown members as JSON text) and
//!   `nulls` (members to send as an explicit `null`);
//! - a `uniffi::Enum` for every code list (known values plus `Other(String)`);
//! - one `<Item>Page` record per paged answer;
//! - `Lift` / `Lower` conversions to and from the core types, member by member;
//! - the exported async `Client` methods, one per core operation, with the core's docs.
//!
//! The conversions name every member of the core structs explicitly, so a declaration this
//! script misread fails to compile instead of dropping data. Nothing here decides anything:
//! the generated code only converts and calls the core.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

type Res<T> = Result<T, String>;

fn main() -> Res<()> {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").map_err(|e| e.to_string())?);
    let cashin = manifest.join("../core/src/cashin");
    let mut files = rust_files(&cashin)?;
    files.extend(rust_files(&cashin.join("operations"))?);
    println!("cargo:rerun-if-changed={}", cashin.display());
    println!("cargo:rerun-if-changed={}", cashin.join("operations").display());
    let mut decls = Decls::default();
    for file in &files {
        println!("cargo:rerun-if-changed={}", file.display());
        let text = fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
        parse_file(&text, &mut decls).map_err(|e| format!("{}: {e}", file.display()))?;
    }
    if decls.ops.is_empty() {
        return Err(format!("no client_methods! found under {}", cashin.display()));
    }
    let code = generate(&decls)?;
    let out = PathBuf::from(std::env::var("OUT_DIR").map_err(|e| e.to_string())?).join("generated.rs");
    fs::write(&out, code).map_err(|e| format!("{}: {e}", out.display()))?;
    Ok(())
}

fn rust_files(dir: &Path) -> Res<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect();
    files.sort();
    Ok(files)
}

// ---------------------------------------------------------------------------------------------
// What the core declares

/// A member type, as far as the bindings care.
#[derive(Debug, Clone, PartialEq)]
enum Ty {
    Str,
    Money,
    /// An integer; the core's Rust type (`u64`, `i64`, `u32`, ...).
    Int(String),
    Bool,
    Date,
    DateTime,
    Id,
    Secret,
    Json,
    List(Box<Ty>),
    Opt(Box<Ty>),
    Page(Box<Ty>),
    Named(String),
}

#[derive(Debug, Clone)]
struct Field {
    /// Wire name (model members and wrapper members).
    wire: Option<String>,
    rust: String,
    ty: Ty,
    doc: String,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum StructKind {
    /// Declared with `model!`: optional members, `extra`, `nulls`.
    Model,
    /// A plain Rust struct (requests, queries, wrappers).
    Plain,
}

#[derive(Debug, Clone)]
struct Struct {
    name: String,
    doc: String,
    kind: StructKind,
    fields: Vec<Field>,
}

#[derive(Debug, Clone)]
struct Variant {
    wire: Option<String>,
    name: String,
    doc: String,
}

#[derive(Debug, Clone)]
struct Enum {
    name: String,
    doc: String,
    /// Declared with `code!` (wire values plus `Other(String)`); otherwise a plain unit enum.
    code: bool,
    variants: Vec<Variant>,
}

#[derive(Debug, Clone)]
struct Arg {
    name: String,
    /// The type as the core's signature writes it (`&SalesInvoice`, `Option<&str>`, `u64`, ...).
    text: String,
    ty: Ty,
}

#[derive(Debug, Clone)]
struct Op {
    name: String,
    doc: String,
    args: Vec<Arg>,
    ret: Ty,
}

#[derive(Debug, Default)]
struct Decls {
    structs: BTreeMap<String, Struct>,
    enums: BTreeMap<String, Enum>,
    aliases: BTreeMap<String, String>,
    ops: Vec<Op>,
    /// Unparsable plain items, by name (an error only if an operation reaches them).
    skipped: BTreeSet<String>,
}

// ---------------------------------------------------------------------------------------------
// Reading the declarations (rustfmt-formatted source; macro bodies as the core writes them)

enum State {
    Outside,
    /// Inside `model! {` (`true` once `pub struct X {` opened).
    Model(bool),
    /// Inside `code! {` (`true` once `pub enum X {` opened).
    Code(bool),
    Ops,
    PlainStruct,
    PlainEnum,
    /// Skipping a declaration until a line that is exactly `}` at this indentation.
    Skip(usize),
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

fn parse_file(text: &str, decls: &mut Decls) -> Res<()> {
    let mut state = State::Outside;
    let mut docs: Vec<String> = Vec::new();
    let mut current: Option<Struct> = None;
    let mut current_enum: Option<Enum> = None;
    let mut pending_wire: Option<String> = None;
    let mut op_text = String::new();
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim();
        let at = |e: String| format!("line {}: {e}", n + 1);
        match state {
            State::Outside => {
                if line == "model! {" {
                    state = State::Model(false);
                    docs.clear();
                } else if line == "code! {" {
                    state = State::Code(false);
                    docs.clear();
                } else if line == "client_methods! {" {
                    state = State::Ops;
                    docs.clear();
                } else if let Some(doc) = line.strip_prefix("///") {
                    docs.push(doc_line(doc));
                } else if line.starts_with("#[") {
                    // Attributes keep the docs above them.
                } else if let Some(rest) = line.strip_prefix("pub struct ") {
                    let name = rest.trim_end_matches('{').trim();
                    if rest.ends_with('{') && is_ident(name) {
                        current = Some(Struct {
                            name: name.to_owned(),
                            doc: take_doc(&mut docs),
                            kind: StructKind::Plain,
                            fields: Vec::new(),
                        });
                        state = State::PlainStruct;
                    } else {
                        if let Some(name) = rest.split(|c: char| !c.is_alphanumeric() && c != '_').next() {
                            decls.skipped.insert(name.to_owned());
                        }
                        if rest.ends_with('{') {
                            state = State::Skip(indent_of(raw));
                        }
                        docs.clear();
                    }
                } else if let Some(rest) = line.strip_prefix("pub enum ") {
                    let name = rest.trim_end_matches('{').trim();
                    if rest.ends_with('{') && is_ident(name) {
                        current_enum = Some(Enum {
                            name: name.to_owned(),
                            doc: take_doc(&mut docs),
                            code: false,
                            variants: Vec::new(),
                        });
                        state = State::PlainEnum;
                    } else {
                        docs.clear();
                    }
                } else if let Some(rest) = line.strip_prefix("pub type ") {
                    if let Some((name, target)) = rest.trim_end_matches(';').split_once('=') {
                        decls.aliases.insert(name.trim().to_owned(), target.trim().to_owned());
                    }
                    docs.clear();
                } else {
                    docs.clear();
                }
            }
            State::Model(open) | State::Code(open) => {
                let is_model = matches!(state, State::Model(_));
                if let Some(doc) = line.strip_prefix("///") {
                    docs.push(doc_line(doc));
                } else if line.starts_with("#[") || line.is_empty() {
                } else if !open && is_model && line.starts_with("pub struct ") {
                    let name = line.trim_start_matches("pub struct ").trim_end_matches('{').trim();
                    current = Some(Struct {
                        name: name.to_owned(),
                        doc: take_doc(&mut docs),
                        kind: StructKind::Model,
                        fields: Vec::new(),
                    });
                    state = State::Model(true);
                } else if !open && !is_model && line.starts_with("pub enum ") {
                    let name = line.trim_start_matches("pub enum ").trim_end_matches('{').trim();
                    current_enum = Some(Enum {
                        name: name.to_owned(),
                        doc: take_doc(&mut docs),
                        code: true,
                        variants: Vec::new(),
                    });
                    state = State::Code(true);
                } else if open && line.starts_with('"') {
                    let (wire, rest) = split_wire(line).map_err(at)?;
                    let rest = rest.trim_end_matches(',');
                    if is_model {
                        let (rust, ty) = rest.split_once(':').ok_or_else(|| at(format!("bad member {line:?}")))?;
                        let ty = parse_ty(ty).map_err(at)?;
                        if let Some(s) = current.as_mut() {
                            s.fields.push(Field {
                                wire: Some(wire),
                                rust: rust.trim().to_owned(),
                                ty,
                                doc: take_doc(&mut docs),
                            });
                        }
                    } else if let Some(e) = current_enum.as_mut() {
                        e.variants.push(Variant {
                            wire: Some(wire),
                            name: rest.trim().to_owned(),
                            doc: take_doc(&mut docs),
                        });
                    }
                } else if line == "}" && open {
                    if let Some(s) = current.take() {
                        decls.structs.insert(s.name.clone(), s);
                    }
                    if let Some(e) = current_enum.take() {
                        decls.enums.insert(e.name.clone(), e);
                    }
                    state = if is_model { State::Model(false) } else { State::Code(false) };
                } else if line == "}" {
                    state = State::Outside;
                } else {
                    return Err(at(format!("unexpected line in a model!/code! block: {line:?}")));
                }
            }
            State::Ops => {
                if let Some(doc) = line.strip_prefix("///") {
                    docs.push(doc_line(doc));
                } else if line == "}" && op_text.is_empty() {
                    state = State::Outside;
                } else if line.starts_with("fn ") || !op_text.is_empty() {
                    op_text.push_str(line);
                    op_text.push(' ');
                    if line.ends_with(';') {
                        let op = parse_op(op_text.trim(), take_doc(&mut docs)).map_err(at)?;
                        decls.ops.push(op);
                        op_text.clear();
                    }
                } else if !line.is_empty() {
                    return Err(at(format!("unexpected line in client_methods!: {line:?}")));
                }
            }
            State::PlainStruct => {
                if let Some(doc) = line.strip_prefix("///") {
                    docs.push(doc_line(doc));
                } else if let Some(attr) = line.strip_prefix("#[serde(rename = \"") {
                    pending_wire = attr.split('"').next().map(str::to_owned);
                } else if line.starts_with("#[") || line.is_empty() {
                } else if line == "}" {
                    if let Some(s) = current.take() {
                        decls.structs.insert(s.name.clone(), s);
                    }
                    state = State::Outside;
                } else if let Some(rest) = line.strip_prefix("pub ") {
                    let (rust, ty) =
                        rest.trim_end_matches(',').split_once(':').ok_or_else(|| at(format!("bad field {line:?}")))?;
                    let parsed = parse_ty(ty);
                    if let Some(s) = current.as_mut() {
                        match parsed {
                            Ok(ty) => s.fields.push(Field {
                                wire: pending_wire.take(),
                                rust: rust.trim().to_owned(),
                                ty,
                                doc: take_doc(&mut docs),
                            }),
                            Err(_) => {
                                decls.skipped.insert(s.name.clone());
                                current = None;
                                state = State::Skip(indent_of(raw).saturating_sub(4));
                            }
                        }
                    }
                } else {
                    // A private field: the struct cannot be built from outside the core.
                    if let Some(s) = current.take() {
                        decls.skipped.insert(s.name);
                    }
                    state = State::Skip(indent_of(raw).saturating_sub(4));
                }
            }
            State::PlainEnum => {
                if let Some(doc) = line.strip_prefix("///") {
                    docs.push(doc_line(doc));
                } else if line.starts_with("#[") || line.is_empty() {
                } else if line == "}" {
                    if let Some(e) = current_enum.take() {
                        decls.enums.insert(e.name.clone(), e);
                    }
                    state = State::Outside;
                } else if let Some(name) = line.strip_suffix(',').filter(|v| is_ident(v)) {
                    if let Some(e) = current_enum.as_mut() {
                        e.variants.push(Variant { wire: None, name: name.to_owned(), doc: take_doc(&mut docs) });
                    }
                } else {
                    // Not a unit enum: not something the bindings can mirror.
                    if let Some(e) = current_enum.take() {
                        decls.skipped.insert(e.name);
                    }
                    state = State::Skip(indent_of(raw).saturating_sub(4));
                }
            }
            State::Skip(indent) => {
                if line == "}" && indent_of(raw) == indent {
                    state = State::Outside;
                }
            }
        }
    }
    Ok(())
}

fn is_ident(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_alphanumeric() || c == '_')
}

fn split_wire(line: &str) -> Res<(String, &str)> {
    let rest = &line[1..];
    let end = rest.find('"').ok_or_else(|| format!("unterminated wire name in {line:?}"))?;
    let wire = rest[..end].to_owned();
    let after = rest[end + 1..].trim_start();
    let after = after.strip_prefix("=>").ok_or_else(|| format!("expected `=>` in {line:?}"))?;
    Ok((wire, after.trim()))
}

fn doc_line(doc: &str) -> String {
    let doc = doc.strip_prefix(' ').unwrap_or(doc);
    // Intra-doc links mean nothing in Kotlin or Swift: keep the code span, drop the link.
    doc.replace("[`", "`").replace("`]", "`").replace("crate::", "").replace("super::", "")
}

fn take_doc(docs: &mut Vec<String>) -> String {
    let doc = docs.join("\n").trim().to_owned();
    docs.clear();
    doc
}

fn parse_ty(text: &str) -> Res<Ty> {
    let mut t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    for prefix in ["super::", "crate::model::", "crate::cashin::", "crate::", "chrono::", "rust_decimal::"] {
        t = t.replace(prefix, "");
    }
    parse_norm(&t)
}

fn parse_norm(t: &str) -> Res<Ty> {
    let inner = |p: &str| t.strip_prefix(p).and_then(|r| r.strip_suffix('>'));
    if let Some(r) = t.strip_prefix('&') {
        return parse_norm(r);
    }
    if let Some(i) = inner("Option<") {
        return Ok(Ty::Opt(Box::new(parse_norm(i)?)));
    }
    if let Some(i) = inner("Vec<") {
        return Ok(Ty::List(Box::new(parse_norm(i)?)));
    }
    if let Some(i) = inner("Page<") {
        return Ok(Ty::Page(Box::new(parse_norm(i)?)));
    }
    Ok(match t {
        "String" | "str" => Ty::Str,
        "Decimal" => Ty::Money,
        "i64" | "u64" | "u32" | "i32" | "u16" | "u8" => Ty::Int(t.to_owned()),
        "bool" => Ty::Bool,
        "NaiveDate" => Ty::Date,
        "DateTime<Utc>" => Ty::DateTime,
        "InvoiceNumber" | "Identifier" => Ty::Id,
        "Secret" => Ty::Secret,
        "serde_json::Value" => Ty::Json,
        other if is_ident(other) => Ty::Named(other.to_owned()),
        other => return Err(format!("unsupported type {other:?}")),
    })
}

fn parse_op(text: &str, doc: String) -> Res<Op> {
    // fn name(a: A, b: B) -> Out;
    let text = text.trim_start_matches("fn ").trim_end_matches(';').trim();
    let open = text.find('(').ok_or_else(|| format!("bad operation {text:?}"))?;
    let close = text.rfind(')').ok_or_else(|| format!("bad operation {text:?}"))?;
    let name = text[..open].trim().to_owned();
    let ret = text[close + 1..].trim().trim_start_matches("->").trim();
    let mut args = Vec::new();
    for part in split_top(&text[open + 1..close]) {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        let (arg, ty) = part.split_once(':').ok_or_else(|| format!("bad argument {part:?} of {name}"))?;
        args.push(Arg { name: arg.trim().to_owned(), text: ty.trim().to_owned(), ty: parse_ty(ty)? });
    }
    Ok(Op { name, doc, args, ret: parse_ty(ret)? })
}

/// Splits on commas outside `<...>`.
fn split_top(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut cur = String::new();
    for c in s.chars() {
        match c {
            '<' => depth += 1,
            '>' => depth -= 1,
            ',' if depth == 0 => {
                out.push(std::mem::take(&mut cur));
                continue;
            }
            _ => {}
        }
        cur.push(c);
    }
    out.push(cur);
    out
}

// ---------------------------------------------------------------------------------------------
// Generating

struct Gen<'a> {
    decls: &'a Decls,
    /// Named types reached from the operations, in a stable order.
    structs: BTreeSet<String>,
    enums: BTreeSet<String>,
    /// Item types of paged answers.
    pages: BTreeSet<String>,
}

impl Gen<'_> {
    fn resolve(&self, name: &str) -> Res<Ty> {
        match self.decls.aliases.get(name) {
            Some(target) => parse_ty(target),
            None => Ok(Ty::Named(name.to_owned())),
        }
    }

    fn reach(&mut self, ty: &Ty) -> Res<()> {
        match ty {
            Ty::List(i) | Ty::Opt(i) => self.reach(i),
            Ty::Page(i) => {
                let name = self.named(i)?;
                self.pages.insert(name.clone());
                self.reach(&Ty::Named("PageMeta".to_owned()))?;
                self.reach(&Ty::Named(name))
            }
            Ty::Named(n) => {
                let resolved = self.resolve(n)?;
                if let Ty::Named(n) = &resolved {
                    if self.decls.structs.contains_key(n) {
                        if self.structs.insert(n.clone()) {
                            let fields: Vec<Ty> = self.decls.structs[n].fields.iter().map(|f| f.ty.clone()).collect();
                            for f in &fields {
                                self.reach(f)?;
                            }
                        }
                        Ok(())
                    } else if self.decls.enums.contains_key(n) {
                        self.enums.insert(n.clone());
                        Ok(())
                    } else if self.decls.skipped.contains(n) {
                        Err(format!("{n} is used by an operation but its declaration could not be read"))
                    } else {
                        Err(format!("unknown type {n}"))
                    }
                } else {
                    self.reach(&resolved)
                }
            }
            _ => Ok(()),
        }
    }

    fn named(&self, ty: &Ty) -> Res<String> {
        match ty {
            Ty::Named(n) => match self.resolve(n)? {
                Ty::Named(n) => Ok(n),
                other => Err(format!("page item {other:?} is not a model")),
            },
            other => Err(format!("page item {other:?} is not a model")),
        }
    }

    /// The type on the FFI side.
    fn ffi(&self, ty: &Ty) -> Res<String> {
        Ok(match ty {
            Ty::Str => "String".to_owned(),
            Ty::Money => "rust_decimal::Decimal".to_owned(),
            Ty::Int(t) if t == "u64" || t == "i64" => "i64".to_owned(),
            Ty::Int(_) => "i32".to_owned(),
            Ty::Bool => "bool".to_owned(),
            Ty::Date => "chrono::NaiveDate".to_owned(),
            Ty::DateTime => "std::time::SystemTime".to_owned(),
            Ty::Id => "lasku::model::Identifier".to_owned(),
            Ty::Secret => "std::sync::Arc<crate::Secret>".to_owned(),
            Ty::Json => "String".to_owned(),
            Ty::List(i) => format!("Vec<{}>", self.ffi(i)?),
            Ty::Opt(i) => format!("Option<{}>", self.ffi(i)?),
            Ty::Page(i) => format!("{}Page", self.named(i)?),
            Ty::Named(n) => match self.resolve(n)? {
                Ty::Named(n) => n,
                other => self.ffi(&other)?,
            },
        })
    }

    /// The core's type, fully qualified.
    fn core(&self, ty: &Ty) -> Res<String> {
        Ok(match ty {
            Ty::Str => "String".to_owned(),
            Ty::Money => "rust_decimal::Decimal".to_owned(),
            Ty::Int(t) => t.clone(),
            Ty::Bool => "bool".to_owned(),
            Ty::Date => "chrono::NaiveDate".to_owned(),
            Ty::DateTime => "chrono::DateTime<chrono::Utc>".to_owned(),
            Ty::Id => "lasku::model::Identifier".to_owned(),
            Ty::Secret => "lasku::Secret".to_owned(),
            Ty::Json => "serde_json::Value".to_owned(),
            Ty::List(i) => format!("Vec<{}>", self.core(i)?),
            Ty::Opt(i) => format!("Option<{}>", self.core(i)?),
            Ty::Page(i) => format!("lasku::cashin::Page<{}>", self.core(i)?),
            Ty::Named(n) => match self.resolve(n)? {
                Ty::Named(n) => format!("lasku::cashin::{n}"),
                other => self.core(&other)?,
            },
        })
    }

    /// Whether an operation's argument may be left out: an `Option`, or a query whose members
    /// all may (models are never left out: an empty invoice is not a sensible default).
    fn optional_arg(&self, ty: &Ty) -> bool {
        match ty {
            Ty::Opt(_) => true,
            Ty::Named(n) => match self.resolve(n) {
                Ok(Ty::Named(n)) => {
                    self.decls.structs.get(&n).is_some_and(|s| s.kind == StructKind::Plain && self.defaultable(ty))
                }
                _ => false,
            },
            _ => false,
        }
    }

    /// Whether a value of this type can be left out (a UniFFI natural default exists and means
    /// "not given").
    fn defaultable(&self, ty: &Ty) -> bool {
        match ty {
            Ty::Opt(_) => true,
            Ty::Named(n) => {
                match self.resolve(n) {
                    Ok(Ty::Named(n)) => self.decls.structs.get(&n).is_some_and(|s| {
                        s.kind == StructKind::Model || s.fields.iter().all(|f| self.defaultable(&f.ty))
                    }),
                    _ => false,
                }
            }
            _ => false,
        }
    }
}

fn generate(decls: &Decls) -> Res<String> {
    let mut g = Gen { decls, structs: BTreeSet::new(), enums: BTreeSet::new(), pages: BTreeSet::new() };
    for op in &decls.ops {
        for arg in &op.args {
            g.reach(&arg.ty)?;
        }
        g.reach(&op.ret)?;
    }
    let mut out = String::new();
    out.push_str("// @generated by bindings-uniffi/build.rs from core/src/cashin; do not edit.\n\n");
    for name in &g.enums {
        gen_enum(&mut out, &decls.enums[name]).map_err(|e| e.to_string())?;
    }
    for name in &g.structs {
        gen_struct(&mut out, &g, &decls.structs[name])?;
    }
    for item in &g.pages {
        gen_page(&mut out, item).map_err(|e| e.to_string())?;
    }
    gen_client(&mut out, &g)?;
    gen_tables(&mut out, &g).map_err(|e| e.to_string())?;
    Ok(out)
}

fn doc_attrs(out: &mut String, doc: &str, indent: &str) -> std::fmt::Result {
    for line in doc.lines() {
        writeln!(out, "{indent}#[doc = {:?}]", format!(" {line}").trim_end())?;
    }
    Ok(())
}

fn gen_enum(out: &mut String, e: &Enum) -> std::fmt::Result {
    doc_attrs(out, &e.doc, "")?;
    writeln!(out, "#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Enum)]")?;
    writeln!(out, "pub enum {} {{", e.name)?;
    for v in &e.variants {
        let mut doc = v.doc.clone();
        if let Some(wire) = &v.wire {
            doc = format!("{doc}\n\nWire value `{wire}`.").trim().to_owned();
        }
        doc_attrs(out, &doc, "    ")?;
        writeln!(out, "    {},", v.name)?;
    }
    if e.code {
        writeln!(out, "    /// A value the documentation never showed, kept as it came.")?;
        writeln!(out, "    Other(String),")?;
    }
    writeln!(out, "}}\n")?;
    let core = format!("lasku::cashin::{}", e.name);
    writeln!(out, "impl crate::conv::Lift<{}> for {core} {{", e.name)?;
    writeln!(
        out,
        "    fn lift(value: {}, _at: &crate::conv::At<'_>, _errs: &mut crate::conv::Errs) -> Option<Self> {{",
        e.name
    )?;
    writeln!(out, "        Some(match value {{")?;
    for v in &e.variants {
        writeln!(out, "            {}::{} => {core}::{},", e.name, v.name, v.name)?;
    }
    if e.code {
        writeln!(out, "            {}::Other(wire) => <{core} as lasku::model::Code>::from_wire(&wire),", e.name)?;
    }
    writeln!(out, "        }})\n    }}\n}}\n")?;
    writeln!(out, "impl crate::conv::Lower<{core}> for {} {{", e.name)?;
    writeln!(out, "    fn lower(value: {core}) -> Self {{")?;
    writeln!(out, "        match value {{")?;
    for v in &e.variants {
        writeln!(out, "            {core}::{} => {}::{},", v.name, e.name, v.name)?;
    }
    if e.code {
        writeln!(out, "            {core}::Other(wire) => {}::Other(wire),", e.name)?;
    }
    writeln!(out, "        }}\n    }}\n}}\n")?;
    Ok(())
}

fn gen_struct(out: &mut String, g: &Gen<'_>, s: &Struct) -> Res<()> {
    let model = s.kind == StructKind::Model;
    let core = format!("lasku::cashin::{}", s.name);
    let w = |e: std::fmt::Error| e.to_string();
    let mut doc = s.doc.clone();
    if model {
        doc.push_str(
            "\n\nEvery member is optional. Members lasku does not know by name travel in `extra`; \
             members to send as an explicit JSON `null` are named in `nulls`.",
        );
    }
    doc_attrs(out, &doc, "").map_err(w)?;
    let default = if model { "Default, " } else { "" };
    writeln!(out, "#[derive(Debug, Clone, {default}PartialEq, uniffi::Record)]").map_err(w)?;
    writeln!(out, "pub struct {} {{", s.name).map_err(w)?;
    for f in &s.fields {
        if model && (f.rust == "extra" || f.rust == "nulls") {
            return Err(format!("{}.{} collides with the generated member of that name", s.name, f.rust));
        }
        let ty = if model { Ty::Opt(Box::new(f.ty.clone())) } else { f.ty.clone() };
        let mut fdoc = f.doc.clone();
        if let Some(wire) = &f.wire {
            fdoc = format!("{fdoc}\n\nWire name: `{wire}`.").trim().to_owned();
        }
        doc_attrs(out, &fdoc, "    ").map_err(w)?;
        if g.defaultable(&ty) {
            writeln!(out, "    #[uniffi(default)]").map_err(w)?;
        }
        writeln!(out, "    pub {}: {},", f.rust, g.ffi(&ty)?).map_err(w)?;
    }
    if model {
        out.push_str(
            "    /// Members the documentation never showed, as the text of a JSON object (for example\n    \
             /// `{\"NewMember\": 1}`), sent back as they came; `None` when there are none.\n    \
             #[uniffi(default)]\n    pub extra: Option<String>,\n    \
             /// Wire names of known members to send as an explicit JSON `null` (on updates, `null`\n    \
             /// clears a member; an absent member is left as it is).\n    \
             #[uniffi(default)]\n    pub nulls: Vec<String>,\n",
        );
    }
    writeln!(out, "}}\n").map_err(w)?;

    // Lift: FFI record → core value.
    writeln!(out, "impl crate::conv::Lift<{}> for {core} {{", s.name).map_err(w)?;
    writeln!(
        out,
        "    fn lift(value: {}, at: &crate::conv::At<'_>, errs: &mut crate::conv::Errs) -> Option<Self> {{",
        s.name
    )
    .map_err(w)?;
    let wires: Vec<String> = s.fields.iter().filter_map(|f| f.wire.as_ref().map(|w| format!("{w:?}"))).collect();
    if model {
        writeln!(out, "        const WIRES: &[&str] = &[{}];", wires.join(", ")).map_err(w)?;
        writeln!(out, "        for wire in &value.nulls {{").map_err(w)?;
        writeln!(out, "            if !WIRES.contains(&wire.as_str()) {{").map_err(w)?;
        writeln!(out, "                crate::conv::unknown_null(at, {:?}, wire, errs);", s.name).map_err(w)?;
        writeln!(out, "            }}\n        }}").map_err(w)?;
    }
    for f in &s.fields {
        let seg = f.wire.clone().unwrap_or_else(|| f.rust.clone());
        let ty = if model { Ty::Opt(Box::new(f.ty.clone())) } else { f.ty.clone() };
        writeln!(
            out,
            "        let m_{r}: Option<{c}> = crate::conv::Lift::lift(value.{r}, &at.name({seg:?}), errs);",
            r = f.rust,
            c = g.core(&ty)?,
        )
        .map_err(w)?;
    }
    if model {
        writeln!(out, "        let m_extra = crate::conv::lift_extra(value.extra, at, errs);").map_err(w)?;
    }
    writeln!(out, "        #[allow(unused_mut)]").map_err(w)?;
    writeln!(out, "        let mut lifted = {core} {{").map_err(w)?;
    for f in &s.fields {
        writeln!(out, "            {r}: m_{r}?,", r = f.rust).map_err(w)?;
    }
    if model {
        writeln!(out, "            extra: m_extra?,\n            nulls: lasku::model::Nulls::default(),").map_err(w)?;
    }
    writeln!(out, "        }};").map_err(w)?;
    if model {
        writeln!(out, "        for wire in &value.nulls {{").map_err(w)?;
        writeln!(out, "            lifted.set_null(wire);").map_err(w)?;
        writeln!(out, "        }}").map_err(w)?;
    }
    writeln!(out, "        Some(lifted)\n    }}\n}}\n").map_err(w)?;

    // Lower: core value → FFI record.
    writeln!(out, "impl crate::conv::Lower<{core}> for {} {{", s.name).map_err(w)?;
    writeln!(out, "    fn lower(value: {core}) -> Self {{").map_err(w)?;
    if model {
        writeln!(
            out,
            "        let nulls = crate::conv::null_names(&[{}], |wire| value.is_null(wire));",
            wires.join(", ")
        )
        .map_err(w)?;
    }
    writeln!(out, "        {} {{", s.name).map_err(w)?;
    for f in &s.fields {
        writeln!(out, "            {r}: crate::conv::Lower::lower(value.{r}),", r = f.rust).map_err(w)?;
    }
    if model {
        writeln!(out, "            extra: crate::conv::lower_extra(value.extra),\n            nulls,").map_err(w)?;
    }
    writeln!(out, "        }}\n    }}\n}}\n").map_err(w)?;
    Ok(())
}

fn gen_page(out: &mut String, item: &str) -> std::fmt::Result {
    writeln!(out, "#[doc = \" One page of `{item}` items (`{{ \\\"Data\\\": [...], \\\"Meta\\\": PageMeta }}`).\"]")?;
    writeln!(out, "#[derive(Debug, Clone, PartialEq, uniffi::Record)]")?;
    writeln!(out, "pub struct {item}Page {{")?;
    writeln!(out, "    /// The items.\n    pub data: Vec<{item}>,")?;
    writeln!(out, "    /// Paging information, when the server gives it.\n    #[uniffi(default)]\n    pub meta: Option<PageMeta>,")?;
    writeln!(
        out,
        "    /// Whether another page follows this one, judged from `meta`.\n    #[uniffi(default)]\n    pub has_next: bool,"
    )?;
    writeln!(
        out,
        "    /// Members the documentation never showed, as the text of a JSON object; `None` when there are none.\n    \
         #[uniffi(default)]\n    pub extra: Option<String>,"
    )?;
    writeln!(out, "}}\n")?;
    writeln!(out, "impl crate::conv::Lower<lasku::cashin::Page<lasku::cashin::{item}>> for {item}Page {{")?;
    writeln!(out, "    fn lower(value: lasku::cashin::Page<lasku::cashin::{item}>) -> Self {{")?;
    writeln!(out, "        let has_next = value.has_next();")?;
    writeln!(
        out,
        "        {item}Page {{ data: crate::conv::Lower::lower(value.data), meta: crate::conv::Lower::lower(value.meta), \
         has_next, extra: crate::conv::lower_extra(value.extra) }}"
    )?;
    writeln!(out, "    }}\n}}\n")?;
    Ok(())
}

fn gen_client(out: &mut String, g: &Gen<'_>) -> Res<()> {
    let w = |e: std::fmt::Error| e.to_string();
    writeln!(out, "#[uniffi::export(async_runtime = \"tokio\")]\nimpl Client {{").map_err(w)?;
    for op in &g.decls.ops {
        doc_attrs(out, &op.doc, "    ").map_err(w)?;
        let defaults: Vec<String> =
            op.args.iter().filter(|a| g.optional_arg(&a.ty)).map(|a| format!("default({})", a.name)).collect();
        // Defaults only for trailing arguments (Kotlin and Swift take them from the end).
        let trailing: Vec<String> = {
            let mut t = Vec::new();
            for a in op.args.iter().rev() {
                if defaults.contains(&format!("default({})", a.name)) {
                    t.push(format!("default({})", a.name));
                } else {
                    break;
                }
            }
            t.reverse();
            t
        };
        if !trailing.is_empty() {
            writeln!(out, "    #[uniffi::method({})]", trailing.join(", ")).map_err(w)?;
        }
        let params: Vec<String> =
            op.args.iter().map(|a| Ok(format!("{}: {}", a.name, g.ffi(&a.ty)?))).collect::<Res<_>>()?;
        writeln!(
            out,
            "    pub async fn {}(&self, {}) -> Result<{}, LaskuError> {{",
            op.name,
            params.join(", "),
            g.ffi(&op.ret)?
        )
        .map_err(w)?;
        if !op.args.is_empty() {
            writeln!(out, "        let mut errs = crate::conv::Errs::new();").map_err(w)?;
            for a in &op.args {
                writeln!(
                    out,
                    "        let {n}: Option<{c}> = crate::conv::Lift::lift({n}, &crate::conv::At::arg({n:?}), &mut errs);",
                    n = a.name,
                    c = g.core(&a.ty)?
                )
                .map_err(w)?;
            }
            writeln!(out, "        crate::conv::check(errs)?;").map_err(w)?;
            for a in &op.args {
                writeln!(out, "        let {n} = crate::conv::present({n})?;", n = a.name).map_err(w)?;
            }
        }
        let call_args: Vec<String> = op
            .args
            .iter()
            .map(|a| {
                let t: String = a.text.chars().filter(|c| !c.is_whitespace()).collect();
                if t == "Option<&str>" {
                    format!("{}.as_deref()", a.name)
                } else if t.starts_with('&') {
                    format!("&{}", a.name)
                } else {
                    a.name.clone()
                }
            })
            .collect();
        writeln!(
            out,
            "        let answer = self.inner.{}({}).await?;\n        Ok(crate::conv::Lower::lower(answer))\n    }}\n",
            op.name,
            call_args.join(", ")
        )
        .map_err(w)?;
    }
    writeln!(out, "}}\n").map_err(w)?;
    Ok(())
}

fn gen_tables(out: &mut String, g: &Gen<'_>) -> std::fmt::Result {
    writeln!(out, "/// Every operation the `Client` exports, in the core's order.")?;
    writeln!(out, "#[allow(dead_code)]\npub(crate) const OPERATIONS: &[&str] = &[")?;
    for op in &g.decls.ops {
        writeln!(out, "    {:?},", op.name)?;
    }
    writeln!(out, "];\n")?;
    writeln!(out, "/// Wire names of every generated model record, for the schema test.")?;
    writeln!(out, "#[cfg(test)]\npub(crate) fn model_wire_names() -> Vec<(&'static str, Vec<&'static str>, &'static [lasku::model::FieldInfo])> {{\n    vec![")?;
    for name in &g.structs {
        let s = &g.decls.structs[name];
        if s.kind == StructKind::Model {
            let wires: Vec<String> =
                s.fields.iter().filter_map(|f| f.wire.as_ref().map(|w| format!("{w:?}"))).collect();
            writeln!(out, "        ({name:?}, vec![{}], lasku::cashin::{name}::FIELDS),", wires.join(", "))?;
        }
    }
    writeln!(out, "    ]\n}}")?;
    Ok(())
}
