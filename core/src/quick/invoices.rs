//! Sales invoices on the quick path: every member is checked against its wire type in one pass
//! over the text, and the members the validation rules read ([`crate::validate`]) are captured.
//! First into a small capture (amounts as exact [`Fixed`] values, texts borrowed from the text)
//! that the quick rules ([`rules`]) check; where those cannot vouch for an invoice (a broken rule,
//! an amount they do not compute), it is read again into an otherwise empty `SalesInvoice`, which
//! the ordinary rules check. The rules read nothing else, so they answer exactly as they would on
//! the fully parsed invoice (the tests compare the paths on every case they build).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;

use std::borrow::Cow;

use super::fixed::Fixed;
use super::lexer::{unquote, Lexer, Next};
use super::rules::{self, Rows};
use super::schema::{self, Members};
use super::split::{self, Segment, Work};
use crate::cashin::requests::op;
use crate::cashin::{SalesInvoice, SalesInvoiceRow, SellerInfo};
use crate::catalog::ids;
use crate::client::{Call, NaturalKeys};
use crate::model::InvoiceNumber;
use crate::validate::{breaks_rules, BatchCheck};

/// The members of a `SalesInvoice` the rules read.
#[derive(Clone, Copy)]
enum Head {
    InvoiceNumber,
    InvoiceDate,
    DueDate,
    SalesName,
    NetAmount,
    TaxAmount,
    TotalAmount,
    RoundAmount,
    Reference,
    FinvoiceAccount,
    FinvoiceOvt,
    VirtualBankBarcode,
    SellerInfo,
    InvoiceRows,
}

/// The members of a `SalesInvoiceRow` the rules read.
#[derive(Clone, Copy)]
enum Row {
    Qty,
    Price,
    Discount,
    DiscountPercent,
    VatPercent,
    Nto,
    Tax,
    Total,
    Round,
    DeliveryDate,
    ShipDate,
}

/// The members of a `SellerInfo` the rules read.
#[derive(Clone, Copy)]
enum Seller {
    Iban,
    Bic,
    BusinessId,
    VatNumber,
}

fn head_members() -> &'static Members<Head> {
    static MEMBERS: OnceLock<Members<Head>> = OnceLock::new();
    MEMBERS.get_or_init(|| {
        use Head::*;
        Members::new(
            SalesInvoice::FIELDS,
            &[
                ("InvoiceNumber", InvoiceNumber),
                ("InvoiceDate", InvoiceDate),
                ("DueDate", DueDate),
                ("SalesName", SalesName),
                ("NetAmount", NetAmount),
                ("TaxAmount", TaxAmount),
                ("TotalAmount", TotalAmount),
                ("RoundAmount", RoundAmount),
                ("Reference", Reference),
                ("FinvoiceAccount", FinvoiceAccount),
                ("FinvoiceOVT", FinvoiceOvt),
                ("VirtualBankBarcode", VirtualBankBarcode),
                ("SellerInfo", SellerInfo),
                ("InvoiceRows", InvoiceRows),
            ],
        )
    })
}

fn row_members() -> &'static Members<Row> {
    static MEMBERS: OnceLock<Members<Row>> = OnceLock::new();
    MEMBERS.get_or_init(|| {
        use Row::*;
        Members::new(
            SalesInvoiceRow::FIELDS,
            &[
                ("Qty", Qty),
                ("Price", Price),
                ("Discount", Discount),
                ("DiscountPercent", DiscountPercent),
                ("VatPercent", VatPercent),
                ("Nto", Nto),
                ("Tax", Tax),
                ("Total", Total),
                ("Round", Round),
                ("DeliveryDate", DeliveryDate),
                ("ShipDate", ShipDate),
            ],
        )
    })
}

fn seller_members() -> &'static Members<Seller> {
    static MEMBERS: OnceLock<Members<Seller>> = OnceLock::new();
    MEMBERS.get_or_init(|| {
        use Seller::*;
        Members::new(
            SellerInfo::FIELDS,
            &[
                ("SellerIban", Iban),
                ("SellerBic", Bic),
                ("SellerBusinessId", BusinessId),
                ("SellerVatNumber", VatNumber),
            ],
        )
    })
}

/// How deep the invoices stand: `{"batch": {"SalesInvoices": [{"SalesInvoice": [ here`.
pub(super) const INVOICE_DEPTH: u32 = 5;

/// What the batch rules still need of an invoice whose own rules passed: its natural keys.
pub(super) type Passed = (Option<InvoiceNumber>, Option<String>);

/// "Submit a batch of sales invoices" from its arguments `{"batch": {...}}`, when the quick
/// path can vouch for every invoice: the call, and its body (the batch exactly as written, a
/// part of `args`; or, when decimals came as strings, the call carries it, written without
/// their quotes). `None` leaves the call to the full parse (a type error, a broken rule,
/// anything unusual). Each invoice is checked as soon as it is read and then dropped, keeping
/// only its natural keys. Long texts are read on several threads where the machine has them.
pub fn submit_batch(args: &str) -> Option<(Call, Option<&str>)> {
    submit_batch_in(args, split::parts(args.len()))
}

/// [`submit_batch`], reading the text in up to `parts` parts at once.
pub(crate) fn submit_batch_in(args: &str, parts: usize) -> Option<(Call, Option<&str>)> {
    let starts = first_invoice(args).map(|(first, key)| split::guesses(args, first, key, parts)).unwrap_or_default();
    split::with_workers(args, &starts, INVOICE_DEPTH, segment, |work| read_batch(args, work))
}

/// [`submit_batch`], taking over what `work` read ahead.
pub(super) fn read_batch<'a>(args: &'a str, work: &mut Work<'_, Passed>) -> Option<(Call, Option<&'a str>)> {
    let mut lx = Lexer::new(args);
    lx.begin_object()?;
    if lx.next_key(true)??.plain()? != "batch" {
        return None;
    }
    lx.peek()?;
    let start = lx.pos();
    let mut tally = Tally::default();
    batch(&mut lx, work, &mut tally)?;
    let end = lx.pos();
    if lx.next_key(false)?.is_some() || !lx.at_end() {
        return None;
    }
    let call = Call::new(op(ids::submit_sales_invoice_batch).ok()?).keys(tally.keys);
    if lx.quoted().is_empty() {
        return Some((call, Some(lx.slice(start, end)?)));
    }
    // Decimals written as strings go out as numbers, as the full parser writes them.
    let mut body = lx.slice(start, end)?.as_bytes().to_vec();
    unquote(&mut body, lx.quoted().iter().map(|q| q.saturating_sub(start)))?;
    let mut call = call;
    call.body = Some(body);
    Some((call, None))
}

/// Where the first invoice starts and the name (quoted, as written) of its first member: what
/// the workers look for to guess where later invoices start.
fn first_invoice(args: &str) -> Option<(usize, &[u8])> {
    let mut lx = Lexer::new(args);
    for name in ["batch", "SalesInvoices", "SalesInvoice"] {
        lx.begin_object()?;
        if lx.next_key(true)??.plain()? != name {
            return None;
        }
        if name != "batch" {
            lx.begin_array()?;
            lx.next_element(true)?.then_some(())?;
        }
    }
    let first = lx.at();
    lx.begin_object()?;
    let quote = lx.at();
    let key = lx.next_key(true)??.plain()?;
    Some((first, args.as_bytes().get(quote..quote + key.len() + 2)?))
}

/// The batch rules across invoices, and the natural keys of the invoices that passed.
#[derive(Default)]
struct Tally {
    check: BatchCheck,
    keys: NaturalKeys,
}

impl Tally {
    /// Invoice `i` of group `g`, read here: every rule.
    fn invoice(&mut self, g: usize, i: usize, invoice: SalesInvoice) -> Option<()> {
        if self.check.add(g, i, &invoice) {
            return None;
        }
        self.keep((invoice.invoice_number, invoice.reference));
        Some(())
    }

    /// Invoice `i` of group `g`, whose own rules a worker checked: the rules across invoices.
    fn passed(&mut self, g: usize, i: usize, passed: Passed) -> Option<()> {
        if self.check.add_number(g, i, passed.0.as_ref()) {
            return None;
        }
        self.keep(passed);
        Some(())
    }

    fn keep(&mut self, (number, reference): Passed) {
        self.keys.invoice_numbers.extend(number);
        self.keys.references.extend(reference);
    }
}

/// `{"SalesInvoices": [{"SalesInvoice": [...]}, ...]}`, nothing else in either object.
fn batch(lx: &mut Lexer<'_>, work: &mut Work<'_, Passed>, tally: &mut Tally) -> Option<()> {
    let mut group = 0;
    only_member(lx, "SalesInvoices", |lx| {
        list(lx, |lx| {
            let g = group;
            group += 1;
            only_member(lx, "SalesInvoice", |lx| invoices(lx, g, work, tally))
        })
    })
    .map(drop)
}

/// The invoices of group `g`; where a worker read on from an invoice, its reading is taken over.
fn invoices(lx: &mut Lexer<'_>, g: usize, work: &mut Work<'_, Passed>, tally: &mut Tally) -> Option<()> {
    lx.begin_array()?;
    let mut i = 0;
    let mut first = true;
    let mut at_element = false;
    loop {
        if !at_element && !lx.next_element(first)? {
            return Some(());
        }
        first = false;
        at_element = false;
        let here = lx.at();
        if let Some(segment) = work.take(here, lx.depth()) {
            let segment = segment?;
            for passed in segment.items {
                tally.passed(g, i, passed)?;
                i += 1;
            }
            lx.take_over(segment.end, segment.depth);
            lx.add_quoted(segment.quoted);
            if segment.closed {
                return Some(());
            }
            at_element = true;
            continue;
        }
        let (pos, depth) = (lx.pos(), lx.depth());
        match quick_invoice(lx) {
            Some(passed) => tally.passed(g, i, passed)?,
            None => {
                lx.take_over(pos, depth);
                tally.invoice(g, i, invoice(lx)?)?;
            }
        }
        i += 1;
    }
}

/// The invoices of one batch checked list by list, in order, as their JSON texts arrive: for a
/// binding that writes the lists on one thread and checks them on another. Each list is read as
/// `submit_batch` reads the batch's single list of invoices, with the rules across invoices
/// (no invoice number twice) kept over all the lists, so the batch made of them (their elements
/// in order, in one `SalesInvoice` list) is vouched for exactly when `submit_batch` would vouch
/// for it. Once a list fails, every later one does too: the caller then prepares the batch the
/// ordinary way, which decides and reports.
///
/// ```
/// let invoice = |number: u32| {
///     format!(
///         r#"{{"InvoiceNumber": {number}, "InvoiceDate": "2025-01-02", "DueDate": "2025-01-16",
///             "SalesName": "Oy Esimerkki Ab", "TotalAmount": 12.4,
///             "InvoiceRows": [{{"Qty": 1, "Price": 10, "VatPercent": 24, "Total": 12.4}}]}}"#
///     )
/// };
/// let mut lists = lasku::surface::InvoiceLists::new();
/// assert!(lists.check(&format!("[{}, {}]", invoice(1), invoice(2))));
/// assert!(lists.check(&format!("[{}]", invoice(3))));
/// assert_eq!(lists.count(), 3);
/// assert!(!lists.check(&format!("[{}]", invoice(2)))); // the same number twice
/// assert!(!lists.check("[]")); // and nothing after that
/// ```
#[derive(Default)]
pub struct InvoiceLists {
    tally: Tally,
    /// Invoices read so far; `None` once a list failed.
    count: Option<usize>,
}

impl InvoiceLists {
    /// No invoices yet.
    pub fn new() -> Self {
        InvoiceLists { tally: Tally::default(), count: Some(0) }
    }

    /// Checks `list`, a JSON array of the batch's next invoices; `false` when the quick path
    /// cannot vouch for every one of them (or did not for an earlier list). The caller sends the
    /// list's text as it is, so a decimal written as a string (`"12.50"`) is refused here too
    /// (see [`InvoiceLists::check_in_place`]).
    pub fn check(&mut self, list: &str) -> bool {
        self.advance(list, false).is_some()
    }

    /// [`InvoiceLists::check`] for a list held in a buffer: decimals written as strings are
    /// accepted and their quotes removed in place, so that `list` then holds the text the
    /// batch's body needs (decimals go out as JSON numbers).
    pub fn check_in_place(&mut self, list: &mut Vec<u8>) -> bool {
        let quoted = match std::str::from_utf8(list) {
            Ok(text) => self.advance(text, true),
            Err(_) => {
                self.count = None;
                None
            }
        };
        let unquoted = quoted.is_some_and(|quoted| quoted.is_empty() || unquote(list, quoted).is_some());
        if !unquoted {
            self.count = None; // later lists fail too
        }
        unquoted
    }

    /// Reads the next list; the quotes of its decimals written as strings, which only
    /// `unquoting` accepts.
    fn advance(&mut self, list: &str, unquoting: bool) -> Option<Vec<usize>> {
        let read = self.count.and_then(|count| self.read(list, count));
        let read = read.filter(|(_, quoted)| unquoting || quoted.is_empty());
        self.count = read.as_ref().map(|(count, _)| *count);
        read.map(|(_, quoted)| quoted)
    }

    /// The invoices read so far (none once a list failed).
    pub fn count(&self) -> usize {
        self.count.unwrap_or(0)
    }

    fn read(&mut self, list: &str, mut i: usize) -> Option<(usize, Vec<usize>)> {
        // As deep as the batch's own list stands in its arguments (the depth limit counts).
        let mut lx = Lexer::resume(list, 0, INVOICE_DEPTH - 1);
        lx.begin_array()?;
        let mut first = true;
        while lx.next_element(first)? {
            first = false;
            let (pos, depth) = (lx.pos(), lx.depth());
            match quick_invoice(&mut lx) {
                Some(passed) => self.tally.passed(0, i, passed)?,
                None => {
                    lx.take_over(pos, depth);
                    self.tally.invoice(0, i, invoice(&mut lx)?)?;
                }
            }
            i += 1;
        }
        lx.at_end().then(|| (i, lx.take_quoted()))
    }
}

/// The violations of a batch's invoices, read on the quick path: `{"SalesInvoices":
/// [{"SalesInvoice": [...]}, ...]}`, or with `groups` false one group's `{"SalesInvoice":
/// [...]}`, nothing else in either object. Each invoice is captured (the members the rules
/// read, [`invoice`]) and checked by the ordinary rules, which answer on the capture exactly as
/// on the fully parsed invoice, and the rules across invoices follow; paths are as
/// [`crate::validate::validate_batch`] gives them. `None` (a type error, another shape): the full
/// parse decides and reports.
pub(crate) fn batch_violations(json: &str, groups: bool) -> Option<Vec<crate::validate::Violation>> {
    let mut lx = Lexer::new(json);
    let mut check = BatchCheck::default();
    if groups {
        let mut g = 0;
        only_member(&mut lx, "SalesInvoices", |lx| {
            list(lx, |lx| {
                g += 1;
                only_member(lx, "SalesInvoice", |lx| checked_invoices(lx, g - 1, &mut check))
            })
        })?;
    } else {
        only_member(&mut lx, "SalesInvoice", |lx| checked_invoices(lx, 0, &mut check))?;
    }
    lx.at_end().then(|| check.finish().violations)
}

/// The invoices of group `g`, each captured and checked into `check`.
fn checked_invoices(lx: &mut Lexer<'_>, g: usize, check: &mut BatchCheck) -> Option<()> {
    let mut i = 0;
    list(lx, |lx| {
        check.add(g, i, &invoice(lx)?);
        i += 1;
        Some(())
    })
    .map(drop)
}

/// A worker's part: the invoices from `start` to the end of their list or to `stop`, each
/// checked by its own rules.
pub(super) fn segment(
    text: &str,
    start: usize,
    depth: u32,
    stop: Option<usize>,
    cancel: &AtomicBool,
) -> Option<Segment<Passed>> {
    let mut lx = Lexer::resume(text, start, depth);
    let mut items = Vec::new();
    loop {
        if cancel.load(Ordering::Relaxed) {
            return None;
        }
        let (pos, depth) = (lx.pos(), lx.depth());
        let passed = match quick_invoice(&mut lx) {
            Some(passed) => passed,
            None => {
                lx.take_over(pos, depth);
                let invoice = invoice(&mut lx)?;
                if breaks_rules(&invoice) {
                    return None;
                }
                (invoice.invoice_number, invoice.reference)
            }
        };
        items.push(passed);
        if !lx.next_element(false)? {
            return Some(Segment { items, end: lx.pos(), depth: lx.depth(), closed: true, quoted: lx.take_quoted() });
        }
        let here = lx.at();
        if Some(here) == stop {
            return Some(Segment { items, end: here, depth: lx.depth(), closed: false, quoted: lx.take_quoted() });
        }
    }
}

/// An object with exactly one member, of that name.
fn only_member<T>(lx: &mut Lexer<'_>, name: &str, read: impl FnOnce(&mut Lexer<'_>) -> Option<T>) -> Option<T> {
    lx.begin_object()?;
    if lx.next_key(true)??.plain()? != name {
        return None;
    }
    let value = read(lx)?;
    lx.next_key(false)?.is_none().then_some(value)
}

/// An array, each element read by `each`.
fn list<T>(lx: &mut Lexer<'_>, mut each: impl FnMut(&mut Lexer<'_>) -> Option<T>) -> Option<Vec<T>> {
    lx.begin_array()?;
    let mut items = Vec::new();
    let mut first = true;
    while lx.next_element(first)? {
        first = false;
        items.push(each(lx)?);
    }
    Some(items)
}

/// `null` for an absent member, else the value `read` gives.
fn optional<'a, T>(lx: &mut Lexer<'a>, read: impl FnOnce(&mut Lexer<'a>) -> Option<T>) -> Option<Option<T>> {
    if lx.peek()? == Next::Null {
        lx.literal(Next::Null)?;
        return Some(None);
    }
    read(lx).map(Some)
}

fn money(lx: &mut Lexer<'_>) -> Option<Option<rust_decimal::Decimal>> {
    optional(lx, |lx| schema::money(lx.amount()?))
}

fn date(lx: &mut Lexer<'_>) -> Option<Option<chrono::NaiveDate>> {
    optional(lx, |lx| schema::date(lx.string()?))
}

/// A date for the quick rules ([`schema::day`]).
fn day(lx: &mut Lexer<'_>) -> Option<Option<u32>> {
    optional(lx, |lx| schema::day(lx.string()?))
}

fn text(lx: &mut Lexer<'_>) -> Option<Option<String>> {
    optional(lx, |lx| schema::text(lx.string()?))
}

/// Reads the members of one object: `captured` reads each captured member, the other known
/// members are checked, unknown members are skipped (they travel as written).
fn members<'a, K: Copy>(
    lx: &mut Lexer<'a>,
    index: &Members<K>,
    mut captured: impl FnMut(&mut Lexer<'a>, K) -> Option<()>,
) -> Option<()> {
    // Through `dyn`: one reader per kind of object, not one per caller (wasm size).
    index.read(lx, &mut captured)
}

/// One invoice, checked; the members the rules read, captured.
fn invoice(lx: &mut Lexer<'_>) -> Option<SalesInvoice> {
    let mut out = SalesInvoice::default();
    members(lx, head_members(), |lx, capture| {
        match capture {
            Head::InvoiceNumber => out.invoice_number = optional(lx, schema::identifier)?,
            Head::InvoiceDate => out.invoice_date = date(lx)?,
            Head::DueDate => out.due_date = date(lx)?,
            Head::SalesName => out.sales_name = text(lx)?,
            Head::NetAmount => out.net_amount = money(lx)?,
            Head::TaxAmount => out.tax_amount = money(lx)?,
            Head::TotalAmount => out.total_amount = money(lx)?,
            Head::RoundAmount => out.round_amount = money(lx)?,
            Head::Reference => out.reference = text(lx)?,
            Head::FinvoiceAccount => out.finvoice_account = text(lx)?,
            Head::FinvoiceOvt => out.finvoice_ovt = text(lx)?,
            Head::VirtualBankBarcode => out.virtual_bank_barcode = text(lx)?,
            Head::SellerInfo => out.seller_info = optional(lx, seller)?,
            Head::InvoiceRows => out.invoice_rows = optional(lx, |lx| list(lx, row))?,
        }
        Some(())
    })?;
    Some(out)
}

fn row(lx: &mut Lexer<'_>) -> Option<SalesInvoiceRow> {
    let mut out = SalesInvoiceRow::default();
    members(lx, row_members(), |lx, capture| {
        match capture {
            Row::Qty => out.qty = money(lx)?,
            Row::Price => out.price = money(lx)?,
            Row::Discount => out.discount = money(lx)?,
            Row::DiscountPercent => out.discount_percent = money(lx)?,
            Row::VatPercent => out.vat_percent = money(lx)?,
            Row::Nto => out.nto = money(lx)?,
            Row::Tax => out.tax = money(lx)?,
            Row::Total => out.total = money(lx)?,
            Row::Round => out.round = money(lx)?,
            Row::DeliveryDate => out.delivery_date = date(lx)?,
            Row::ShipDate => out.ship_date = date(lx)?,
        }
        Some(())
    })?;
    Some(out)
}

fn seller(lx: &mut Lexer<'_>) -> Option<SellerInfo> {
    let mut out = SellerInfo::default();
    members(lx, seller_members(), |lx, capture| {
        match capture {
            Seller::Iban => out.seller_iban = text(lx)?,
            Seller::Bic => out.seller_bic = text(lx)?,
            Seller::BusinessId => out.seller_business_id = text(lx)?,
            Seller::VatNumber => out.seller_vat_number = text(lx)?,
        }
        Some(())
    })?;
    Some(out)
}

/// One invoice read for the quick rules ([`rules`]): its natural keys when it passes its own
/// rules. `None` leaves it to the ordinary rules: the caller reads it again with [`invoice`]
/// from where it starts (which also finds any type error this gave up on).
fn quick_invoice(lx: &mut Lexer<'_>) -> Option<Passed> {
    let mut out = rules::Invoice::default();
    members(lx, head_members(), |lx, capture| {
        match capture {
            Head::InvoiceNumber => out.invoice_number = optional(lx, schema::identifier)?,
            Head::InvoiceDate => out.invoice_date = day(lx)?,
            Head::DueDate => out.due_date = day(lx)?,
            Head::SalesName => out.sales_name = borrowed(lx)?,
            Head::NetAmount => out.net_amount = fixed(lx)?,
            Head::TaxAmount => out.tax_amount = fixed(lx)?,
            Head::TotalAmount => out.total_amount = fixed(lx)?,
            Head::RoundAmount => out.round_amount = fixed(lx)?,
            Head::Reference => out.reference = borrowed(lx)?,
            Head::FinvoiceAccount => out.finvoice_account = borrowed(lx)?,
            Head::FinvoiceOvt => out.finvoice_ovt = borrowed(lx)?,
            Head::VirtualBankBarcode => out.virtual_bank_barcode = borrowed(lx)?,
            Head::SellerInfo => {
                optional(lx, |lx| quick_seller(lx, &mut out))?;
            }
            Head::InvoiceRows => out.rows = optional(lx, quick_rows)?,
        }
        Some(())
    })?;
    out.passes()?;
    Some((out.invoice_number, out.reference.map(Cow::into_owned)))
}

/// `InvoiceRows` for the quick rules, each row checked as it is read.
fn quick_rows(lx: &mut Lexer<'_>) -> Option<Rows> {
    let mut rows = Rows::default();
    lx.begin_array()?;
    let mut first = true;
    while lx.next_element(first)? {
        first = false;
        let mut row = rules::Row::default();
        members(lx, row_members(), |lx, capture| {
            let field = match capture {
                Row::Qty => &mut row.qty,
                Row::Price => &mut row.price,
                Row::Discount => &mut row.discount,
                Row::DiscountPercent => &mut row.discount_percent,
                Row::VatPercent => {
                    // A sign (even `-0`) leaves the rate to the ordinary rules.
                    row.vat_percent = optional(lx, |lx| match lx.decimal()? {
                        (false, digits, scale) => Fixed::from_digits(false, digits, scale),
                        _ => None,
                    })?;
                    return Some(());
                }
                Row::Nto => &mut row.nto,
                Row::Tax => &mut row.tax,
                Row::Total => &mut row.total,
                Row::Round => &mut row.round,
                Row::DeliveryDate | Row::ShipDate => return day(lx).map(drop),
            };
            *field = fixed(lx)?;
            Some(())
        })?;
        rows.add(&row)?;
    }
    Some(rows)
}

/// `SellerInfo` for the quick rules.
fn quick_seller<'a>(lx: &mut Lexer<'a>, out: &mut rules::Invoice<'a>) -> Option<()> {
    members(lx, seller_members(), |lx, capture| {
        let field = match capture {
            Seller::Iban => &mut out.seller_iban,
            Seller::Bic => &mut out.seller_bic,
            Seller::BusinessId => &mut out.seller_business_id,
            Seller::VatNumber => &mut out.seller_vat_number,
        };
        *field = borrowed(lx)?;
        Some(())
    })
}

/// A money member as an exact [`Fixed`]; `None` (give up) for what it does not hold.
fn fixed(lx: &mut Lexer<'_>) -> Option<Option<Fixed>> {
    optional(lx, |lx| {
        let (negative, digits, scale) = lx.decimal()?;
        Fixed::from_digits(negative, digits, scale)
    })
}

/// A text member, borrowed from the text when it holds no escape.
fn borrowed<'a>(lx: &mut Lexer<'a>) -> Option<Option<Cow<'a, str>>> {
    optional(lx, |lx| {
        let s = lx.string()?;
        Some(match s.plain() {
            Some(plain) => Cow::Borrowed(plain),
            None => Cow::Owned(schema::text(s)?),
        })
    })
}

/// The captured form of one invoice's JSON text, for the tests that hold it against the full
/// parse.
#[cfg(test)]
pub(crate) fn capture(json: &str) -> Option<SalesInvoice> {
    let mut lx = Lexer::new(json);
    let invoice = invoice(&mut lx)?;
    lx.at_end().then_some(invoice)
}

/// Whether the quick rules vouch for one invoice's JSON text, for the tests.
#[cfg(test)]
pub(crate) fn quick_passes(json: &str) -> bool {
    let mut lx = Lexer::new(json);
    quick_invoice(&mut lx).is_some() && lx.at_end()
}
