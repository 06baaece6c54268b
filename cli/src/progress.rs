//! A small progress bar on standard error.

use std::io::Write;

/// Draws `label [#####-----] done/total` in place.
pub struct Progress {
    label: String,
    total: usize,
    drawn: Option<usize>,
}

impl Progress {
    /// A bar for `total` steps.
    pub fn new(label: &str, total: usize) -> Self {
        Progress { label: label.to_owned(), total: total.max(1), drawn: None }
    }

    /// Shows `done` steps.
    pub fn set(&mut self, done: usize) {
        let width = 30;
        let filled = done.min(self.total) * width / self.total;
        if self.drawn == Some(filled) && done < self.total {
            return;
        }
        self.drawn = Some(filled);
        let mut err = std::io::stderr().lock();
        let _ = write!(
            err,
            "\r  {:<22} [{}{}] {:>5}/{}",
            self.label,
            "#".repeat(filled),
            "-".repeat(width - filled),
            done.min(self.total),
            self.total
        );
        let _ = err.flush();
    }

    /// Completes the bar and ends the line.
    pub fn finish(mut self) {
        self.set(self.total);
        eprintln!();
    }
}
