//! Shared by the CLI tests: every `factcheck/v1` document a test produces
//! is checked against the published schema, `schema/factcheck-v1.json`.

#![allow(dead_code)] // each test binary uses part of it

use std::sync::OnceLock;

use serde_json::Value;

/// Panics, naming every violation, unless `doc` is a valid `factcheck/v1`
/// document.
pub fn assert_valid_v1(doc: &Value) {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    let validator = VALIDATOR.get_or_init(|| {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schema/factcheck-v1.json");
        let text = std::fs::read_to_string(path).expect("schema/factcheck-v1.json reads");
        let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
        jsonschema::options()
            .build(&schema)
            .expect("the schema compiles")
    });
    let errors: Vec<String> = validator
        .iter_errors(doc)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "not factcheck/v1: {errors:#?}");
}

/// [`assert_valid_v1`] when `doc` says it is `factcheck/v1`; other JSON
/// (`refs list`, SARIF) passes through. Returns `doc`.
pub fn checked(doc: Value) -> Value {
    if doc["schema"] == "factcheck/v1" {
        assert_valid_v1(&doc);
    }
    doc
}

/// Panics, naming every violation, unless `doc` follows the schema that
/// its `"schema"` names: `factcheck-refs/v1` (`refs list`),
/// `factcheck-refs-check/v1` (`refs check`) or `factcheck-compare/v1`
/// (`compare`), besides `factcheck/v1`. Other JSON passes through.
pub fn assert_valid_any(doc: &Value) {
    let file = match doc["schema"].as_str() {
        Some("factcheck/v1") => return assert_valid_v1(doc),
        Some("factcheck-refs/v1") => "schema/factcheck-refs-v1.json",
        Some("factcheck-refs-check/v1") => "schema/factcheck-refs-check-v1.json",
        Some("factcheck-compare/v1") => "tests/schema/factcheck-compare-v1.json",
        _ => return,
    };
    let path = format!("{}/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("schema reads");
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    let validator = jsonschema::options()
        .build(&schema)
        .expect("the schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(doc)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "not {file}: {errors:#?}");
}
