//! Every schema the documentation's navigation names has a type in lasku.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use lasku::cashin::schemas::SCHEMAS;

fn schema_names(seed: &str) -> Vec<String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/api/seeds").join(seed);
    let text = std::fs::read_to_string(path).unwrap();
    let mut names = Vec::new();
    let mut inside = false;
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed == "• Schemas" {
            inside = true;
            continue;
        }
        if inside {
            match trimmed.strip_prefix("• ") {
                Some(name) => names.push(name.to_owned()),
                None => break,
            }
        }
    }
    names
}

#[test]
fn every_documented_schema_has_a_type() {
    for seed in ["000_7f0bb3dbeb8918a7.txt", "003_a304b0648d0e38d5.txt"] {
        let names = schema_names(seed);
        assert!(names.len() > 80, "{seed}: found only {} schema names", names.len());
        for name in names {
            assert!(
                SCHEMAS.iter().any(|(doc, _)| *doc == name),
                "{name} (from {seed}) has no type in lasku::cashin::schemas"
            );
        }
    }
}

#[test]
fn the_index_names_real_types() {
    let source: String = [
        "allocated",
        "batch",
        "collection",
        "created",
        "documents",
        "errors",
        "external",
        "finvoice",
        "invoice",
        "page",
        "partner",
        "payments",
        "registry",
        "settlements",
        "status",
        "token",
    ]
    .iter()
    .map(|f| std::fs::read_to_string(format!("{}/src/cashin/{f}.rs", env!("CARGO_MANIFEST_DIR"))).unwrap())
    .collect();
    for (doc, ty) in SCHEMAS {
        let base = ty.split('<').next_back().unwrap().trim_end_matches('>');
        assert!(
            source.contains(&format!("pub struct {base} "))
                || source.contains(&format!("pub struct {base}<"))
                || source.contains(&format!("pub type {base} ")),
            "{doc} maps to {ty}, which is not defined"
        );
    }
}
