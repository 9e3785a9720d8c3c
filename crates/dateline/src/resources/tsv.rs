//! The one reader every data file goes through: tab-separated values whose first line,
//! `#name\tname...`, names the columns; other lines starting with `#` are comments.
//! Errors name the file, the line and what is wrong, never panic.

use crate::error::{Error, ErrorKind};

/// A parsed file: its name (for errors), column names, and where the rows start.
pub(crate) struct Tsv<'a> {
    file: &'a str,
    columns: Vec<&'a str>,
    body: &'a str,
    first_line: usize,
}

impl<'a> Tsv<'a> {
    /// Parses the header of `text`, the content of data file `file`.
    pub(crate) fn parse(file: &'a str, text: &'a str) -> Result<Tsv<'a>, Error> {
        let mut rest = text;
        let mut line_no = 1;
        let header = loop {
            let (line, tail) = rest.split_once('\n').unwrap_or((rest, ""));
            if let Some(h) = line.strip_prefix('#') {
                rest = tail;
                break h;
            }
            if !line.trim().is_empty() || tail.is_empty() {
                return Err(data_error(file, line_no, "no header line (#column\\tcolumn...)"));
            }
            rest = tail;
            line_no += 1;
        };
        Ok(Tsv { file, columns: header.split('\t').collect(), body: rest, first_line: line_no + 1 })
    }

    /// The index of a column, or an error naming the file and the missing column.
    pub(crate) fn column(&self, name: &str) -> Result<usize, Error> {
        self.columns
            .iter()
            .position(|c| *c == name)
            .ok_or_else(|| data_error(self.file, 1, &format!("no column {name:?}")))
    }

    /// Calls `f` on every row, in order, stopping at the first error (a row whose cell count
    /// is not the header's is one).
    pub(crate) fn for_each(&self, mut f: impl FnMut(&Row<'_, 'a>) -> Result<(), Error>) -> Result<(), Error> {
        let mut cells: Vec<&'a str> = Vec::with_capacity(self.columns.len());
        // One pass over the bytes for lines and cells alike (the city table alone has 170,000
        // lines of short cells, where a `split` per line and per cell spends its time
        // starting searches).
        let (body, bytes) = (self.body, self.body.as_bytes());
        let (mut start, mut i) = (0, 0);
        while start < bytes.len() {
            let mut end = start;
            let mut cell = start;
            cells.clear();
            while end < bytes.len() && bytes[end] != b'\n' {
                if bytes[end] == b'\t' {
                    cells.push(&body[cell..end]);
                    cell = end + 1;
                }
                end += 1;
            }
            let line = &body[start..end];
            let line_no = self.first_line + i;
            (start, i) = (end + 1, i + 1);
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            cells.push(&body[cell..end]);
            let row = Row { file: self.file, line: line_no, cells: &cells };
            if cells.len() != self.columns.len() {
                let msg = format!("{} cells where the header has {} columns", cells.len(), self.columns.len());
                return Err(row.error(&msg));
            }
            f(&row)?;
        }
        Ok(())
    }

    pub(crate) fn map<T>(&self, mut f: impl FnMut(&Row<'_, 'a>) -> Result<T, Error>) -> Result<Vec<T>, Error> {
        // A row a line (comments and blank lines aside): no regrowth of a table of 170,000.
        let mut out = Vec::with_capacity(self.body.bytes().map(|b| usize::from(b == b'\n')).sum::<usize>() + 1);
        self.for_each(|r| {
            out.push(f(r)?);
            Ok(())
        })?;
        Ok(out)
    }
}

/// One row of a [`Tsv`], with typed accessors that report bad cells.
pub(crate) struct Row<'t, 'a> {
    file: &'a str,
    line: usize,
    cells: &'t [&'a str],
}

impl<'a> Row<'_, 'a> {
    /// The cell in column `i`.
    pub(crate) fn get(&self, i: usize) -> &'a str {
        self.cells[i]
    }

    /// The cell in column `i`, split on `|` (empty cell: no values).
    pub(crate) fn list(&self, i: usize) -> impl Iterator<Item = &'a str> {
        self.cells[i].split('|').filter(|s| !s.is_empty())
    }

    /// The cell in column `i` parsed as a number; an empty cell is `None`.
    pub(crate) fn number<T: std::str::FromStr>(&self, i: usize) -> Result<Option<T>, Error> {
        let cell = self.cells[i];
        if cell.is_empty() {
            return Ok(None);
        }
        cell.parse()
            .map(Some)
            .map_err(|_| data_error(self.file, self.line, &format!("{cell:?} is not a number")))
    }

    /// The cell in column `i` parsed as a number, required.
    pub(crate) fn required<T: std::str::FromStr>(&self, i: usize) -> Result<T, Error> {
        self.number(i)?.ok_or_else(|| data_error(self.file, self.line, &format!("empty cell in column {}", i + 1)))
    }

    /// An error about this row.
    pub(crate) fn error(&self, msg: &str) -> Error {
        data_error(self.file, self.line, msg)
    }
}

/// An error in a data file, naming it and the line.
pub(crate) fn data_error(file: &str, line: usize, msg: &str) -> Error {
    Error::new(ErrorKind::Data(format!("{file}, line {line}: {msg}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_checked_against_the_header() {
        let t = Tsv::parse("x.tsv", "#a\tb\n# comment\n1\t2|3\n\n4\t\n").unwrap();
        let b = t.column("b").unwrap();
        let rows = t.map(|r| Ok(r.list(b).collect::<Vec<_>>())).unwrap();
        assert_eq!(rows, [vec!["2", "3"], vec![]]);
        let err = Tsv::parse("x.tsv", "#a\tb\n1\n").unwrap().map(|_| Ok(())).err().unwrap();
        assert!(err.to_string().contains("x.tsv, line 2: 1 cells where the header has 2 columns"), "{err}");
        assert!(t.column("c").err().unwrap().to_string().contains("no column \"c\""));
        let bad = Tsv::parse("y.tsv", "\n#n\nten\n").unwrap();
        let err = bad.map(|r| r.number::<u32>(0)).err().unwrap();
        assert!(err.to_string().contains("y.tsv, line 3: \"ten\" is not a number"), "{err}");
        assert!(Tsv::parse("z.tsv", "").is_err());
        assert!(Tsv::parse("z.tsv", "1\t2\n").is_err());
    }
}
