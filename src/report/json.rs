//! `--format json`: one `factcheck/v1` document per run, streamed: each
//! file's entry is written as it comes, so a long run holds no more than
//! one file in memory. The writer is hand-rolled for speed (an archive run
//! writes about eight bytes of JSON per byte of article); its output is
//! byte for byte what `serde_json::to_writer_pretty` gives for the typed
//! document of `wire.rs` (the contract, with `schema/factcheck-v1.json`),
//! which a test there checks on whole runs.

use std::io::{self, Write};

use super::{Mode, Report, Style, Summary};
use crate::check::{Evidence, Finding, Role};
use crate::claim::Value;
use crate::pipeline::FileResult;
use crate::refs::Figure;
use crate::text::span::LineCursor;
use crate::when::DateValue;

pub const SCHEMA: &str = "factcheck/v1";

/// Appends `s` as a JSON string, escaped as serde_json escapes it.
fn string(buf: &mut Vec<u8>, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    buf.push(b'"');
    let bytes = s.as_bytes();
    if !bytes.iter().any(|&b| b < 0x20 || b == b'"' || b == b'\\') {
        buf.extend_from_slice(bytes);
        buf.push(b'"');
        return;
    }
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escape: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0c => b"\\f",
            0..=0x1f => &[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(b >> 4)],
                HEX[usize::from(b & 0xf)],
            ],
            _ => continue,
        };
        buf.extend_from_slice(&bytes[start..i]);
        buf.extend_from_slice(escape);
        start = i + 1;
    }
    buf.extend_from_slice(&bytes[start..]);
    buf.push(b'"');
}

/// Appends a JSON number; integers print without a fraction, and a value
/// JSON cannot hold (NaN, infinity) prints as `null`.
fn number(buf: &mut Vec<u8>, v: f64) {
    if v.fract() == 0.0 && v.abs() < 9e15 {
        buf.extend_from_slice(itoa::Buffer::new().format(v as i64).as_bytes());
    } else if v.is_finite() {
        // Rare (fractions): serde_json's own formatting, without a Value.
        let _ = serde_json::to_writer(&mut *buf, &v);
    } else {
        buf.extend_from_slice(b"null");
    }
}

fn optional_number(buf: &mut Vec<u8>, v: Option<f64>) {
    match v {
        Some(v) => number(buf, v),
        None => buf.extend_from_slice(b"null"),
    }
}

fn integer(buf: &mut Vec<u8>, v: usize) {
    buf.extend_from_slice(itoa::Buffer::new().format(v).as_bytes());
}

/// A member name as written before its value: `k!("text")` is
/// `"text": `, assembled at compile time so a member costs one copy.
macro_rules! k {
    ($name:literal) => {
        concat!("\"", $name, "\": ")
    };
}

/// One pretty-printed JSON object or array under construction: two spaces
/// per level, `{}` or `[]` when empty, like serde_json's pretty printer.
struct Block<'a> {
    buf: &'a mut Vec<u8>,
    /// Nesting level of the block's own brackets.
    level: usize,
    close: u8,
    empty: bool,
}

impl<'a> Block<'a> {
    fn object(buf: &'a mut Vec<u8>, level: usize) -> Block<'a> {
        Block::open(buf, level, b'{', b'}')
    }

    fn array(buf: &'a mut Vec<u8>, level: usize) -> Block<'a> {
        Block::open(buf, level, b'[', b']')
    }

    fn open(buf: &'a mut Vec<u8>, level: usize, open: u8, close: u8) -> Block<'a> {
        buf.push(open);
        Block {
            buf,
            level,
            close,
            empty: true,
        }
    }

    /// Starts the next member or element: separator, line break, indent.
    fn next(&mut self) -> &mut Vec<u8> {
        // One copy from a ready-made ",\n    …" for the usual depths.
        const BREAK: &[u8] = b",\n                                ";
        let width = 2 * (self.level + 1);
        let from = usize::from(self.empty);
        self.empty = false;
        if 2 + width <= BREAK.len() {
            self.buf.extend_from_slice(&BREAK[from..2 + width]);
        } else {
            self.buf.extend_from_slice(&BREAK[from..2]);
            indent(self.buf, self.level + 1);
        }
        self.buf
    }

    /// Starts member `name`; the caller appends its value.
    /// Starts a member; `key` is its quoted name and colon, from [`k!`].
    fn key(&mut self, key: &str) -> &mut Vec<u8> {
        let buf = self.next();
        buf.extend_from_slice(key.as_bytes());
        buf
    }

    fn str(&mut self, name: &str, value: &str) {
        string(self.key(name), value);
    }

    fn opt_str(&mut self, name: &str, value: Option<&str>) {
        match value {
            Some(v) => self.str(name, v),
            None => self.key(name).extend_from_slice(b"null"),
        }
    }

    fn int(&mut self, name: &str, value: usize) {
        integer(self.key(name), value);
    }

    fn bool(&mut self, name: &str, value: bool) {
        let text: &[u8] = if value { b"true" } else { b"false" };
        self.key(name).extend_from_slice(text);
    }

    fn end(self) {
        if !self.empty {
            self.buf.push(b'\n');
            indent(self.buf, self.level);
        }
        self.buf.push(self.close);
    }
}

fn indent(buf: &mut Vec<u8>, level: usize) {
    const SPACES: &[u8] = &[b' '; 64];
    let mut n = level * 2;
    while n > 0 {
        let step = n.min(SPACES.len());
        buf.extend_from_slice(&SPACES[..step]);
        n -= step;
    }
}

/// Appends the claim of `finding`, an object at nesting `level`.
fn claim(
    buf: &mut Vec<u8>,
    level: usize,
    file: &FileResult,
    finding: &Finding,
    cursor: &mut LineCursor,
    mode: Mode,
    suppressed: bool,
) {
    let claim = &finding.claim;
    let doc = &file.doc;
    let pos = cursor.position(&doc.lines, &doc.text, claim.span.start);
    let mut o = Block::object(buf, level);
    o.str(k!("text"), &doc.text[claim.span.range()]);
    o.int(k!("line"), pos.line);
    o.int(k!("column"), pos.column);
    o.int(k!("start"), claim.span.start);
    o.int(k!("end"), claim.span.end);
    o.str(k!("kind"), claim.kind.name());
    match &claim.value {
        Value::Quantity(q) => {
            o.str(k!("qualifier"), q.qualifier.name());
            optional_number(o.key(k!("value")), q.value);
            optional_number(o.key(k!("low")), q.interval.low);
            optional_number(o.key(k!("high")), q.interval.high);
            if let Some(c) = q.currency {
                o.str(k!("currency"), c.code());
            }
            if let Some(u) = q.unit {
                o.str(k!("unit"), u.symbol());
            }
        }
        Value::Date(d) => {
            o.opt_str(k!("value"), d.map(|d| d.iso()).as_deref());
            if let Some(d) = d {
                o.str(k!("grain"), d.grain.name());
                if let Some(p) = d.part {
                    o.str(k!("part"), p.name());
                }
                if let Some(end) = d.end {
                    o.str(k!("through"), &DateValue::day(end).iso());
                }
            }
            o.bool(k!("relative"), claim.relative);
        }
        Value::Time(t) => {
            o.opt_str(k!("value"), t.map(|t| t.iso()).as_deref());
            if let Some(t) = t {
                o.str(k!("grain"), t.grain.name());
            }
            o.bool(k!("relative"), claim.relative);
        }
    }
    if let Some(counted) = &claim.counted {
        o.str(k!("counted"), counted);
    }
    if mode == Mode::Verify {
        o.str(k!("verdict"), finding.verdict.name());
        o.opt_str(k!("fact"), finding.fact().map(|(id, _)| id.as_str()));
        let mut list = Block::array(o.key(k!("evidence")), level + 1);
        for e in finding.evidence() {
            evidence(list.next(), level + 2, e);
        }
        list.end();
        o.str(k!("explanation"), &finding.explanation());
        if !finding.candidates().is_empty() {
            let mut list = Block::array(o.key(k!("candidates")), level + 1);
            for c in finding.candidates() {
                let mut item = Block::object(list.next(), level + 2);
                item.str(k!("fact"), &c.id);
                item.str(k!("about"), &c.about);
                item.str(k!("figures"), &c.figures);
                item.end();
            }
            list.end();
        }
        if !finding.why().is_empty() {
            // The words that tied the claim to its fact (or candidate).
            let mut list = Block::array(o.key(k!("why")), level + 1);
            for span in finding.why() {
                string(list.next(), &doc.text[span.range()]);
            }
            list.end();
        }
    }
    if suppressed {
        o.bool(k!("suppressed"), true);
    }
    o.end();
}

fn evidence(buf: &mut Vec<u8>, level: usize, e: &Evidence) {
    let mut o = Block::object(buf, level);
    o.str(k!("source"), &e.source);
    if let Some(url) = &e.url {
        o.str(k!("url"), url);
    }
    match e.figure {
        Figure::Number(n) => {
            number(o.key(k!("value")), n);
            number(o.key(k!("low")), n);
            number(o.key(k!("high")), n);
        }
        Figure::Range(a, b) => {
            o.key(k!("value")).extend_from_slice(b"null");
            number(o.key(k!("low")), a);
            number(o.key(k!("high")), b);
        }
        Figure::Date(d) => {
            o.str(k!("value"), &d.to_string());
            o.key(k!("low")).extend_from_slice(b"null");
            o.key(k!("high")).extend_from_slice(b"null");
        }
    }
    o.opt_str(k!("as_of"), e.as_of.map(|d| d.to_string()).as_deref());
    o.str(k!("role"), e.role.name());
    match (e.role != Role::Later).then_some(e.agrees) {
        Some(agrees) => o.bool(k!("agrees"), agrees),
        None => o.key(k!("agrees")).extend_from_slice(b"null"),
    }
    o.bool(k!("named"), e.named);
    o.end();
}

fn head(out: &mut dyn Write) -> io::Result<()> {
    write!(out, "{{\n  \"schema\": \"{SCHEMA}\",\n  \"files\": [")
}

pub struct Json {
    style: Style,
    /// Files written so far.
    files: usize,
    /// The entry being rendered, reused from file to file.
    buf: Vec<u8>,
}

impl Json {
    pub fn new(style: Style) -> Json {
        Json {
            style,
            files: 0,
            buf: Vec::new(),
        }
    }
}

/// Rendered JSON held before it is handed on: an entry larger than this is
/// written out as it grows (a figure-dense article of 8 MB makes about
/// 100 MB of JSON), so memory holds at most this much of it.
const CHUNK: usize = 1 << 20;

/// Claims from which a worker leaves an entry to the writing thread, which
/// streams it out in [`CHUNK`]s instead of holding it whole.
const PRERENDER_MAX_CLAIMS: usize = 2_000;

/// Bytes reserved for a pre-rendered entry, and for each of its claims.
const ENTRY_BYTES: usize = 256;
const CLAIM_BYTES: usize = 320;

/// The entry of `file` in the `files` array, appended to `buf`. It depends
/// on nothing but the file, so workers can render it ([`entry`]). Whenever
/// `buf` holds more than [`CHUNK`] bytes between two claims, `flush` is
/// given it to write out and empty.
fn render_entry(
    buf: &mut Vec<u8>,
    file: &FileResult,
    mode: Mode,
    flush: &mut dyn FnMut(&mut Vec<u8>) -> io::Result<()>,
) -> io::Result<()> {
    indent(buf, 2);
    let mut o = Block::object(buf, 2);
    o.str(k!("path"), &file.doc.path());
    o.str(k!("lang"), file.lang.code());
    o.opt_str(k!("date"), file.date.map(|d| d.to_string()).as_deref());
    let mut claims = Block::array(o.key(k!("claims")), 3);
    let mut cursor = LineCursor::default();
    for (finding, suppressed) in file.entries() {
        claim(
            claims.next(),
            4,
            file,
            finding,
            &mut cursor,
            mode,
            suppressed,
        );
        if claims.buf.len() > CHUNK {
            flush(claims.buf)?;
        }
    }
    claims.end();
    o.end();
    Ok(())
}

/// The entry of `file`, rendered on its own (in a worker thread); `None`
/// for a file of many claims, which [`Json`] streams out itself.
pub(super) fn entry(file: &FileResult, mode: Mode) -> Option<Vec<u8>> {
    if file.findings.len() > PRERENDER_MAX_CLAIMS {
        return None;
    }
    // Room for what an extracted claim takes (about 300 bytes; a judged
    // one more), so the buffer is not grown and copied claim by claim.
    let mut buf = Vec::with_capacity(ENTRY_BYTES + CLAIM_BYTES * file.findings.len());
    render_entry(&mut buf, file, mode, &mut |_| Ok(())).ok()?;
    Some(buf)
}

impl Report for Json {
    fn file(&mut self, out: &mut dyn Write, file: &FileResult) -> io::Result<()> {
        if self.files == 0 {
            head(out)?;
            writeln!(out)?;
        } else {
            writeln!(out, ",")?;
        }
        self.files += 1;
        if let Some(rendered) = &file.rendered {
            return out.write_all(rendered);
        }
        self.buf.clear();
        render_entry(&mut self.buf, file, self.style.mode, &mut |buf| {
            out.write_all(buf)?;
            buf.clear();
            Ok(())
        })?;
        out.write_all(&self.buf)?;
        // A streamed entry leaves a buffer of about [`CHUNK`]: keep no more.
        self.buf.clear();
        self.buf.shrink_to(CHUNK);
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        use crate::check::Verdict::*;
        if self.files == 0 {
            head(out)?;
            writeln!(out, "],")?;
        } else {
            writeln!(out, "\n  ],")?;
        }
        let mut buf = b"  \"summary\": ".to_vec();
        let mut o = Block::object(&mut buf, 1);
        o.int(k!("files"), summary.files);
        o.int(k!("claims"), summary.claims);
        if self.style.mode == Mode::Verify {
            o.int(k!("consistent"), summary.count(Consistent));
            o.int(k!("disputed"), summary.count(Disputed));
            o.int(k!("misattributed"), summary.count(Misattributed));
            o.int(k!("outdated"), summary.count(Outdated));
            o.int(k!("contradicted"), summary.count(Contradicted));
            o.int(k!("unverified"), summary.count(Unverified));
            o.int(k!("suppressed"), summary.suppressed);
        }
        o.int(k!("errors"), summary.errors);
        o.opt_str(k!("config"), summary.config.as_deref());
        o.end();
        buf.extend_from_slice(b"\n}\n");
        out.write_all(&buf)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_like_serde_json() {
        for s in [
            "plain",
            "quote \" and backslash \\",
            "line\nbreak\r\ttab",
            "\u{0}\u{1}\u{8}\u{b}\u{c}\u{1f}\u{7f}",
            "più di 10 mila — “soldati” ✗ \u{feff}",
            "",
        ] {
            let mut buf = Vec::new();
            string(&mut buf, s);
            assert_eq!(
                String::from_utf8(buf).unwrap(),
                serde_json::to_string(s).unwrap()
            );
        }
    }

    #[test]
    fn numbers_print_like_serde_json() {
        for v in [
            0.0, -0.0, 1.0, 600.0, 9.6e9, 0.1, 1.5, -2.25, 1e-7, 1.25e20, 9e15, 123.456,
        ] {
            let mut buf = Vec::new();
            number(&mut buf, v);
            let expected = if v.fract() == 0.0 && v.abs() < 9e15 {
                serde_json::to_string(&(v as i64)).unwrap()
            } else {
                serde_json::to_string(&v).unwrap()
            };
            assert_eq!(String::from_utf8(buf).unwrap(), expected, "{v}");
        }
        let mut buf = Vec::new();
        number(&mut buf, f64::NAN);
        assert_eq!(buf, b"null");
    }

    #[test]
    fn blocks_nest_like_the_pretty_printer() {
        let mut buf = Vec::new();
        let mut o = Block::object(&mut buf, 0);
        o.str(k!("a"), "x");
        let list = Block::array(o.key(k!("empty")), 1);
        list.end();
        let mut list = Block::array(o.key(k!("list")), 1);
        let mut inner = Block::object(list.next(), 2);
        inner.bool(k!("b"), false);
        inner.int(k!("n"), 1);
        inner.end();
        Block::object(list.next(), 2).end();
        list.end();
        o.opt_str(k!("none"), None);
        o.end();
        let value = serde_json::json!({
            "a": "x", "empty": [], "list": [{"n": 1, "b": false}, {}], "none": null
        });
        // serde_json's map sorts keys: this document's are in that order.
        assert_eq!(
            String::from_utf8(buf).unwrap(),
            serde_json::to_string_pretty(&value).unwrap()
        );
    }
}
