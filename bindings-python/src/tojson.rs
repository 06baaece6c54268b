//! Python values → JSON text: the one way arguments reach the core.
//!
//! dict (str keys) → object; list / tuple → array; str → string; bool; int → number (any size);
//! `decimal.Decimal` → number, digit for digit; float → number through its shortest round-trip
//! form (what `repr()` prints: `134.4` stays `134.4`); `datetime.date` / `datetime.datetime` →
//! their ISO form; None → null. NaN and infinities, non-str keys, lone surrogates and other types
//! are refused with a violation naming the JSON pointer of the offending value.

use std::cell::{Cell, RefCell};

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple, PyType};
use pyo3::{ffi, PyTypeInfo};

use lasku::surface::write_json_string;

use crate::errors::{to_py_err, violation};

const MAX_DEPTH: u32 = 200;

static DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static DATE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static DATETIME: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// The `decimal.Decimal` class.
pub fn decimal_type(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    DECIMAL.import(py, "decimal", "Decimal")
}

/// Converts a Python value to JSON text; unconvertible input raises `lasku.ValidationError`.
pub fn to_json(value: &Bound<'_, PyAny>) -> PyResult<String> {
    let mut out = Vec::with_capacity(256);
    write_json(value, &mut out)?;
    // Every byte written is ASCII or copied from valid UTF-8.
    String::from_utf8(out).map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))
}

thread_local! {
    /// The buffer [`with_json`] writes into, kept between calls on the same thread.
    static BUFFER: Cell<Vec<u8>> = const { Cell::new(Vec::new()) };
}

/// The largest buffer a thread keeps for its next call (a month of invoices, several times).
const KEEP: usize = 16 << 20;

/// Runs `f` on the JSON text of a Python value, written into a buffer the thread keeps between
/// calls: a big batch then costs no fresh memory, nor the copies of a growing one. Unconvertible
/// input raises `lasku.ValidationError` and `f` is not run.
pub fn with_json<R>(value: &Bound<'_, PyAny>, f: impl FnOnce(&str) -> PyResult<R>) -> PyResult<R> {
    with_json_reporting(value, None, &[], f)
}

/// Where the writer tells someone (the core's checking ahead) at which offsets the elements of
/// lists so deep start: the depth, and whom to tell (with the text written so far).
pub type Report<'r> = Option<(u32, &'r dyn Fn(&[u8]))>;

/// [`with_json`], reporting where list elements start as it writes. `models`: the members of
/// `value` that are model arguments, whose violations are placed inside the model
/// (`/InvoiceRows/0/Price`, not `/invoice/InvoiceRows/0/Price`), where the core places its own.
pub fn with_json_reporting<R>(
    value: &Bound<'_, PyAny>,
    report: Report<'_>,
    models: &[&str],
    f: impl FnOnce(&str) -> PyResult<R>,
) -> PyResult<R> {
    // Taken out while in use: a call from Python code run by the writer gets an empty one.
    let mut buffer = BUFFER.try_with(Cell::take).unwrap_or_default();
    buffer.clear();
    let result = write_json_reporting(value, &mut buffer, report, models).and_then(|()| {
        let text = std::str::from_utf8(&buffer).map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
        f(text)
    });
    if buffer.capacity() <= KEEP {
        let _ = BUFFER.try_with(|kept| kept.set(buffer));
    }
    result
}

/// Appends the JSON text of a Python value to `out`.
pub fn write_json(value: &Bound<'_, PyAny>, out: &mut Vec<u8>) -> PyResult<()> {
    write_json_reporting(value, out, None, &[])
}

fn write_json_reporting(
    value: &Bound<'_, PyAny>,
    out: &mut Vec<u8>,
    report: Report<'_>,
    models: &[&str],
) -> PyResult<()> {
    let py = value.py();
    let writer = Writer::new(py, report)?;
    match writer.write(value, out, 0) {
        Ok(()) => Ok(()),
        Err(Fail::Py(e)) => Err(e),
        Err(Fail::Bad { mut path, message }) => {
            path.reverse();
            if path.len() > 1 && models.contains(&path[0].as_str()) {
                path.remove(0);
            }
            let pointer: String =
                path.iter().map(|p| format!("/{}", p.replace('~', "~0").replace('/', "~1"))).collect();
            Err(to_py_err(py, &violation(pointer, "type", message)))
        }
    }
}

enum Fail {
    Py(PyErr),
    /// A value that cannot be converted; `path` is innermost first.
    Bad {
        path: Vec<String>,
        message: String,
    },
}

impl From<PyErr> for Fail {
    fn from(e: PyErr) -> Self {
        Fail::Py(e)
    }
}

fn bad(message: impl Into<String>) -> Fail {
    Fail::Bad { path: Vec::new(), message: message.into() }
}

fn at(fail: Fail, segment: impl FnOnce() -> String) -> Fail {
    match fail {
        Fail::Bad { mut path, message } => {
            path.push(segment());
            Fail::Bad { path, message }
        }
        other => other,
    }
}

/// Type pointers compared by identity: the common exact types take one comparison.
struct Writer<'py, 'r> {
    str_t: *mut ffi::PyTypeObject,
    int_t: *mut ffi::PyTypeObject,
    float_t: *mut ffi::PyTypeObject,
    bool_t: *mut ffi::PyTypeObject,
    dict_t: *mut ffi::PyTypeObject,
    list_t: *mut ffi::PyTypeObject,
    tuple_t: *mut ffi::PyTypeObject,
    decimal: Bound<'py, PyType>,
    date: Bound<'py, PyType>,
    datetime: Bound<'py, PyType>,
    report: Report<'r>,
    /// Member names written in this call, by the address of their `str` (held, so that the
    /// address cannot be reused by another object meanwhile), with their JSON text and colon.
    names: RefCell<Vec<Name<'py>>>,
}

/// A remembered member name: the `str` and its JSON text with the colon.
type Name<'py> = Option<(Bound<'py, PyString>, Vec<u8>)>;

/// A writer remembers up to 2^NAME_BITS member names.
const NAME_BITS: u32 = 8;

impl<'py, 'r> Writer<'py, 'r> {
    fn new(py: Python<'py>, report: Report<'r>) -> PyResult<Self> {
        Ok(Writer {
            str_t: PyString::type_object(py).as_type_ptr(),
            int_t: PyInt::type_object(py).as_type_ptr(),
            float_t: PyFloat::type_object(py).as_type_ptr(),
            bool_t: PyBool::type_object(py).as_type_ptr(),
            dict_t: PyDict::type_object(py).as_type_ptr(),
            list_t: PyList::type_object(py).as_type_ptr(),
            tuple_t: PyTuple::type_object(py).as_type_ptr(),
            decimal: decimal_type(py)?.clone(),
            date: DATE.import(py, "datetime", "date")?.clone(),
            datetime: DATETIME.import(py, "datetime", "datetime")?.clone(),
            report,
            names: RefCell::new(Vec::new()),
        })
    }

    fn write(&self, value: &Bound<'py, PyAny>, out: &mut Vec<u8>, depth: u32) -> Result<(), Fail> {
        if depth > MAX_DEPTH {
            return Err(bad("nested too deeply (a cycle?)"));
        }
        let t = value.get_type_ptr();
        if t == self.str_t {
            return write_py_str(value.cast_exact::<PyString>().map_err(PyErr::from)?, out);
        }
        if t == self.dict_t {
            return self.write_dict(value.cast_exact::<PyDict>().map_err(PyErr::from)?, out, depth);
        }
        if t == self.list_t {
            return self.write_seq(value.cast_exact::<PyList>().map_err(PyErr::from)?.iter(), out, depth);
        }
        if t == self.int_t {
            return write_int(value, out);
        }
        if t == self.float_t {
            return write_f64(value.cast_exact::<PyFloat>().map_err(PyErr::from)?.value(), out);
        }
        if t == self.bool_t {
            out.extend_from_slice(if value.is_truthy()? { b"true" } else { b"false" });
            return Ok(());
        }
        if value.is_none() {
            out.extend_from_slice(b"null");
            return Ok(());
        }
        if t == self.decimal.as_type_ptr() {
            return write_decimal(value, out);
        }
        if t == self.tuple_t {
            return self.write_seq(value.cast::<PyTuple>().map_err(PyErr::from)?.iter(), out, depth);
        }
        if t == self.date.as_type_ptr() || t == self.datetime.as_type_ptr() {
            return write_py_str(&value.call_method0("isoformat")?.cast_into::<PyString>().map_err(PyErr::from)?, out);
        }
        self.write_other(value, out, depth)
    }

    /// Subclasses and the rarer types.
    fn write_other(&self, value: &Bound<'py, PyAny>, out: &mut Vec<u8>, depth: u32) -> Result<(), Fail> {
        if let Ok(b) = value.cast::<PyBool>() {
            out.extend_from_slice(if b.is_true() { b"true" } else { b"false" });
            Ok(())
        } else if let Ok(s) = value.cast::<PyString>() {
            write_py_str(s, out)
        } else if value.is_instance_of::<PyInt>() {
            write_int(value, out)
        } else if value.is_instance_of::<PyFloat>() {
            write_float(value, out)
        } else if value.is_instance(&self.decimal)? {
            write_decimal(value, out)
        } else if value.is_instance(&self.date)? {
            write_py_str(&value.call_method0("isoformat")?.cast_into::<PyString>().map_err(PyErr::from)?, out)
        } else if let Ok(d) = value.cast::<PyDict>() {
            self.write_dict(d, out, depth)
        } else if let Ok(l) = value.cast::<PyList>() {
            self.write_seq(l.iter(), out, depth)
        } else if let Ok(t) = value.cast::<PyTuple>() {
            self.write_seq(t.iter(), out, depth)
        } else if value.hasattr("keys")? && value.hasattr("__getitem__")? {
            // Any other mapping.
            let items = value.call_method0("items")?;
            out.push(b'{');
            let mut first = true;
            for item in items.try_iter()? {
                let (k, v): (Bound<'py, PyAny>, Bound<'py, PyAny>) = item?.extract()?;
                self.write_member(&k, &v, &mut first, out, depth)?;
            }
            out.push(b'}');
            Ok(())
        } else {
            let name = value.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "?".to_owned());
            Err(bad(format!(
                "a value of type {name} cannot be sent; use dict, list, str, int, decimal.Decimal, float, bool, None or datetime.date"
            )))
        }
    }

    fn write_dict(&self, dict: &Bound<'py, PyDict>, out: &mut Vec<u8>, depth: u32) -> Result<(), Fail> {
        out.push(b'{');
        let mut first = true;
        for (k, v) in dict.iter() {
            self.write_member(&k, &v, &mut first, out, depth)?;
        }
        out.push(b'}');
        Ok(())
    }

    fn write_member(
        &self,
        key: &Bound<'py, PyAny>,
        value: &Bound<'py, PyAny>,
        first: &mut bool,
        out: &mut Vec<u8>,
        depth: u32,
    ) -> Result<(), Fail> {
        let cast = if key.get_type_ptr() == self.str_t { key.cast_exact::<PyString>() } else { key.cast::<PyString>() };
        let Ok(name) = cast else {
            let shown = key.repr().map(|r| r.to_string()).unwrap_or_default();
            return Err(bad(format!("member names must be str, not {shown}")));
        };
        if !*first {
            out.push(b',');
        }
        *first = false;
        self.write_name(name, out)?;
        self.write(value, out, depth + 1).map_err(|f| at(f, || name.to_string()))
    }

    /// A member name and its colon; a name written before in this call (the same `str` object,
    /// as dicts built alike share their keys) is copied from [`Writer::names`].
    fn write_name(&self, name: &Bound<'py, PyString>, out: &mut Vec<u8>) -> Result<(), Fail> {
        let Ok(mut names) = self.names.try_borrow_mut() else {
            write_py_str(name, out)?;
            out.push(b':');
            return Ok(());
        };
        if names.is_empty() {
            names.resize(1 << NAME_BITS, None);
        }
        // Fibonacci hashing of the address: its high bits pick the slot.
        let hash = (name.as_ptr() as usize as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - NAME_BITS);
        let slot = names.get_mut(hash as usize);
        if let Some(Some((known, text))) = slot.as_deref() {
            if known.is(name) {
                out.extend_from_slice(text);
                return Ok(());
            }
        }
        let start = out.len();
        write_py_str(name, out)?;
        out.push(b':');
        if let (Some(slot), Some(text)) = (slot, out.get(start..)) {
            match slot {
                Some((known, kept)) => {
                    *known = name.clone();
                    kept.clear();
                    kept.extend_from_slice(text);
                }
                None => *slot = Some((name.clone(), text.to_vec())),
            }
        }
        Ok(())
    }

    fn write_seq(
        &self,
        items: impl Iterator<Item = Bound<'py, PyAny>>,
        out: &mut Vec<u8>,
        depth: u32,
    ) -> Result<(), Fail> {
        out.push(b'[');
        for (i, item) in items.enumerate() {
            if i > 0 {
                out.push(b',');
            }
            if let Some((deep, report)) = self.report {
                if depth + 1 == deep {
                    report(out);
                }
            }
            self.write(&item, out, depth + 1).map_err(|f| at(f, || i.to_string()))?;
        }
        out.push(b']');
        Ok(())
    }
}

fn write_py_str(s: &Bound<'_, PyString>, out: &mut Vec<u8>) -> Result<(), Fail> {
    if let Some(utf8) = crate::utf8::borrowed_utf8(s) {
        write_json_string(utf8, out);
        return Ok(());
    }
    match s.encode_utf8() {
        Ok(bytes) => {
            write_json_string(bytes.as_bytes(), out);
            Ok(())
        }
        Err(_) => Err(bad("the text is not valid Unicode (it holds a lone surrogate)")),
    }
}

fn write_int(value: &Bound<'_, PyAny>, out: &mut Vec<u8>) -> Result<(), Fail> {
    match value.extract::<i64>() {
        Ok(n) => {
            out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
            Ok(())
        }
        // Beyond 64 bits: Python's own digits.
        Err(_) => {
            let text = value.call_method0("__index__")?.str()?;
            out.extend_from_slice(text.to_string().as_bytes());
            Ok(())
        }
    }
}

fn write_float(value: &Bound<'_, PyAny>, out: &mut Vec<u8>) -> Result<(), Fail> {
    write_f64(value.extract()?, out)
}

fn write_f64(f: f64, out: &mut Vec<u8>) -> Result<(), Fail> {
    if !f.is_finite() {
        return Err(bad(format!("{f} is not a number JSON can carry")));
    }
    match whole_hundredths(f) {
        Some(hundredths) => write_hundredths(hundredths, out),
        None => out.extend_from_slice(ryu::Buffer::new().format_finite(f).as_bytes()),
    }
    Ok(())
}

/// `f` as a whole number of hundredths, when it is one (most amounts are): below 10^13 two
/// doubles are always more than a hundredth apart, so then the shortest round-trip form of `f`
/// is that number of hundredths, and [`write_hundredths`] writes it as `ryu` would.
fn whole_hundredths(f: f64) -> Option<i64> {
    let hundredths = (f * 100.0).round();
    // `f` is finite (the caller checked), so `hundredths` is too.
    if hundredths.abs() >= 1e15 || hundredths / 100.0 != f || hundredths == 0.0 {
        return None;
    }
    // Exact: a whole number of magnitude below 10^15.
    Some(hundredths as i64)
}

/// A number of hundredths as `ryu` writes the double nearest to it: `12.5`, `-0.07`, `3.0`.
fn write_hundredths(hundredths: i64, out: &mut Vec<u8>) {
    if hundredths < 0 {
        out.push(b'-');
    }
    let n = hundredths.unsigned_abs();
    let (whole, cents) = (n / 100, n % 100);
    out.extend_from_slice(itoa::Buffer::new().format(whole).as_bytes());
    out.push(b'.');
    out.push(b'0' + (cents / 10) as u8);
    if cents % 10 != 0 {
        out.push(b'0' + (cents % 10) as u8);
    }
}

fn write_decimal(value: &Bound<'_, PyAny>, out: &mut Vec<u8>) -> Result<(), Fail> {
    let text = value.str()?.to_string();
    let digits = text.strip_prefix('-').unwrap_or(&text);
    if !digits.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return Err(bad(format!("Decimal('{text}') is not a finite number")));
    }
    out.extend_from_slice(text.as_bytes());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ours(f: f64) -> String {
        let mut out = Vec::new();
        match whole_hundredths(f) {
            Some(h) => write_hundredths(h, &mut out),
            None => out.extend_from_slice(ryu::Buffer::new().format_finite(f).as_bytes()),
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn amounts_are_written_as_ryu_writes_them() {
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut values =
            vec![0.0, -0.0, 0.01, -0.01, 0.1, 0.5, 1.0, 10.0, 134.4, 99.99, 1e13, 9_999_999_999_999.99, 1e15, 0.005];
        for _ in 0..300_000 {
            let r = next();
            let cents = (r % 2_000_000_000_000_000) as f64 - 1e15;
            values.push(cents / 100.0);
            values.push((r % 100_000) as f64 / 100.0);
            values.push(f64::from_bits(r >> 2));
            values.push((r % 1_000_000) as f64 / 1000.0);
        }
        for f in values.into_iter().filter(|f| f.is_finite()) {
            assert_eq!(ours(f), ryu::Buffer::new().format_finite(f), "{f:?}");
        }
    }
}
