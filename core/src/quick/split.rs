//! Reading one long list on several threads: the text is cut at guessed element starts, a
//! worker reads on from each guess, and the main reader takes a worker's reading over only when
//! it arrives at that very position itself, in the same list. A wrong guess (a position that is
//! not an element of that list) is never arrived at, so it costs time, never correctness.

use std::collections::VecDeque;
use std::sync::atomic::AtomicBool;

/// The least text worth a thread of its own.
const PART: usize = 512 * 1024;

/// What a worker read from its start onwards.
#[derive(Debug)]
pub struct Segment<T> {
    /// What each element gave, in order.
    pub items: Vec<T>,
    /// Where the worker stopped: just past the list's `]`, or at the next worker's start.
    pub end: usize,
    /// The reader's depth there.
    pub depth: u32,
    /// Whether the list ended (`]` read) rather than the next worker's start being reached.
    pub closed: bool,
    /// Where the decimals it read from strings open their quotes ([`super::lexer::Lexer::quoted`]).
    pub quoted: Vec<usize>,
}

impl<T> Segment<T> {
    /// The same, for a worker that read a piece starting `offset` bytes into the whole text.
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))]
    pub fn shifted(self, offset: usize) -> Self {
        let quoted = self.quoted.iter().map(|q| q + offset).collect();
        Segment { end: self.end + offset, quoted, ..self }
    }
}

/// How a worker reads from `start` (an element start, `depth` deep) to `stop` (the next
/// worker's start, if any), giving up early when asked to.
pub type Worker<T> =
    fn(text: &str, start: usize, depth: u32, stop: Option<usize>, cancel: &AtomicBool) -> Option<Segment<T>>;

/// Waits for a worker and gives what it read (`None`: it gave up).
pub type Wait<'a, T> = Box<dyn FnOnce() -> Option<Segment<T>> + 'a>;

/// The workers reading ahead of the main reader.
pub struct Work<'a, T> {
    /// Each worker's start and a way to wait for what it read, by start.
    pending: VecDeque<(usize, Wait<'a, T>)>,
    /// The depth of the list the workers read.
    depth: u32,
}

impl<'a, T> Work<'a, T> {
    /// No workers: the main reader reads everything.
    pub fn none() -> Self {
        Work::new(0)
    }

    /// No workers yet, for a list `depth` deep.
    pub fn new(depth: u32) -> Self {
        Work { pending: VecDeque::new(), depth }
    }

    /// A worker that started at `start` (after those pushed before) and how to wait for it.
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))]
    pub fn push(&mut self, start: usize, wait: Wait<'a, T>) {
        self.pending.push_back((start, wait));
    }

    /// What the worker that started at `at` read, when the main reader stands at an element
    /// start `depth` deep there; `Some(None)` when that worker gave up.
    pub fn take(&mut self, at: usize, depth: u32) -> Option<Option<Segment<T>>> {
        // Guesses the main reader has passed were not element starts of this list.
        while self.pending.front().is_some_and(|(start, _)| *start < at) {
            self.pending.pop_front();
        }
        if depth != self.depth || self.pending.front()?.0 != at {
            return None;
        }
        let (_, wait) = self.pending.pop_front()?;
        Some(wait())
    }
}

/// How many parts a text of `len` bytes is worth on this machine.
pub fn parts(len: usize) -> usize {
    static CORES: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    let cores = *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, usize::from));
    cores.min(8).min(len / PART).max(1)
}

/// Runs `read` with workers started at `starts` (element starts of one list, `depth` deep,
/// in increasing order); the workers are told to stop once `read` returns.
#[cfg(not(target_arch = "wasm32"))]
pub fn with_workers<T: Send, R>(
    text: &str,
    starts: &[usize],
    depth: u32,
    worker: Worker<T>,
    read: impl FnOnce(&mut Work<'_, T>) -> R,
) -> R {
    if starts.is_empty() {
        return read(&mut Work::none());
    }
    let cancel = AtomicBool::new(false);
    std::thread::scope(|scope| {
        let mut work = Work::new(depth);
        for (k, &start) in starts.iter().enumerate() {
            let stop = starts.get(k + 1).copied();
            let cancel = &cancel;
            let spawned = std::thread::Builder::new()
                .name("lasku-quick".into())
                .spawn_scoped(scope, move || worker(text, start, depth, stop, cancel));
            match spawned {
                Ok(handle) => work.push(start, Box::new(move || handle.join().ok().flatten())),
                // No thread to be had: the main reader reads on by itself.
                Err(_) => break,
            }
        }
        let result = read(&mut work);
        cancel.store(true, std::sync::atomic::Ordering::Relaxed);
        result
    })
}

/// Without threads (wasm): the main reader reads everything.
#[cfg(target_arch = "wasm32")]
pub fn with_workers<T, R>(
    _text: &str,
    _starts: &[usize],
    _depth: u32,
    _worker: Worker<T>,
    read: impl FnOnce(&mut Work<'_, T>) -> R,
) -> R {
    read(&mut Work::none())
}

/// Up to `parts - 1` guessed element starts, spread evenly over `text` after `first`: an object
/// whose first member name is `key` (quotes included), after a `,` or `[`.
pub fn guesses(text: &str, first: usize, key: &[u8], parts: usize) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut out: Vec<usize> = Vec::new();
    for k in 1..parts {
        let from = (bytes.len() / parts * k).max(first + 1);
        if let Some(at) = object_starting_with(bytes, from, key) {
            if out.last().is_none_or(|&last| at > last) {
                out.push(at);
            }
        }
    }
    out
}

/// The first `{` at or after `from` that opens with member `key` and follows a `,` or `[`.
fn object_starting_with(bytes: &[u8], from: usize, key: &[u8]) -> Option<usize> {
    let ws = |b: &u8| matches!(b, b' ' | b'\n' | b'\r' | b'\t');
    let mut at = from;
    loop {
        at += bytes.get(at..)?.iter().position(|&b| b == b'{')?;
        let after = bytes.get(at + 1..)?;
        let opens_with_key = after.get(after.iter().position(|b| !ws(b))?..)?.starts_with(key);
        let before = bytes.get(..at)?.iter().rev().find(|b| !ws(b));
        if opens_with_key && matches!(before, Some(b',' | b'[')) {
            return Some(at);
        }
        at += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guesses_land_on_objects_that_open_with_the_key() {
        let text = r#"[{"A":1,"r":[{"B":2},{"A":{"A":3}}]}, {"A":4}, { "A" :5}]"#;
        let found = guesses(text, 1, br#""A""#, 40);
        let at: Vec<&str> = found.iter().map(|&i| &text[i..i + 4]).collect();
        // `{"A":3}` follows a `:`, so it is not a guess; the others are (whether they are
        // elements of the outer list is for the main reader to find out).
        assert_eq!(at, vec![r#"{"A""#, r#"{"A""#, r#"{ "A"#]);
        assert!(guesses(text, 1, br#""A""#, 1).is_empty());
        assert!(guesses("[{}]", 1, br#""A""#, 4).is_empty());
    }

    #[test]
    fn parts_need_enough_text() {
        assert_eq!(parts(10), 1);
        assert!(parts(100 * PART) >= 1);
    }
}
