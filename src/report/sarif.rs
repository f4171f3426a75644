//! `--format sarif`: SARIF 2.1.0 for GitHub code scanning
//! (`github/codeql-action/upload-sarif`) and other SARIF viewers.
//!
//! One run; the driver has one rule per verdict; a result per problem
//! (contradicted: `error`; misattributed, outdated, disputed: `warning`),
//! with a repository-relative artifact URI, a full region (columns in
//! Unicode code points, as `columnKind` says; `endColumn` just after the
//! claim) and a partial fingerprint that survives lines moving. A
//! suppressed problem is still a result, with an `inSource` suppression, so
//! viewers show it as dismissed rather than losing it.
//!
//! The wire types are our own small serde structs rather than the
//! serde-sarif crate: we need a dozen of SARIF's hundreds of properties, and
//! this keeps the build light and the output under our control. The tests
//! validate the output against the OASIS schema.

use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};

use serde::Serialize;

use super::{Report, Style, Summary, claim_range, claim_text};
use crate::check::Verdict;
use crate::pipeline::FileResult;

pub const SCHEMA_URI: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// Where the tool's documentation lives: the crate's `repository` once
/// Cargo.toml names one; a placeholder until the project has a public home.
pub(super) const INFORMATION_URI: &str = match env!("CARGO_PKG_REPOSITORY").as_bytes() {
    [] => "https://example.org/factcheck",
    _ => env!("CARGO_PKG_REPOSITORY"),
};

/// The fingerprint's name in `partialFingerprints`.
const FINGERPRINT: &str = "factcheckClaim/v1";

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool,
    column_kind: &'static str,
    results: &'a [ResultJson],
    /// The run's property bag: the `factcheck.toml` used.
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<RunProperties<'a>>,
}

#[derive(Serialize)]
struct RunProperties<'a> {
    config: &'a str,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    information_uri: &'static str,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    name: String,
    short_description: Text,
    full_description: Text,
    help: Help,
    default_configuration: Configuration,
    properties: RuleProperties,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct RuleProperties {
    tags: [&'static str; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ResultJson {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: [Location; 1],
    partial_fingerprints: BTreeMap<&'static str, String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suppressions: Vec<Suppression>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

#[derive(Serialize)]
struct Suppression {
    kind: &'static str,
    justification: &'static str,
}

/// Streams its results: the log's head (tool and rules) is written before
/// the first result, each result as its file comes, and the run's
/// properties after the last, byte for byte what serializing the whole
/// log at once gives.
pub struct Sarif {
    _style: Style,
    /// Results written so far.
    results: usize,
}

impl Sarif {
    pub fn new(style: Style) -> Sarif {
        Sarif {
            _style: style,
            results: 0,
        }
    }
}

/// Where the log's text is cut to stream its results: after the opening
/// bracket of `results`.
const RESULTS: &str = "\"results\": [";

/// Indentation of a result in the pretty-printed log (root, `runs`, the
/// run, `results`: four levels of two spaces).
const RESULT_INDENT: &[u8] = b"        ";

/// The whole log, pretty-printed, with `results` and the run's `config`.
fn log_text(results: &[ResultJson], config: Option<&str>) -> io::Result<String> {
    let log = Log {
        schema: SCHEMA_URI,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "factcheck",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    information_uri: INFORMATION_URI,
                    rules: rules(),
                },
            },
            column_kind: "unicodeCodePoints",
            results,
            properties: config.map(|config| RunProperties { config }),
        }],
    };
    Ok(serde_json::to_string_pretty(&log)?)
}

/// Writes one result, indented as an element of the log's `results`.
fn write_result(out: &mut dyn Write, first: bool, result: &ResultJson) -> io::Result<()> {
    if first {
        // Everything before the results (no result needed to write it).
        let head = log_text(&[], None)?;
        let cut = head.find(RESULTS).map_or(0, |i| i + RESULTS.len());
        out.write_all(&head.as_bytes()[..cut])?;
        out.write_all(b"\n")?;
    } else {
        out.write_all(b",\n")?;
    }
    out.write_all(RESULT_INDENT)?;
    let text = serde_json::to_vec_pretty(result)?;
    // JSON strings never hold a raw line break: every one is indentation.
    for (i, line) in text.split(|&b| b == b'\n').enumerate() {
        if i > 0 {
            out.write_all(b"\n")?;
            out.write_all(RESULT_INDENT)?;
        }
        out.write_all(line)?;
    }
    Ok(())
}

fn rules() -> Vec<Rule> {
    Verdict::BY_SEVERITY
        .iter()
        .map(|&verdict| {
            let (short, full) = (verdict.look().summary, verdict.look().help);
            Rule {
                id: verdict.name(),
                name: verdict.name().to_string(),
                short_description: Text {
                    text: short.to_string(),
                },
                full_description: Text {
                    text: full.to_string(),
                },
                help: Help {
                    text: format!(
                        "{full} Check the figure against the sources listed in the message, then fix the article or the reference file. \
                         If the claim is right, silence it with <!-- factcheck-disable-next-line --> on the line before."
                    ),
                    markdown: format!(
                        "{full}\n\nCheck the figure against the sources listed in the message, then fix the article or the reference file. \
                         If the claim is right, silence it with `<!-- factcheck-disable-next-line -->` on the line before."
                    ),
                },
                default_configuration: Configuration {
                    level: verdict.look().sarif_level,
                },
                properties: RuleProperties { tags: ["factcheck"] },
            }
        })
        .collect()
}

/// Percent-encodes a relative path for a URI reference: unreserved
/// characters and `/` stay, every other byte becomes `%XX`.
pub(crate) fn uri_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// FNV-1a, 64 bits: stable across Rust versions and platforms, unlike
/// std's hasher, which fingerprints must be.
pub(super) fn fnv1a(parts: &[&str]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &byte in part.as_bytes().iter().chain([0u8].iter()) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    hash
}

impl Report for Sarif {
    fn file(&mut self, out: &mut dyn Write, file: &FileResult) -> io::Result<()> {
        // The same claim twice in a file gets `:1`, `:2`…, like GitHub's
        // own line hashes.
        let mut seen: HashMap<u64, usize> = HashMap::new();
        for (finding, suppressed) in file.entries() {
            if !finding.verdict.is_problem() {
                continue;
            }
            let (start, end) = claim_range(file, finding);
            let text = claim_text(file, finding);
            let fact = finding.fact().map_or("", |(id, _)| id.as_str());
            let hash = fnv1a(&[&file.rel_path, finding.verdict.name(), fact, &text]);
            let occurrence = seen.entry(hash).or_default();
            *occurrence += 1;
            let rule_index = Verdict::BY_SEVERITY
                .iter()
                .position(|v| *v == finding.verdict)
                .unwrap_or(0);
            let fact_note = if fact.is_empty() {
                String::new()
            } else {
                format!(" [{fact}]")
            };
            let result = ResultJson {
                rule_id: finding.verdict.name(),
                rule_index,
                level: finding.verdict.look().sarif_level,
                message: Text {
                    text: format!(
                        "\"{text}\" is {}{fact_note}: {}",
                        finding.verdict,
                        finding.explanation()
                    ),
                },
                locations: [Location {
                    physical_location: PhysicalLocation {
                        artifact_location: ArtifactLocation {
                            uri: uri_path(&file.rel_path),
                        },
                        region: Region {
                            start_line: start.line,
                            start_column: start.column,
                            end_line: end.line,
                            end_column: end.column,
                        },
                    },
                }],
                partial_fingerprints: BTreeMap::from([(
                    FINGERPRINT,
                    format!("{hash:016x}:{occurrence}"),
                )]),
                suppressions: if suppressed {
                    vec![Suppression {
                        kind: "inSource",
                        justification: "factcheck-disable comment in the article",
                    }]
                } else {
                    Vec::new()
                },
            };
            write_result(out, self.results == 0, &result)?;
            self.results += 1;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        let log = log_text(&[], summary.config.as_deref())?;
        if self.results == 0 {
            return writeln!(out, "{log}");
        }
        // The rest of the log after the (empty) results' brackets.
        let empty = format!("{RESULTS}]");
        let rest = log.find(&empty).map_or("", |i| &log[i + empty.len()..]);
        writeln!(out, "\n      ]{rest}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uri_paths_encode_spaces_and_accents() {
        assert_eq!(uri_path("content/a b/più.md"), "content/a%20b/pi%C3%B9.md");
        assert_eq!(uri_path("a-b_c~d.md"), "a-b_c~d.md");
    }

    #[test]
    fn fingerprints_are_stable() {
        assert_eq!(fnv1a(&[]), 0xcbf2_9ce4_8422_2325);
        assert_ne!(fnv1a(&["ab", "c"]), fnv1a(&["a", "bc"]));
        assert_eq!(fnv1a(&["a.md", "x"]), fnv1a(&["a.md", "x"]));
    }
}
