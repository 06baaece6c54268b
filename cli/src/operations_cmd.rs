//! `lasku operations`: the operation catalog as a table or JSON.

use lasku::catalog::{Credential, OPERATIONS};

/// The catalog as a Markdown table (the README embeds this output).
pub fn markdown() -> String {
    let mut out =
        String::from("| group | operation | method | path | path is | in lasku |\n|---|---|---|---|---|---|\n");
    for op in OPERATIONS {
        out.push_str(&format!(
            "| {} | [{}]({}) | {} | `/v2{}` | {} | {} |\n",
            op.group,
            op.name,
            op.doc_url,
            op.method.as_str(),
            op.path,
            op.path_provenance.as_str(),
            if op.implemented { "✓" } else { "" }
        ));
    }
    out
}

/// Prints the catalog; always exits 0.
pub fn run(json: bool, markdown_table: bool) -> i32 {
    if markdown_table {
        print!("{}", markdown());
        return 0;
    }
    if json {
        let list: Vec<_> = OPERATIONS
            .iter()
            .map(|op| {
                serde_json::json!({
                    "id": op.id,
                    "group": op.group,
                    "name": op.name,
                    "method": op.method.as_str(),
                    "method_provenance": op.method_provenance.as_str(),
                    "path": format!("/v2{}", op.path),
                    "path_provenance": op.path_provenance.as_str(),
                    "provenance": op.path_provenance.as_str(),
                    "doc_url": op.doc_url,
                    "credential": match op.credential { Credential::Creditor => "creditor", Credential::Partner => "partner" },
                    "idempotent": op.is_idempotent(),
                    "implemented": op.implemented,
                })
            })
            .collect();
        match serde_json::to_string_pretty(&list) {
            Ok(text) => println!("{text}"),
            Err(e) => {
                eprintln!("lasku operations: {e}");
                return 2;
            }
        }
        return 0;
    }
    let mut group = "";
    for op in OPERATIONS {
        if op.group != group {
            group = op.group;
            println!("\n{group}");
        }
        println!(
            "  {} {:<6} {:<58} {:<9} {}",
            if op.implemented { "✓" } else { "·" },
            op.method.as_str(),
            format!("/v2{}", op.path),
            op.path_provenance.as_str(),
            op.name
        );
    }
    let implemented = OPERATIONS.iter().filter(|op| op.implemented).count();
    println!(
        "\n{} operations, {} implemented (✓). Paths marked Inferred are unpublished: lasku follows the API's pattern; override them in the client config if needed.",
        OPERATIONS.len(),
        implemented
    );
    0
}
