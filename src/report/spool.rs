//! Where a reporter keeps what it cannot write yet. A format whose head
//! needs the run's totals (HTML's summary bar and contents, Markdown's
//! summary line, JUnit's counts) writes each file's part here as the file
//! comes, and copies it out when the run finishes. The first
//! [`MEMORY_LIMIT`] bytes stay in memory; past them the spool moves to an
//! anonymous temporary file (removed by the system when closed), so a run
//! of any size holds at most that much of its report.

use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};

/// Bytes kept in memory before the spool moves to a temporary file: a
/// few articles' report. It was 16 MB; a figure-dense article's HTML
/// passes any such limit anyway, and held the difference resident.
pub const MEMORY_LIMIT: usize = 4 << 20;

/// Bytes written so far, in memory or in a temporary file.
pub struct Spool {
    memory: Vec<u8>,
    file: Option<BufWriter<File>>,
    len: u64,
    limit: usize,
}

impl Default for Spool {
    fn default() -> Spool {
        Spool::with_limit(MEMORY_LIMIT)
    }
}

impl Spool {
    /// A spool that moves to a file past `limit` bytes (tests use a small one).
    pub(crate) fn with_limit(limit: usize) -> Spool {
        Spool {
            memory: Vec::new(),
            file: None,
            len: 0,
            limit,
        }
    }

    /// Bytes written so far: the offset of the next byte.
    pub fn len(&self) -> u64 {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Copies bytes `start..start + len` to `out`.
    pub(crate) fn copy_range(
        &mut self,
        start: u64,
        len: u64,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        match &mut self.file {
            None => {
                let range = usize::try_from(start).ok().and_then(|start| {
                    let end = start.checked_add(usize::try_from(len).ok()?)?;
                    self.memory.get(start..end)
                });
                let bytes = range.ok_or_else(|| io::Error::other("spool range out of bounds"))?;
                out.write_all(bytes)
            }
            Some(writer) => {
                writer.flush()?;
                let file = writer.get_mut();
                file.seek(SeekFrom::Start(start))?;
                let copied = io::copy(&mut Read::by_ref(file).take(len), out)?;
                file.seek(SeekFrom::End(0))?;
                if copied != len {
                    return Err(io::Error::other("spool file shorter than written"));
                }
                Ok(())
            }
        }
    }

    /// Copies everything written to `out`.
    pub(crate) fn copy_all(&mut self, out: &mut dyn Write) -> io::Result<()> {
        self.copy_range(0, self.len, out)
    }
}

impl Write for Spool {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.file.is_none() && self.memory.len().saturating_add(buf.len()) > self.limit {
            let mut file = BufWriter::with_capacity(1 << 16, tempfile::tempfile()?);
            file.write_all(&self.memory)?;
            self.memory = Vec::new();
            self.file = Some(file);
        }
        match &mut self.file {
            Some(file) => file.write_all(buf)?,
            None => self.memory.extend_from_slice(buf),
        }
        self.len += buf.len() as u64;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_read_back_from_memory_and_from_the_file() {
        for limit in [1 << 20, 4] {
            let mut spool = Spool::with_limit(limit);
            spool.write_all(b"abc").unwrap();
            spool.write_all(b"defgh").unwrap();
            write!(spool, "ij").unwrap();
            assert_eq!(spool.len(), 10);
            let mut out = Vec::new();
            spool.copy_range(2, 5, &mut out).unwrap();
            spool.copy_range(0, 1, &mut out).unwrap();
            spool.write_all(b"k").unwrap();
            spool.copy_all(&mut out).unwrap();
            assert_eq!(out, b"cdefgaabcdefghijk");
            assert!(spool.copy_range(8, 9, &mut out).is_err());
        }
    }
}
