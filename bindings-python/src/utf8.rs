//! Borrowing a `str`'s UTF-8 bytes without a copy.
//!
//! The abi3-py39 build cannot use `PyUnicode_AsUTF8AndSize` through pyo3: it joined the stable
//! ABI in Python 3.10. Every CPython since 3.3 exports it, and from 3.10 on it is part of the
//! stable ABI, so when the running interpreter is 3.10 or newer it is called directly (the bytes
//! are cached inside the string object and live as long as it). On 3.9 this returns `None` and
//! the caller encodes (one temporary `bytes` object per string). It is the only `unsafe` code in
//! the binding, and only reads.

use std::os::raw::c_char;
use std::sync::OnceLock;

use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::PyString;

#[allow(unsafe_code)]
mod sys {
    use super::*;

    extern "C" {
        /// CPython: the UTF-8 form of a str (cached in the object), or NULL with an exception set.
        pub fn PyUnicode_AsUTF8AndSize(unicode: *mut ffi::PyObject, size: *mut ffi::Py_ssize_t) -> *const c_char;
    }
}

static STABLE_ABI_HAS_IT: OnceLock<bool> = OnceLock::new();

/// The UTF-8 bytes of `s`, borrowed from the string object, when the interpreter offers them
/// (3.10+ and no lone surrogates); `None` otherwise (then encode, which reports the error).
pub fn borrowed_utf8<'a>(s: &'a Bound<'_, PyString>) -> Option<&'a [u8]> {
    let py = s.py();
    if !*STABLE_ABI_HAS_IT.get_or_init(|| py.version_info() >= (3, 10)) {
        return None;
    }
    let mut size: ffi::Py_ssize_t = 0;
    #[allow(unsafe_code)]
    // SAFETY: `s` is a live str object and we are attached to the interpreter. On success the
    // pointer is to `size` bytes of UTF-8 owned by the string object (its cached UTF-8 form),
    // valid while the object is, which the returned borrow of `s` guarantees. On failure (lone
    // surrogates) the function returns NULL and sets an exception, which we clear.
    unsafe {
        let data = sys::PyUnicode_AsUTF8AndSize(s.as_ptr(), &mut size);
        if data.is_null() {
            ffi::PyErr_Clear();
            return None;
        }
        Some(std::slice::from_raw_parts(data.cast::<u8>(), usize::try_from(size).unwrap_or(0)))
    }
}
