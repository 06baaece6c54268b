//! lasku
