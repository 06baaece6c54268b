//! The reader against bytes written here the way V8 writes them, and numbers against what
//! JavaScript writes for them (taken from Node). The package's tests hold the reader against
//! `JSON.stringify` on random values through Node's own `v8.serialize`.

use super::*;

/// Writes values in V8's format (version 15), as `v8.serialize` does for plain data.
#[derive(Default)]
struct V8(Vec<u8>);

impl V8 {
    fn new() -> V8 {
        V8(vec![0xFF, 15])
    }
    fn tag(mut self, tag: u8) -> V8 {
        self.0.push(tag);
        self
    }
    fn varint(mut self, mut v: u64) -> V8 {
        loop {
            let b = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.0.push(b);
                return self;
            }
            self.0.push(b | 0x80);
        }
    }
    fn int(self, v: i32) -> V8 {
        self.tag(b'I').varint(u64::from(((v << 1) ^ (v >> 31)) as u32))
    }
    fn double(mut self, v: f64) -> V8 {
        self.0.push(b'N');
        self.0.extend_from_slice(&v.to_le_bytes());
        self
    }
    fn latin1(mut self, text: &[u8]) -> V8 {
        self = self.tag(b'"').varint(text.len() as u64);
        self.0.extend_from_slice(text);
        self
    }
    fn utf16(mut self, units: &[u16]) -> V8 {
        self = self.tag(b'c').varint(units.len() as u64 * 2);
        for u in units {
            self.0.extend_from_slice(&u.to_le_bytes());
        }
        self
    }
    fn end_object(self, members: u64) -> V8 {
        self.tag(b'{').varint(members)
    }
    fn dense(self, length: u64) -> V8 {
        self.tag(b'A').varint(length)
    }
    fn end_dense(self, named: u64, length: u64) -> V8 {
        self.tag(b'$').varint(named).varint(length)
    }
    fn json(&self) -> Option<(String, Nested)> {
        let mut out = Vec::new();
        let nested = write_json(&self.0, b"", b"", &mut out)?;
        Some((String::from_utf8(out).unwrap(), nested))
    }
    fn text(&self) -> Option<String> {
        self.json().map(|(text, _)| text)
    }
}

/// What `write` writes for `x`.
fn number(x: f64, write: fn(f64, &mut Out) -> Option<()>) -> Option<String> {
    let mut out = Out { buf: Vec::new(), len: 0 };
    write(x, &mut out)?;
    Some(String::from_utf8(out.finish()).unwrap())
}

#[test]
fn numbers_are_written_as_javascript_writes_them() {
    let cases: &[(u64, &str)] = &[
        (0x3fb999999999999a, "0.1"),
        (0x3fd3333333333334, "0.30000000000000004"),
        (0x444b1ae4d6e2ef50, "1e+21"),
        (0x3e7ad7f29abcaf48, "1e-7"),
        (0x3c36b082c2148b8e, "1.23e-18"),
        (0x0000000000000001, "5e-324"),
        (0x7fefffffffffffff, "1.7976931348623157e+308"),
        (0x441ac53a7e04bcda, "123456789012345680000"),
        (0x430c6bf526340002, "1000000000000000.2"),
        (0x3eb0c6f7a0b5ed8d, "0.000001"),
        (0x3eb4b6231abfd271, "0.0000012345"),
        (0x4011666666666666, "4.35"),
        (0x4132d687e4189375, "1234567.891"),
        (0x8000000000000000, "0"),
        (0xbe19c511dc3a41df, "-1.5e-9"),
        (0x4340000000000000, "9007199254740992"),
        (0x4340000000000001, "9007199254740994"),
        (0x4341c37937e08000, "10000000000000000"),
        (0x40f1c48a147ae148, "72776.63"),
        (0x3fb1eb851eb851ec, "0.07"),
        (0x4059200000000000, "100.5"),
        (0xc058ff5c28f5c28f, "-99.99"),
        (0x42a2309ce53ffffb, "9999999999999.99"),
        (0x42a2309ce53ffffb, "9999999999999.99"),
        (0x430c6bf526340000, "1000000000000000"),
        (0x4415af1d78b58c40, "100000000000000000000"),
        (0x4480f0cf064dd592, "1e+22"),
        (0x3fe0000000000000, "0.5"),
        (0xc0934a456d5cfaad, "-1234.5678"),
        (0x400921f9f01b866e, "3.14159"),
        (0x3ec4f8b588e368f1, "0.0000025"),
        (0x7e41eb2d66005835, "1.5e+300"),
        (0x800080dbd0164b2d, "-7e-310"),
        (0x419d6f34547e6b74, "123456789.12345678"),
        (0x3f50624dd2f1a9fc, "0.001"),
        (0x3ec92a737110e454, "0.000003"),
        (0x1c0d57f10c894254, "1.4830122828920016e-173"),
        (0x43f04a6ece53d613, "18781959765316678000"),
        (0xe2b8410510668fa6, "-3.575532127436644e+167"),
        (0xd5f2e30a9e501b7d, "-1.0829258728928171e+106"),
        (0x535c8ea8a4e05948, "3.7230187291668613e+93"),
        (0x8f7b1bac9609eaf7, "-4.262874002980358e-234"),
        (0xcb3af636587957ba, "-2.5824242072052563e+54"),
        (0x6438f14dfe833301, "6.169062368256605e+174"),
        (0xd0af9825c659f77c, "-4.682717518917287e+80"),
        (0x302bd02b522a861b, "1.2009957333271821e-76"),
        (0xfd70522e931f790e, "-1.6677967842578716e+296"),
        (0xfba9a1630e23bac5, "-4.878446657335358e+287"),
        (0x29616ccb5e0010f0, "2.318589285015657e-109"),
        (0xd37bf421a1818b7f, "-1.4577297053362402e+94"),
        (0x7a5b1baa844c07a2, "2.4603368763737895e+281"),
        (0x552e421879d836c9, "2.1178316544328792e+102"),
        (0xa92e8eaf3493d9a4, "-2.5412503051231247e-110"),
        (0x5fe48bdeead11f23, "8.60880578948587e+153"),
        (0x618d3e487ffb5776, "8.222691106237041e+161"),
        (0x5cd158ba16a76b0d, "1.29107691235244e+139"),
        (0x07727df42b81c598, "8.54570675525937e-273"),
        (0x16e635e91fb5a507, "2.3213088696070116e-198"),
        (0x38c4ac26c846fc8a, "3.1104470921459883e-35"),
        (0x8ade8c37577c5b91, "-2.5430944865444634e-256"),
        (0xa7e5b8ad611588cc, "-1.722738704669676e-116"),
        (0x83785723e5c9c12b, "-6.097780315332402e-292"),
        (0xdab33022a4b9cade, "-8.312822724526027e+128"),
        (0x41b96ab112ea4c55, "426422546.91522723"),
        (0x4b0e14fa2fee1740, "3.601597095685222e+53"),
        (0x7402f3fb0a0a578f, "6.784931974924426e+250"),
        (0xf33082c146e3d672, "-7.215120195549942e+246"),
        (0x087799f31d30c159, "7.14794175889519e-268"),
        (0x0c996e223db1a4f4, "5.6829459783155954e-248"),
        (0xe7860860627a8c33, "-4.908348627938077e+190"),
        (0xc360b934d02e7346, "-37657888876108340"),
        (0x48a12d9e7a7f7e9d, "7.482161107104073e+41"),
        (0x7c5b2a840d01a5e8, "1.0589678202639377e+291"),
        (0x36aed0278207c317, "2.698647105952319e-45"),
        (0x2f32df6d0cf0355a, "2.487004346447123e-81"),
        (0x11aadb8d2d7a8821, "1.4511783911351778e-223"),
    ];
    let mut long = 0;
    for &(bits, js) in cases {
        let written = number(f64::from_bits(bits), write_number);
        // Sixteen digits or more are left to JSON.stringify.
        let digits = js.split('e').next().unwrap().trim_start_matches(['-', '0', '.']).replace('.', "");
        if digits.trim_end_matches('0').len() > 15 {
            long += 1;
            assert_eq!(written, None, "{js}");
        } else {
            assert_eq!(written.as_deref(), Some(js), "{:?}", f64::from_bits(bits));
        }
    }
    assert!(long > 5 && long < cases.len() - 30, "both kinds are tried: {long} long");
    for x in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        assert_eq!(number(x, write_number), None);
    }
}

#[test]
fn amounts_take_the_short_way_and_agree_with_the_long_one() {
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..40_000 {
        let r = next();
        for x in
            [((r % 2_000_000_000_000_000) as f64 - 1e15) / 100.0, (r % 100_000) as f64 / 100.0, f64::from_bits(r >> 1)]
        {
            if !x.is_finite() {
                continue;
            }
            let Some(long) = number(x, write_shortest).filter(|_| x != 0.0) else { continue };
            assert_eq!(number(x, write_number), Some(long), "{x:?}");
        }
    }
}

#[test]
fn plain_data_reads_as_json_stringify_writes_it() {
    // [{"a":1,"b":"ä","c":[1.5,"x"],"d":null,"e":undefined,"f":true}]
    let v8 = V8::new()
        .dense(1)
        .tag(b'o')
        .latin1(b"a")
        .int(1)
        .latin1(b"b")
        .latin1(&[0xE4])
        .latin1(b"c")
        .dense(2)
        .double(1.5)
        .latin1(b"x")
        .end_dense(0, 2)
        .latin1(b"d")
        .tag(b'0')
        .latin1(b"e")
        .tag(b'_')
        .latin1(b"f")
        .tag(b'T')
        .end_object(6)
        .end_dense(0, 1);
    let (text, nested) = v8.json().unwrap();
    assert_eq!(text, r#"[{"a":1,"b":"ä","c":[1.5,"x"],"d":null,"f":true}]"#);
    assert_eq!(nested, Nested { members: vec![br#""c""#.to_vec()], deeper: false });
    assert_eq!(nested.to_json(7), r#"{"length":7,"nested":["c"],"deeper":false}"#);
}

#[test]
fn strings_are_escaped_as_json_stringify_escapes_them() {
    let latin1: Vec<u8> = (0u8..=255).collect();
    let text = V8::new().dense(1).latin1(&latin1).end_dense(0, 1).text().unwrap();
    let expected: String = (0u8..=255).map(char::from).collect();
    let expected = format!("[{}]", serde_json::to_string(&expected).unwrap());
    // serde_json writes \b and \f as JSON.stringify does, and every other control character as \u00xx.
    assert_eq!(text, expected);
    assert!(text.starts_with(r#"["\u0000\u0001"#) && text.contains(r#"\b\t\n\u000b\f\r"#));

    // A pair, a lone high and a lone low surrogate, an escape and a character past Latin-1.
    let units = [0xD83D, 0xDE00, 0xD800, b'x' as u16, 0xDC00, b'"' as u16, 0x20AC];
    let text = V8::new().dense(1).utf16(&units).end_dense(0, 1).text().unwrap();
    assert_eq!(text, "[\"😀\\ud800x\\udc00\\\"€\"]");
    // Long clean runs are copied in words, with the awkward byte at every position.
    for at in 0..40 {
        let mut s = vec![b'k'; 40];
        s[at] = b'\\';
        let text = V8::new().dense(1).latin1(&s).end_dense(0, 1).text().unwrap();
        assert_eq!(text, format!("[{}]", serde_json::to_string(std::str::from_utf8(&s).unwrap()).unwrap()));
    }
}

#[test]
fn numbers_as_keys_holes_and_named_members_of_arrays() {
    // [{1: true}] written with an index key.
    let text = V8::new().dense(1).tag(b'o').int(1).tag(b'T').end_object(1).end_dense(0, 1).text();
    assert_eq!(text.as_deref(), Some(r#"[{"1":true}]"#));
    // An array with a named member: JSON.stringify leaves the member out.
    let text = V8::new().dense(1).int(7).latin1(b"name").latin1(b"x").end_dense(1, 1).text();
    assert_eq!(text.as_deref(), Some("[7]"));
    // A sparse array with every index (one that once had holes) reads; one with a hole does not.
    let full = V8::new().tag(b'a').varint(2).int(0).int(5).int(1).int(6).tag(b'@').varint(2).varint(2);
    assert_eq!(full.text().as_deref(), Some("[5,6]"));
    let holey = V8::new().tag(b'a').varint(3).int(0).int(5).int(2).int(6).tag(b'@').varint(2).varint(3);
    assert_eq!(holey.text(), None);
    // undefined or a hole in a dense array: JSON.stringify writes null there; left to it.
    assert_eq!(V8::new().dense(1).tag(b'_').end_dense(0, 1).text(), None);
    assert_eq!(V8::new().dense(1).tag(b'-').end_dense(0, 1).text(), None);
}

#[test]
fn shared_objects_are_written_again_and_cycles_give_up() {
    // const s = {k: 1}; [{x: s, y: s}]: ids 0 = the array, 1 = the element, 2 = s.
    let shared = V8::new()
        .dense(1)
        .tag(b'o')
        .latin1(b"x")
        .tag(b'o')
        .latin1(b"k")
        .int(1)
        .end_object(1)
        .latin1(b"y")
        .tag(b'^')
        .varint(2)
        .end_object(2)
        .end_dense(0, 1);
    let (text, nested) = shared.json().unwrap();
    assert_eq!(text, r#"[{"x":{"k":1},"y":{"k":1}}]"#);
    assert_eq!(nested.members, vec![br#""x""#.to_vec(), br#""y""#.to_vec()]);
    // const a = [{}]; a[0].self = a[0]: the reference replays its own object without end.
    let cycle = V8::new().dense(1).tag(b'o').latin1(b"self").tag(b'^').varint(1).end_object(1).end_dense(0, 1);
    assert_eq!(cycle.text(), None);
}

#[test]
fn where_objects_sit_is_reported() {
    // [{"rows":[{"q":1}],"seller":{"iban":"x"}}]: both members named, nothing deeper.
    let v8 = V8::new()
        .dense(1)
        .tag(b'o')
        .latin1(b"rows")
        .dense(1)
        .tag(b'o')
        .latin1(b"q")
        .int(1)
        .end_object(1)
        .end_dense(0, 1)
        .latin1(b"seller")
        .tag(b'o')
        .latin1(b"iban")
        .latin1(b"x")
        .end_object(1)
        .end_object(2)
        .end_dense(0, 1);
    let nested = v8.json().unwrap().1;
    assert_eq!(nested, Nested { members: vec![br#""rows""#.to_vec(), br#""seller""#.to_vec()], deeper: false });
    // An object in a member's object, or in a row: deeper.
    let deeper = V8::new()
        .dense(1)
        .tag(b'o')
        .latin1(b"seller")
        .tag(b'o')
        .latin1(b"bank")
        .tag(b'o')
        .end_object(0)
        .end_object(1)
        .end_object(1)
        .end_dense(0, 1);
    assert!(deeper.json().unwrap().1.deeper);
}

#[test]
fn anything_but_plain_data_gives_up() {
    let date = V8::new().dense(1).tag(b'D').double(0.0).end_dense(0, 1);
    let nan = V8::new().dense(1).double(f64::NAN).end_dense(0, 1);
    let bigint = V8::new().dense(1).tag(b'Z').varint(0).end_dense(0, 1);
    let not_array = V8::new().tag(b'o').end_object(0);
    let old = V8(vec![0xFF, 12]).dense(0).end_dense(0, 0);
    let wrong_count = V8::new().dense(1).tag(b'o').latin1(b"a").int(1).end_object(2).end_dense(0, 1);
    let short = V8::new().dense(2).int(1);
    let trailing = V8::new().dense(0).end_dense(0, 0).tag(b'T');
    for (what, v8) in [
        ("date", date),
        ("NaN", nan),
        ("BigInt", bigint),
        ("object", not_array),
        ("version 12", old),
        ("count", wrong_count),
        ("short", short),
        ("trailing", trailing),
    ] {
        assert_eq!(v8.text(), None, "{what}");
    }
    // Padding before a tag is skipped, as V8 writes it before aligned two-byte strings.
    let padded = V8::new().dense(1).tag(0).utf16(&[0x41]).end_dense(0, 1);
    assert_eq!(padded.text().as_deref(), Some(r#"["A"]"#));
}
