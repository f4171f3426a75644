//! Imports run one way: a module may use only the modules below it in
//! [`LAYERS`] (the order ARCHITECTURE.md states), never one above it or
//! beside it. This test reads every `crate::…` path in `src/` (code, not
//! comments) and names each import that breaks the order.

use std::fs;
use std::path::{Path, PathBuf};

/// The library's top-level modules, lowest first. Modules on one row are
/// peers: neither may import the other. `main.rs` and `cli/` (the binary)
/// sit above them all and use the library as `factcheck::…`.
const LAYERS: &[&[&str]] = &[
    &["text", "error"],
    &["yaml", "units", "when"],
    &["claim"],
    &["lang"],
    &["document"],
    &["extract"],
    &["describe"],
    &["refs"],
    &["check"],
    &["suppress", "diff"],
    &["pipeline"],
    &["report"],
    &["config"],
    &["lsp"],
];

fn rank(module: &str) -> Option<usize> {
    LAYERS.iter().position(|row| row.contains(&module))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file of `src/` belongs to (`src/extract/date/mod.rs`
/// → `extract`, `src/claim.rs` → `claim`); `None` for the crate root and the
/// binary.
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src).ok()?;
    let first = rel.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    match name {
        "lib" | "main" | "cli" => None,
        _ => Some(name.to_string()),
    }
}

/// Every top-level module named by a `crate::` path in `code`, with the
/// byte offset of its path, including the members of a group (`use
/// crate::{claim::Claim, lang::{Lang, LangData}}`, over several lines too).
fn imported(code: &str) -> Vec<(usize, String)> {
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = code[from..].find("crate::") {
        let at = from + found;
        from = at + "crate::".len();
        // `$crate::` in a macro names the crate the macro comes from.
        if code[..at].ends_with('$') {
            continue;
        }
        let rest = &code[from..];
        let Some(group) = rest.strip_prefix('{') else {
            let name = ident(rest);
            if !name.is_empty() {
                out.push((at, name));
            }
            continue;
        };
        // The group's items at depth one: the first name of each.
        let mut depth = 1;
        let mut item_start = true;
        for (i, c) in group.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                ',' if depth == 1 => item_start = true,
                c if depth == 1 && item_start && !c.is_whitespace() => {
                    item_start = false;
                    let name = ident(&group[i..]);
                    if !name.is_empty() {
                        out.push((at, name));
                    }
                }
                _ => {}
            }
        }
    }
    out
}

/// `text` with comments blanked (line comments and doc comments), byte
/// offsets kept.
fn code_of(text: &str) -> String {
    text.lines()
        .map(|line| match line.find("//") {
            Some(i) if !line[..i].contains('"') => {
                format!("{}{}", &line[..i], " ".repeat(line.len() - i))
            }
            _ => line.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn no_module_imports_one_above_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut wrong = Vec::new();
    for file in &files {
        let Some(module) = module_of(&src, file) else {
            continue;
        };
        let Some(own) = rank(&module) else {
            wrong.push(format!(
                "{}: module `{module}` has no place in LAYERS (tests/architecture.rs)",
                file.display()
            ));
            continue;
        };
        let text = fs::read_to_string(file).unwrap();
        let code = code_of(&text);
        for (at, target) in imported(&code) {
            if target == module || target == "self" {
                continue;
            }
            if rank(&target).is_none_or(|r| r >= own) {
                let line = code[..at].matches('\n').count();
                wrong.push(format!(
                    "{}:{}: `{module}` imports `{target}`: {}",
                    file.display(),
                    line + 1,
                    text.lines().nth(line).unwrap_or("").trim()
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the layer order of ARCHITECTURE.md:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_scanner_reads_groups_and_paths() {
    let names =
        |code: &str| -> Vec<String> { imported(code).into_iter().map(|(_, n)| n).collect() };
    assert_eq!(names("use crate::text::span::Span;"), ["text"]);
    assert_eq!(
        names("use crate::{\n    claim::Claim,\n    lang::{Lang, LangData},\n};"),
        ["claim", "lang"]
    );
    assert_eq!(
        names("let x = crate::lang::Compiled::of(l); crate::describe::number(1.0)"),
        ["lang", "describe"]
    );
    assert_eq!(
        names(&code_of("// see crate::report\nuse crate::when;")),
        ["when"]
    );
    assert_eq!(rank("text"), Some(0));
    assert!(rank("extract") > rank("lang"));
}
