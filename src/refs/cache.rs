//! A compiled cache of valid reference sets: parsing and validating
//! 100,000 facts of YAML costs about a second, reading them back from a
//! compact binary file a tenth of it.
//!
//! An entry is named after the paths of the set's files and holds a key:
//! the BLAKE3 hash of the running executable, the paths and every file's
//! bytes. Any change of a file, of the set or of factcheck itself misses,
//! the set is parsed as usual and the entry rewritten (atomically, through
//! a temporary file); so one set keeps one entry, however often it is
//! edited. Only valid sets of [`MIN_BYTES`] or more are cached: a small
//! set parses faster than its hash is checked.
//!
//! A cache file is untrusted input like a reference file: the reader
//! checks every length against the bytes left (a hostile count cannot
//! make it allocate), every index, number and date, and what the rest of
//! factcheck relies on (a term has words, a range is ordered); anything
//! wrong is a miss, never a panic or an error. Writing is skipped when a
//! value would not read back equal.
//!
//! Where: `$FACTCHECK_CACHE` when it names a directory, else
//! `$XDG_CACHE_HOME/factcheck`, else `$HOME/.cache/factcheck`;
//! `FACTCHECK_CACHE=off` turns it off.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use compact_str::CompactString;
use jiff::civil::Date;
use rustc_hash::FxHashMap as HashMap;

use super::{Fact, Figure, RefValue, Source, Term, Tolerance, terms::Word};
use crate::claim::Kind;
use crate::error::Location;
use crate::units::{Currency, Unit};
use crate::when::DateValue;

/// Sets smaller than this (in bytes of YAML) are not cached.
pub(crate) const MIN_BYTES: u64 = 1024 * 1024;

/// The first bytes of an entry; the number changes with the layout.
const MAGIC: &[u8; 8] = b"FCREFS1\n";

/// The environment variable that moves or turns off the cache.
const VAR: &str = "FACTCHECK_CACHE";

/// The cache directory, if any (see the module docs).
pub(crate) fn dir() -> Option<PathBuf> {
    dir_from(
        std::env::var_os(VAR),
        std::env::var_os("XDG_CACHE_HOME"),
        std::env::var_os("HOME"),
    )
}

fn dir_from(
    var: Option<std::ffi::OsString>,
    xdg: Option<std::ffi::OsString>,
    home: Option<std::ffi::OsString>,
) -> Option<PathBuf> {
    let nonempty = |v: Option<std::ffi::OsString>| v.filter(|v| !v.is_empty());
    if let Some(var) = nonempty(var) {
        if matches!(var.to_str(), Some("off" | "0" | "false" | "no")) {
            return None;
        }
        return Some(PathBuf::from(var));
    }
    if let Some(xdg) = nonempty(xdg) {
        return Some(PathBuf::from(xdg).join("factcheck"));
    }
    nonempty(home).map(|home| PathBuf::from(home).join(".cache").join("factcheck"))
}

/// A set of reference files as the cache knows it: where its entry is
/// and the key the entry must hold.
pub(crate) struct Entry {
    path: PathBuf,
    key: [u8; 32],
}

impl Entry {
    /// The entry of the files `files` in `dir`; `None`
    /// when the set is too small to cache or a file cannot be read (the
    /// loader then reports it).
    pub(crate) fn new(dir: &Path, files: &[PathBuf]) -> Option<Entry> {
        let mut sizes = Vec::with_capacity(files.len());
        for file in files {
            sizes.push(std::fs::metadata(file).ok()?.len());
        }
        if sizes.iter().sum::<u64>() < MIN_BYTES {
            return None;
        }
        let mut names = blake3::Hasher::new();
        let mut key = blake3::Hasher::new();
        key.update(MAGIC);
        key.update(executable()?.as_bytes());
        for (file, size) in files.iter().zip(sizes) {
            let shown = file.display().to_string();
            for hasher in [&mut names, &mut key] {
                hasher.update(&(shown.len() as u64).to_le_bytes());
                hasher.update(shown.as_bytes());
            }
            // Streamed: a large file is not held in memory to be hashed.
            key.update(&size.to_le_bytes());
            key.update_reader(std::fs::File::open(file).ok()?).ok()?;
        }
        let name = names.finalize().to_hex();
        Some(Entry {
            path: dir.join(format!("refs-{}.bin", &name[..32])),
            key: *key.finalize().as_bytes(),
        })
    }

    /// The facts and sources of a valid set, when the entry holds them.
    /// Read as a stream: the entry is not held in memory beside the facts
    /// it becomes.
    pub(crate) fn read(&self) -> Option<(Vec<Fact>, Vec<Source>)> {
        let file = std::fs::File::open(&self.path).ok()?;
        let size = usize::try_from(file.metadata().ok()?.len()).ok()?;
        decode(std::io::BufReader::new(file), size, &self.key)
    }

    /// Stores a valid set; failures (a read-only disk, a value that would
    /// not read back) leave no entry and are not errors.
    pub(crate) fn write(&self, facts: &[Fact], sources: &[Source]) {
        let Some(bytes) = encode(&self.key, facts, sources) else {
            return;
        };
        let Some(dir) = self.path.parent() else {
            return;
        };
        let _ = create_private_dir(dir).and_then(|()| {
            let mut file = tempfile::NamedTempFile::new_in(dir)?;
            file.write_all(&bytes)?;
            file.persist(&self.path).map_err(|e| e.error)?;
            Ok(())
        });
    }
}

/// The cache directory, readable by its owner only.
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// The running executable's hash: an entry written by another build of
/// factcheck (which may validate differently) never matches.
fn executable() -> Option<blake3::Hash> {
    let path = std::env::current_exe().ok()?;
    let mut hasher = blake3::Hasher::new();
    hasher.update_reader(std::fs::File::open(path).ok()?).ok()?;
    Some(hasher.finalize())
}

// Encoding: little-endian integers with LEB128 lengths, strings as
// length and UTF-8, options as a 0/1 byte, enums by their names.

fn encode(key: &[u8; 32], facts: &[Fact], sources: &[Source]) -> Option<Vec<u8>> {
    let mut out = Out::default();
    out.bytes.extend_from_slice(MAGIC);
    out.bytes.extend_from_slice(key);
    // Each item is read back as soon as it is written: anything that would
    // not read back equal is not written (and no second copy of the set
    // is held to check it).
    out.len(sources.len());
    for source in sources {
        let start = out.bytes.len();
        out.source(source);
        (out.read_back(start).source()? == *source).then_some(())?;
    }
    // Paths once each, numbered in order: a file's facts share it.
    let mut paths: HashMap<&str, usize> = HashMap::default();
    out.len(facts.len());
    for fact in facts {
        let next = paths.len();
        let path = *paths.entry(&*fact.path).or_insert(next);
        out.len(path);
        if path == next {
            out.str(&fact.path);
        }
        let start = out.bytes.len();
        out.fact(fact);
        let read = out
            .read_back(start)
            .fact(Arc::clone(&fact.path), sources.len())?;
        (read == *fact).then_some(())?;
    }
    Some(out.bytes)
}

#[derive(Default)]
struct Out {
    bytes: Vec<u8>,
}

impl Out {
    /// A reader of the bytes written from `start` on.
    fn read_back(&self, start: usize) -> In<&[u8]> {
        let bytes = &self.bytes[start..];
        In {
            reader: bytes,
            left: bytes.len(),
            scratch: Vec::new(),
            topic: None,
        }
    }

    fn source(&mut self, source: &Source) {
        self.opt_str(source.key.as_deref());
        self.str(&source.name);
        self.opt_str(source.url.as_deref());
        self.len(source.aliases.len());
        for alias in &source.aliases {
            self.str(alias);
        }
    }

    fn len(&mut self, mut n: usize) {
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.bytes.push(byte);
                return;
            }
            self.bytes.push(byte | 0x80);
        }
    }

    fn str(&mut self, s: &str) {
        self.len(s.len());
        self.bytes.extend_from_slice(s.as_bytes());
    }

    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => {
                self.bytes.push(1);
                self.str(s);
            }
            None => self.bytes.push(0),
        }
    }

    fn f64(&mut self, n: f64) {
        self.bytes.extend_from_slice(&n.to_le_bytes());
    }

    fn at(&mut self, at: Location) {
        self.len(at.line);
        self.len(at.column);
    }

    fn fact(&mut self, fact: &Fact) {
        self.str(&fact.id);
        self.opt_str(fact.about.as_deref());
        self.opt_str(fact.topic.as_deref());
        self.str(fact.kind.name());
        self.len(fact.groups.len());
        for group in &fact.groups {
            self.len(group.len());
            for term in group {
                self.len(term.words.len());
                for word in &term.words {
                    self.str(&word.text);
                    self.bytes.push(u8::from(word.prefix));
                }
            }
        }
        match fact.tolerance {
            None => self.bytes.push(0),
            Some(Tolerance::Relative(r)) => {
                self.bytes.push(1);
                self.f64(r);
            }
            Some(Tolerance::Absolute(a)) => {
                self.bytes.push(2);
                self.f64(a);
            }
        }
        self.opt_str(fact.currency.map(Currency::code));
        self.opt_str(fact.unit.map(Unit::symbol));
        self.len(fact.values.len());
        for value in &fact.values {
            self.value(value);
        }
        self.at(fact.at);
    }

    fn value(&mut self, value: &RefValue) {
        match value.figure {
            Figure::Number(n) => {
                self.bytes.push(0);
                self.f64(n);
            }
            Figure::Range(a, b) => {
                self.bytes.push(1);
                self.f64(a);
                self.f64(b);
            }
            Figure::Date(d) => {
                self.bytes.push(2);
                self.str(&d.iso());
            }
        }
        self.len(value.source);
        self.opt_str(value.url.as_deref());
        self.opt_str(value.as_of.map(|d| d.to_string()).as_deref());
        self.at(value.at);
    }
}

/// The facts and sources of an entry of `size` bytes read from `reader`,
/// if it holds `key`.
fn decode(reader: impl Read, size: usize, key: &[u8; 32]) -> Option<(Vec<Fact>, Vec<Source>)> {
    let mut input = In {
        reader,
        left: size,
        scratch: Vec::new(),
        topic: None,
    };
    if input.take(MAGIC.len())? != MAGIC || input.take(32)? != key {
        return None;
    }
    let count = input.count()?;
    let mut sources = Vec::with_capacity(count);
    for _ in 0..count {
        sources.push(input.source()?);
    }
    let count = input.count()?;
    let mut facts = Vec::with_capacity(count);
    let mut paths: Vec<Arc<str>> = Vec::new();
    for _ in 0..count {
        let path = input.len()?;
        if path == paths.len() {
            paths.push(Arc::from(input.str()?));
        }
        let path = Arc::clone(paths.get(path)?);
        facts.push(input.fact(path, sources.len())?);
    }
    (input.left == 0).then_some((facts, sources))
}

struct In<R> {
    reader: R,
    /// Bytes not read yet.
    left: usize,
    /// The bytes last taken.
    scratch: Vec<u8>,
    /// The last topic read.
    topic: Option<Arc<str>>,
}

impl<R: Read> In<R> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        if n > self.left {
            return None;
        }
        self.scratch.clear();
        self.scratch.resize(n, 0);
        self.reader.read_exact(&mut self.scratch).ok()?;
        self.left -= n;
        Some(&self.scratch)
    }

    fn byte(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }

    /// An option's flag: whether a value follows.
    fn present(&mut self) -> Option<bool> {
        match self.byte()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    fn len(&mut self) -> Option<usize> {
        let mut n: usize = 0;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            n |= usize::from(byte & 0x7f).checked_shl(shift)?;
            if byte & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }

    /// A number of items that follow: each takes a byte at least, so a
    /// count past the bytes left is a corrupt file, refused before any
    /// allocation.
    fn count(&mut self) -> Option<usize> {
        let n = self.len()?;
        (n <= self.left).then_some(n)
    }

    fn str(&mut self) -> Option<&str> {
        let n = self.len()?;
        std::str::from_utf8(self.take(n)?).ok()
    }

    fn string(&mut self) -> Option<String> {
        self.str().map(str::to_string)
    }

    fn opt<T>(&mut self, read: impl FnOnce(&mut Self) -> Option<T>) -> Option<Option<T>> {
        match self.present()? {
            false => Some(None),
            true => read(self).map(Some),
        }
    }

    fn f64(&mut self) -> Option<f64> {
        let bytes: [u8; 8] = self.take(8)?.try_into().ok()?;
        Some(f64::from_le_bytes(bytes)).filter(|n| n.is_finite())
    }

    fn at(&mut self) -> Option<Location> {
        let line = self.len()?;
        let column = self.len()?;
        Some(Location { line, column })
    }

    fn source(&mut self) -> Option<Source> {
        let key = self.opt(Self::string)?;
        let name = self.string()?;
        let url = self.opt(Self::string)?;
        let count = self.count()?;
        let mut aliases = Vec::with_capacity(count);
        for _ in 0..count {
            aliases.push(self.string()?);
        }
        Some(Source {
            key,
            name,
            url,
            aliases,
        })
    }

    fn fact(&mut self, path: Arc<str>, sources: usize) -> Option<Fact> {
        let id = self.string()?;
        let about = self.opt(Self::string)?;
        let topic = if self.present()? {
            Some(self.shared_topic()?)
        } else {
            None
        };
        let kind = Kind::parse(self.str()?)?;
        let count = self.count()?;
        let mut groups = Vec::with_capacity(count);
        for _ in 0..count {
            groups.push(self.group()?);
        }
        let tolerance = match self.byte()? {
            0 => None,
            1 => Some(Tolerance::Relative(self.f64()?)),
            2 => Some(Tolerance::Absolute(self.f64()?)),
            _ => return None,
        };
        let currency = if self.present()? {
            Some(Currency::from_code(self.str()?)?)
        } else {
            None
        };
        let unit = if self.present()? {
            Some(Unit::from_symbol(self.str()?)?)
        } else {
            None
        };
        let count = self.count()?;
        let mut values = Vec::with_capacity(count);
        for _ in 0..count {
            values.push(self.value(sources)?);
        }
        let at = self.at()?;
        Some(Fact {
            id,
            about,
            topic,
            kind,
            groups,
            tolerance,
            currency,
            unit,
            values,
            path,
            at,
        })
    }

    /// A topic, shared with the previous fact's when the same (one topic
    /// per file, as the loader shares it).
    fn shared_topic(&mut self) -> Option<Arc<str>> {
        let last = self.topic.clone();
        let text = self.str()?;
        if let Some(last) = last.filter(|last| **last == *text) {
            return Some(last);
        }
        let shared: Arc<str> = Arc::from(text);
        self.topic = Some(Arc::clone(&shared));
        Some(shared)
    }

    /// A match group: terms of one word or more, none empty.
    fn group(&mut self) -> Option<Vec<Term>> {
        let count = self.count()?;
        let mut terms = Vec::with_capacity(count);
        for _ in 0..count {
            let count = self.count()?;
            if count == 0 {
                return None;
            }
            let mut words = smallvec::SmallVec::with_capacity(count);
            for _ in 0..count {
                let text: CompactString = self.str().filter(|t| !t.is_empty())?.into();
                let prefix = self.present()?;
                words.push(Word { text, prefix });
            }
            terms.push(Term { words });
        }
        Some(terms)
    }

    fn value(&mut self, sources: usize) -> Option<RefValue> {
        let figure = match self.byte()? {
            0 => Figure::Number(self.f64()?),
            1 => {
                let (low, high) = (self.f64()?, self.f64()?);
                (low <= high).then_some(Figure::Range(low, high))?
            }
            2 => Figure::Date(DateValue::parse_iso(self.str()?)?),
            _ => return None,
        };
        let source = self.len()?;
        if source >= sources {
            return None;
        }
        let url = self.opt(Self::string)?;
        let as_of = if self.present()? {
            Some(self.str()?.parse::<Date>().ok()?)
        } else {
            None
        };
        let at = self.at()?;
        Some(RefValue {
            figure,
            source,
            url,
            as_of,
            at,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::refs::parse_str;

    const SET: &str = "\
topic: test
sources:
  nis:
    name: National Intelligence Service
    url: https://example.org/nis
    aliases: [NIS]
facts:
  - id: troops
    about: troops sent
    kind: count
    match:
      - [nordcorean*, north korean*]
      - [soldat*, troops]
    tolerance: 5%
    values:
      - value: 11000
        source: nis
        as_of: 2024-11-13
      - range: [11000, 12000]
        source: Ukraine's military intelligence
        as_of: 2024-12
  - id: budget
    kind: money
    currency: EUR
    match: [[bilancio]]
    tolerance: 2.5
    values:
      - value: 12.5
        source: nis
  - id: area
    kind: measure
    unit: km2
    match: [[area]]
    values:
      - value: 700
        source: nis
  - id: summit
    kind: date
    match: [[vertice, summit]]
    values:
      - date: 2024-W05
        source: nis
        url: https://example.org/summit
      - date: 199X
        source: nis
";

    fn set() -> (Vec<Fact>, Vec<Source>) {
        let index = parse_str("a/t.yaml", SET).unwrap();
        (index.facts, index.sources)
    }

    #[test]
    fn a_set_reads_back_equal() {
        let (facts, sources) = set();
        let key = [7; 32];
        let bytes = encode(&key, &facts, &sources).expect("encodes");
        let (read_facts, read_sources) = decode(bytes.as_slice(), bytes.len(), &key).unwrap();
        assert_eq!(read_facts, facts);
        assert_eq!(read_sources, sources);
        // Another key is a miss.
        assert!(decode(bytes.as_slice(), bytes.len(), &[8; 32]).is_none());
    }

    /// Every truncation and every single-byte change of an entry is a miss
    /// or reads back facts that hold the invariants: never a panic.
    #[test]
    fn a_damaged_entry_is_a_miss_not_a_panic() {
        let (facts, sources) = set();
        let key = [7; 32];
        let bytes = encode(&key, &facts, &sources).unwrap();
        for end in 0..bytes.len() {
            assert!(decode(&bytes[..end], end, &key).is_none(), "{end}");
        }
        for i in 40..bytes.len() {
            for change in [0x00, 0x01, 0x7f, 0x80, 0xff] {
                let mut damaged = bytes.clone();
                damaged[i] = change;
                if let Some((facts, sources)) = decode(damaged.as_slice(), damaged.len(), &key) {
                    for fact in &facts {
                        assert!(fact.groups.iter().flatten().all(|t| !t.words.is_empty()));
                        assert!(fact.values.iter().all(|v| v.source < sources.len()));
                    }
                    // The index builds on whatever was read.
                    let _ = crate::refs::FactIndex::new(facts, sources);
                }
            }
        }
    }

    #[test]
    fn a_huge_count_is_refused_before_allocating() {
        let key = [7; 32];
        let mut bytes = MAGIC.to_vec();
        bytes.extend_from_slice(&key);
        // 2^63 sources, in ten bytes.
        bytes.extend_from_slice(&[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00]);
        assert!(decode(bytes.as_slice(), bytes.len(), &key).is_none());
    }

    #[test]
    fn an_entry_is_written_read_and_missed_when_a_file_changes() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("big.yaml");
        // Over MIN_BYTES: the set padded with a comment.
        let padding = format!("# {}\n", "x".repeat(MIN_BYTES as usize));
        std::fs::write(&file, format!("{padding}{SET}")).unwrap();
        let cache = dir.path().join("cache");
        let files = vec![file.clone()];
        let entry = Entry::new(&cache, &files).unwrap();
        assert!(entry.read().is_none());
        let index = parse_str("a/t.yaml", SET).unwrap();
        entry.write(&index.facts, &index.sources);
        let (facts, _) = Entry::new(&cache, &files).unwrap().read().unwrap();
        assert_eq!(facts, index.facts);
        // Changed content: the same entry file, another key, a miss.
        std::fs::write(&file, format!("{padding}{SET}# edited\n")).unwrap();
        let changed = Entry::new(&cache, &files).unwrap();
        assert_eq!(changed.path, entry.path);
        assert!(changed.read().is_none());
        // A small set is not cached at all.
        std::fs::write(&file, SET).unwrap();
        assert!(Entry::new(&cache, &files).is_none());
    }

    #[test]
    fn the_directory_follows_the_environment() {
        let s = |v: &str| Some(std::ffi::OsString::from(v));
        assert_eq!(dir_from(s("off"), s("/x"), s("/h")), None);
        assert_eq!(dir_from(s("/c"), s("/x"), s("/h")), Some("/c".into()));
        assert_eq!(
            dir_from(None, s("/x"), s("/h")),
            Some("/x/factcheck".into())
        );
        assert_eq!(
            dir_from(s(""), None, s("/h")),
            Some("/h/.cache/factcheck".into())
        );
        assert_eq!(dir_from(None, None, None), None);
    }
}
