//! Checking a batch while its JSON text is still being written, for bindings that write it from
//! host values themselves: each time the writer stands at the start of an invoice with a
//! piece's worth of text written since the last cut, a copy of that piece goes to a worker
//! thread, which checks its invoices while the writer goes on. Once the text is complete, it is
//! read as [`crate::surface::prepare`] reads it, taking the workers' readings over where the
//! reader arrives at their starts: the same answer, sooner.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::{Builder, Scope, ScopedJoinHandle};

use super::invoices::{read_batch, segment, Passed, INVOICE_DEPTH};
use super::split::{Segment, Work};
use crate::catalog::ids;
use crate::client::Call;
use crate::error::Result;

/// The least text worth a worker: a piece is at least this, or an eighth of what came before
/// (so that even a huge batch starts a bounded number of threads).
const PIECE: usize = 256 * 1024;

/// A worker's thread.
type Handle<'scope> = ScopedJoinHandle<'scope, Option<Segment<Passed>>>;

/// The workers checking ahead of a writer, inside a [`std::thread::scope`].
///
/// ```
/// let args = r#"{"batch": {"SalesInvoices": [{"SalesInvoice": []}]}}"#;
/// let call = std::thread::scope(|scope| {
///     let ahead = lasku::surface::Ahead::new(scope, "submit_sales_invoice_batch").unwrap();
///     // A writer calls `ahead.element(written)` at each list element `ahead.depth()` deep.
///     ahead.finish(args).map(|(call, body)| (call.operation.id, body.map(str::to_owned)))
/// });
/// let body = r#"{"SalesInvoices": [{"SalesInvoice": []}]}"#.to_owned();
/// assert_eq!(call.unwrap(), ("submit_sales_invoice_batch", Some(body)));
/// ```
pub struct Ahead<'scope, 'env> {
    scope: &'scope Scope<'scope, 'env>,
    /// The least piece.
    piece: usize,
    state: Mutex<State<'scope>>,
    cancel: Arc<AtomicBool>,
}

struct State<'scope> {
    /// Where the piece being written starts (an invoice start), once one has been seen.
    piece: Option<usize>,
    /// The workers, by the start of their piece.
    pending: Vec<(usize, Handle<'scope>)>,
}

impl<'scope, 'env> Ahead<'scope, 'env> {
    /// For `operation_id`, when its arguments have a quick path that can be checked ahead.
    pub fn new(scope: &'scope Scope<'scope, 'env>, operation_id: &str) -> Option<Self> {
        (operation_id == ids::submit_sales_invoice_batch).then(|| Ahead {
            scope,
            piece: PIECE,
            state: Mutex::new(State { piece: None, pending: Vec::new() }),
            cancel: Arc::new(AtomicBool::new(false)),
        })
    }

    /// The same with pieces of at least `piece` bytes (tests cut small texts into many).
    #[cfg(test)]
    pub(crate) fn with_piece(mut self, piece: usize) -> Self {
        self.piece = piece;
        self
    }

    /// How many objects and arrays enclose the list elements whose starts the writer reports.
    pub fn depth(&self) -> u32 {
        INVOICE_DEPTH
    }

    /// The writer stands at the start of an element of a list [`Ahead::depth`] deep (after its
    /// comma); `written` is all the text written so far.
    pub fn element(&self, written: &[u8]) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        let at = written.len();
        let Some(start) = state.piece else {
            state.piece = Some(at);
            return;
        };
        if at - start < self.piece.max(start / 8) {
            return;
        }
        let Some(piece) = written.get(start..at).map(<[u8]>::to_vec) else { return };
        let cancel = Arc::clone(&self.cancel);
        let spawned =
            Builder::new().name("lasku-ahead".into()).spawn_scoped(self.scope, move || read_piece(&piece, &cancel));
        // Without a thread the piece is simply read at the end.
        if let Ok(handle) = spawned {
            state.pending.push((start, handle));
        }
        state.piece = Some(at);
    }

    /// The call from the whole text (everything the writer wrote), with its body when that is a
    /// part of `args_json`; as [`crate::surface::prepare_borrowing`] answers.
    pub fn finish<'t>(&self, args_json: &'t str) -> Result<(Call, Option<&'t str>)> {
        let pending = std::mem::take(&mut self.state.lock().unwrap_or_else(PoisonError::into_inner).pending);
        let mut work = Work::new(INVOICE_DEPTH);
        for (start, handle) in pending {
            work.push(start, Box::new(move || handle.join().ok().flatten().map(|s| s.shifted(start))));
        }
        let quick = read_batch(args_json, &mut work);
        self.cancel.store(true, Ordering::Relaxed);
        match quick {
            Some(prepared) => Ok(prepared),
            None => crate::surface::prepare_parsed(ids::submit_sales_invoice_batch, args_json).map(|call| (call, None)),
        }
    }
}

impl Drop for Ahead<'_, '_> {
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

/// A worker: the invoices of one piece, which starts at an invoice and ends where the next
/// piece starts.
fn read_piece(piece: &[u8], cancel: &AtomicBool) -> Option<Segment<Passed>> {
    let text = std::str::from_utf8(piece).ok()?;
    segment(text, 0, INVOICE_DEPTH, Some(text.len()), cancel)
}
