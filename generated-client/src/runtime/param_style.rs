// Hand-written runtime, copied from templates/runtime/ by `cargo xtask regenerate`. Do not edit here.

//! How a parameter's value is written in the query string, the path, a header or the `Cookie`
//! header, as OpenAPI 3.0 says for each `style` and `explode`: the one place every parameter
//! that is not plain text goes through (arrays, objects, maps, unions, and values described by
//! `content: application/json`).
//!
//! A value is first serialized (with serde, so any generated type works) into a [`Shape`]: a
//! scalar, a list of scalars or an object of scalars, in declaration order. The style then
//! says how the shape becomes text. Percent-encoding is left to the URL (query pairs and path
//! segments are encoded when the URL is built); cookie values, which nothing else encodes, are
//! percent-encoded here where RFC 6265 does not allow a byte as it is.

use std::borrow::Cow;
use std::fmt::{self, Write as _};

use serde::ser::{self, Impossible, Serialize, Serializer};

use super::Error;

/// A parameter's `style` (OpenAPI 3.0), plus [`Style::Json`] for a parameter described by
/// `content: application/json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(dead_code)] // For emitted code: a spec need not use every style.
pub(crate) enum Style {
    /// `name=a&name=b` (explode) or `name=a,b`; objects `k=v&k2=v2` or `name=k,v,k2,v2`.
    /// Query and cookie parameters.
    Form,
    /// `name=a%20b` (explode false); exploded, like [`Style::Form`]. Query parameters.
    SpaceDelimited,
    /// `name=a|b` (explode false); exploded, like [`Style::Form`]. Query parameters.
    PipeDelimited,
    /// `name[k]=v&name[k2]=v2` for objects; other values like exploded [`Style::Form`].
    /// Query parameters.
    DeepObject,
    /// `a,b`; objects `k,v,k2,v2` or, exploded, `k=v,k2=v2`. Path and header parameters.
    Simple,
    /// `.a.b`; objects `.k.v.k2.v2` or, exploded, `.k=v.k2=v2`. Path parameters.
    Label,
    /// `;name=a,b` or, exploded, `;name=a;name=b`; objects `;name=k,v,k2,v2` or `;k=v;k2=v2`.
    /// Path parameters.
    Matrix,
    /// Not an OpenAPI style: the value's JSON text, written as one value (a parameter
    /// described by `content: application/json`).
    Json,
}

/// A parameter value as the styles see it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Shape {
    /// No value (`null`, `()`): written as an empty value.
    Empty,
    /// A string, number or boolean (a union of scalars is its scalar), as text.
    Scalar(String),
    /// An array, each item as text (an item that is itself an array or object, which OpenAPI
    /// does not describe, as its JSON text).
    List(Vec<String>),
    /// An object or map, each member as text, in declaration order; members without a value
    /// (`None`) are left out.
    Object(Vec<(String, String)>),
}

impl Shape {
    /// The shape of `value` in `style`.
    fn of<T: Serialize + ?Sized>(value: &T, style: Style) -> Result<Shape, Error> {
        if style == Style::Json {
            return serde_json::to_string(value)
                .map(Shape::Scalar)
                .map_err(|source| Error::Encode { source });
        }
        match value.serialize(ShapeSerializer) {
            Ok(shape) => Ok(shape),
            // A value of no shape OpenAPI describes (an enum variant with fields): its JSON.
            Err(Unshaped) => serde_json::to_string(value)
                .map(Shape::Scalar)
                .map_err(|source| Error::Encode { source }),
        }
    }

    /// The same shape with every text passed through `encode`.
    fn map(self, encode: impl Fn(&str) -> String) -> Shape {
        match self {
            Shape::Empty => Shape::Empty,
            Shape::Scalar(text) => Shape::Scalar(encode(&text)),
            Shape::List(items) => Shape::List(items.iter().map(|item| encode(item)).collect()),
            Shape::Object(members) => Shape::Object(
                members
                    .iter()
                    .map(|(key, value)| (encode(key), encode(value)))
                    .collect(),
            ),
        }
    }
}

/// The `name=value` pairs of a query (or cookie) parameter in `style`. Names other than `name`
/// come from the value: an exploded object's keys, `name[key]` for [`Style::DeepObject`].
pub(crate) fn query_pairs<T: Serialize + ?Sized>(
    name: &'static str,
    value: &T,
    style: Style,
    explode: bool,
) -> Result<Vec<(Cow<'static, str>, String)>, Error> {
    Ok(pairs(name, Shape::of(value, style)?, style, explode))
}

/// The text of a path segment or a header value in `style` (`Simple`, `Label`, `Matrix` or
/// `Json`); `name` is written by `Matrix` only.
pub(crate) fn text<T: Serialize + ?Sized>(
    name: &str,
    value: &T,
    style: Style,
    explode: bool,
) -> Result<String, Error> {
    Ok(styled_text(name, Shape::of(value, style)?, style, explode))
}

/// The `name=value` pairs of a cookie parameter (form style, or JSON), each value
/// percent-encoded where RFC 6265 does not allow a byte in a cookie.
pub(crate) fn cookie_pairs<T: Serialize + ?Sized>(
    name: &'static str,
    value: &T,
    style: Style,
    explode: bool,
) -> Result<Vec<(Cow<'static, str>, String)>, Error> {
    let shape = Shape::of(value, style)?.map(cookie_encode);
    Ok(pairs(name, shape, style, explode))
}

fn pairs(
    name: &'static str,
    shape: Shape,
    style: Style,
    explode: bool,
) -> Vec<(Cow<'static, str>, String)> {
    let named = |text: String| (Cow::Borrowed(name), text);
    let delimiter = match style {
        Style::SpaceDelimited => " ",
        Style::PipeDelimited => "|",
        _ => ",",
    };
    match shape {
        Shape::Empty => vec![named(String::new())],
        Shape::Scalar(text) => vec![named(text)],
        Shape::List(items) if explode || style == Style::DeepObject => {
            items.into_iter().map(named).collect()
        }
        Shape::List(items) => vec![named(items.join(delimiter))],
        Shape::Object(members) if style == Style::DeepObject => members
            .into_iter()
            .map(|(key, value)| (Cow::Owned(format!("{name}[{key}]")), value))
            .collect(),
        Shape::Object(members) if explode => members
            .into_iter()
            .map(|(key, value)| (Cow::Owned(key), value))
            .collect(),
        Shape::Object(members) => vec![named(flatten(members, delimiter))],
    }
}

fn styled_text(name: &str, shape: Shape, style: Style, explode: bool) -> String {
    match style {
        Style::Label => {
            let joined = match shape {
                Shape::Empty => String::new(),
                Shape::Scalar(text) => text,
                Shape::List(items) => items.join("."),
                Shape::Object(members) if explode => join_members(members, "=", "."),
                Shape::Object(members) => flatten(members, "."),
            };
            format!(".{joined}")
        }
        Style::Matrix => match shape {
            Shape::Empty => format!(";{name}"),
            Shape::Scalar(text) => format!(";{name}={text}"),
            Shape::List(items) if explode => {
                let mut out = String::new();
                for item in &items {
                    // Writing into a String cannot fail.
                    let _ = write!(out, ";{name}={item}");
                }
                out
            }
            Shape::List(items) => format!(";{name}={}", items.join(",")),
            Shape::Object(members) if explode => {
                format!(";{}", join_members(members, "=", ";"))
            }
            Shape::Object(members) => format!(";{name}={}", flatten(members, ",")),
        },
        // Simple (and a JSON text, which is one scalar).
        _ => match shape {
            Shape::Empty => String::new(),
            Shape::Scalar(text) => text,
            Shape::List(items) => items.join(","),
            Shape::Object(members) if explode => join_members(members, "=", ","),
            Shape::Object(members) => flatten(members, ","),
        },
    }
}

/// `k1,v1,k2,v2`: keys and values in one list.
fn flatten(members: Vec<(String, String)>, delimiter: &str) -> String {
    members
        .into_iter()
        .flat_map(|(key, value)| [key, value])
        .collect::<Vec<_>>()
        .join(delimiter)
}

/// `k1=v1,k2=v2`: each member as `key{equals}value`, joined by `delimiter`.
fn join_members(members: Vec<(String, String)>, equals: &str, delimiter: &str) -> String {
    members
        .into_iter()
        .map(|(key, value)| format!("{key}{equals}{value}"))
        .collect::<Vec<_>>()
        .join(delimiter)
}

/// `text` with every byte RFC 6265 does not allow in a cookie value (controls, space, `"`,
/// `,`, `;`, `\`, non-ASCII), and `%` itself, written as `%XX`.
fn cookie_encode(text: &str) -> String {
    let allowed = |byte: u8| {
        matches!(byte, 0x21 | 0x23..=0x2B | 0x2D..=0x3A | 0x3C..=0x5B | 0x5D..=0x7E) && byte != b'%'
    };
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if allowed(byte) {
            out.push(char::from(byte));
        } else {
            // Writing into a String cannot fail.
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

/// A value that is not a scalar, a list of values or an object of values (an enum variant
/// with fields): written as its JSON text instead.
#[derive(Debug)]
struct Unshaped;

impl fmt::Display for Unshaped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value of no parameter shape")
    }
}

impl std::error::Error for Unshaped {}

impl ser::Error for Unshaped {
    fn custom<M: fmt::Display>(_message: M) -> Self {
        Unshaped
    }
}

/// Serializes the value a parameter holds into its [`Shape`].
struct ShapeSerializer;

/// Serializes one scalar: its text, or `None` for no value; anything else is [`Unshaped`].
struct ScalarSerializer;

/// Collects the items of a list.
struct ListShape(Vec<String>);

/// Collects the members of an object.
struct ObjectShape {
    members: Vec<(String, String)>,
    key: Option<String>,
}

/// One item of a list or member of an object: its text, or its JSON when it is itself a list
/// or an object; `None` when it has no value.
fn item_text<T: Serialize + ?Sized>(value: &T) -> Result<Option<String>, Unshaped> {
    match value.serialize(ScalarSerializer) {
        Ok(text) => Ok(text),
        Err(Unshaped) => serde_json::to_string(value).map(Some).map_err(|_| Unshaped),
    }
}

/// The scalar methods of a serializer whose output is `$wrap(text)`; `$none` for no value.
macro_rules! scalar_methods {
    ($wrap:expr, $none:expr) => {
        fn serialize_bool(self, v: bool) -> Result<Self::Ok, Unshaped> {
            Ok($wrap(v.to_string()))
        }
        fn serialize_i8(self, v: i8) -> Result<Self::Ok, Unshaped> {
            Ok($wrap(v.to_string()))
        }
        fn serialize_i16(self, v: i16) -> Result<Self::Ok, Unshaped> {
            Ok($wrap(v.to_string()))
        }
        fn serialize_i32(self, v: i32) -> Result<Self::Ok, Unshaped> {
            Ok($wrap(v.to_string()))
        }
        fn serialize_i64(self, v: i64) -> Result<Self::Ok, Unshaped> {
            Ok($wrap(v.to_string()))
        }
        fn serialize_i128(self, v: i128) -> Result<Self::Ok, Unshaped> {
            Ok($wrap(v.to_string()))
        }
        fn serialize_u8(self, v: u8) -> Result<Self::Ok, Unshaped> {
            Ok($wrap(v.to_string()))
        }
        fn serialize_u16(self, v: u16) -> Result<Self::Ok, Unshaped> {
            Ok($wrap(v.to_string()))
        }
        fn serialize_u32(self, v: u32) -> Result<Self::Ok, Unshaped> {
            Ok($wrap(v.to_string()))
        }
        fn serialize_u64(self, v: u64) -> Result<Self::Ok, Unshaped> {
            Ok($wrap(v.to_string()))
        }
        fn serialize_u128(self, v: u128) -> Result<Self::Ok, Unshaped> {
            Ok($wrap(v.to_string()))
        }
        fn serialize_f32(self, v: f32) -> Result<Self::Ok, Unshaped> {
            Ok($wrap(v.to_string()))
        }
        fn serialize_f64(self, v: f64) -> Result<Self::Ok, Unshaped> {
            Ok($wrap(v.to_string()))
        }
        fn serialize_char(self, v: char) -> Result<Self::Ok, Unshaped> {
            Ok($wrap(v.to_string()))
        }
        fn serialize_str(self, v: &str) -> Result<Self::Ok, Unshaped> {
            Ok($wrap(v.to_string()))
        }
        fn serialize_bytes(self, v: &[u8]) -> Result<Self::Ok, Unshaped> {
            Ok($wrap(String::from_utf8_lossy(v).into_owned()))
        }
        fn serialize_none(self) -> Result<Self::Ok, Unshaped> {
            Ok($none)
        }
        fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Self::Ok, Unshaped> {
            value.serialize(self)
        }
        fn serialize_unit(self) -> Result<Self::Ok, Unshaped> {
            Ok($none)
        }
        fn serialize_unit_struct(self, _name: &'static str) -> Result<Self::Ok, Unshaped> {
            Ok($none)
        }
        fn serialize_unit_variant(
            self,
            _name: &'static str,
            _index: u32,
            variant: &'static str,
        ) -> Result<Self::Ok, Unshaped> {
            Ok($wrap(variant.to_string()))
        }
        fn serialize_newtype_struct<T: Serialize + ?Sized>(
            self,
            _name: &'static str,
            value: &T,
        ) -> Result<Self::Ok, Unshaped> {
            value.serialize(self)
        }
        // An externally tagged variant with data is no shape a parameter has.
        fn serialize_newtype_variant<T: Serialize + ?Sized>(
            self,
            _name: &'static str,
            _index: u32,
            _variant: &'static str,
            _value: &T,
        ) -> Result<Self::Ok, Unshaped> {
            Err(Unshaped)
        }
        fn serialize_tuple_variant(
            self,
            _name: &'static str,
            _index: u32,
            _variant: &'static str,
            _len: usize,
        ) -> Result<Self::SerializeTupleVariant, Unshaped> {
            Err(Unshaped)
        }
        fn serialize_struct_variant(
            self,
            _name: &'static str,
            _index: u32,
            _variant: &'static str,
            _len: usize,
        ) -> Result<Self::SerializeStructVariant, Unshaped> {
            Err(Unshaped)
        }
    };
}

impl Serializer for ScalarSerializer {
    type Ok = Option<String>;
    type Error = Unshaped;
    type SerializeSeq = Impossible<Option<String>, Unshaped>;
    type SerializeTuple = Impossible<Option<String>, Unshaped>;
    type SerializeTupleStruct = Impossible<Option<String>, Unshaped>;
    type SerializeTupleVariant = Impossible<Option<String>, Unshaped>;
    type SerializeMap = Impossible<Option<String>, Unshaped>;
    type SerializeStruct = Impossible<Option<String>, Unshaped>;
    type SerializeStructVariant = Impossible<Option<String>, Unshaped>;

    scalar_methods!(Some, None);

    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, Unshaped> {
        Err(Unshaped)
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, Unshaped> {
        Err(Unshaped)
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, Unshaped> {
        Err(Unshaped)
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Unshaped> {
        Err(Unshaped)
    }
    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, Unshaped> {
        Err(Unshaped)
    }
}

impl Serializer for ShapeSerializer {
    type Ok = Shape;
    type Error = Unshaped;
    type SerializeSeq = ListShape;
    type SerializeTuple = ListShape;
    type SerializeTupleStruct = ListShape;
    type SerializeTupleVariant = Impossible<Shape, Unshaped>;
    type SerializeMap = ObjectShape;
    type SerializeStruct = ObjectShape;
    type SerializeStructVariant = Impossible<Shape, Unshaped>;

    scalar_methods!(Shape::Scalar, Shape::Empty);

    fn serialize_seq(self, len: Option<usize>) -> Result<ListShape, Unshaped> {
        Ok(ListShape(Vec::with_capacity(len.unwrap_or_default())))
    }
    fn serialize_tuple(self, len: usize) -> Result<ListShape, Unshaped> {
        Ok(ListShape(Vec::with_capacity(len)))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<ListShape, Unshaped> {
        Ok(ListShape(Vec::with_capacity(len)))
    }
    fn serialize_map(self, len: Option<usize>) -> Result<ObjectShape, Unshaped> {
        Ok(ObjectShape {
            members: Vec::with_capacity(len.unwrap_or_default()),
            key: None,
        })
    }
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<ObjectShape, Unshaped> {
        Ok(ObjectShape {
            members: Vec::with_capacity(len),
            key: None,
        })
    }
}

impl ListShape {
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unshaped> {
        // An item without a value (`null`) is left out.
        if let Some(text) = item_text(value)? {
            self.0.push(text);
        }
        Ok(())
    }
}

impl ser::SerializeSeq for ListShape {
    type Ok = Shape;
    type Error = Unshaped;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unshaped> {
        self.push(value)
    }
    fn end(self) -> Result<Shape, Unshaped> {
        Ok(Shape::List(self.0))
    }
}

impl ser::SerializeTuple for ListShape {
    type Ok = Shape;
    type Error = Unshaped;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unshaped> {
        self.push(value)
    }
    fn end(self) -> Result<Shape, Unshaped> {
        Ok(Shape::List(self.0))
    }
}

impl ser::SerializeTupleStruct for ListShape {
    type Ok = Shape;
    type Error = Unshaped;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unshaped> {
        self.push(value)
    }
    fn end(self) -> Result<Shape, Unshaped> {
        Ok(Shape::List(self.0))
    }
}

impl ObjectShape {
    fn member<T: Serialize + ?Sized>(&mut self, key: String, value: &T) -> Result<(), Unshaped> {
        // A member without a value (`None`) is left out, as in JSON bodies.
        if let Some(text) = item_text(value)? {
            self.members.push((key, text));
        }
        Ok(())
    }
}

impl ser::SerializeMap for ObjectShape {
    type Ok = Shape;
    type Error = Unshaped;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Unshaped> {
        self.key = Some(item_text(key)?.unwrap_or_default());
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unshaped> {
        let key = self.key.take().unwrap_or_default();
        self.member(key, value)
    }
    fn end(self) -> Result<Shape, Unshaped> {
        Ok(Shape::Object(self.members))
    }
}

impl ser::SerializeStruct for ObjectShape {
    type Ok = Shape;
    type Error = Unshaped;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Unshaped> {
        self.member(key.to_string(), value)
    }
    fn end(self) -> Result<Shape, Unshaped> {
        Ok(Shape::Object(self.members))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Serialize;

    use super::{cookie_pairs, query_pairs, text, Style};

    /// `{R: 100, G: 200, B: 150}` in declaration order, as a generated struct serializes.
    #[derive(Serialize)]
    struct Color {
        #[serde(rename = "R")]
        r: u8,
        #[serde(rename = "G")]
        g: u8,
        #[serde(rename = "B")]
        b: u8,
        #[serde(skip_serializing_if = "Option::is_none")]
        alpha: Option<u8>,
    }

    const COLOR: Color = Color {
        r: 100,
        g: 200,
        b: 150,
        alpha: None,
    };

    fn colors() -> Vec<&'static str> {
        vec!["blue", "black", "brown"]
    }

    /// The query string the pairs make, unencoded.
    fn query<T: Serialize + ?Sized>(value: &T, style: Style, explode: bool) -> String {
        query_pairs("color", value, style, explode)
            .expect("serializes")
            .into_iter()
            .map(|(name, value)| format!("{name}={value}"))
            .collect::<Vec<_>>()
            .join("&")
    }

    fn path<T: Serialize + ?Sized>(value: &T, style: Style, explode: bool) -> String {
        text("color", value, style, explode).expect("serializes")
    }

    // The examples of the OpenAPI 3.0.3 specification's table of style values.

    #[test]
    fn form_writes_repeated_keys_when_exploded_and_a_comma_list_when_not() {
        assert_eq!(query("blue", Style::Form, true), "color=blue");
        assert_eq!(
            query(&colors(), Style::Form, true),
            "color=blue&color=black&color=brown"
        );
        assert_eq!(
            query(&colors(), Style::Form, false),
            "color=blue,black,brown"
        );
        assert_eq!(query(&COLOR, Style::Form, true), "R=100&G=200&B=150");
        assert_eq!(query(&COLOR, Style::Form, false), "color=R,100,G,200,B,150");
        assert_eq!(query(&(), Style::Form, true), "color=");
    }

    #[test]
    fn space_and_pipe_delimited_join_with_their_delimiter() {
        assert_eq!(
            query(&colors(), Style::SpaceDelimited, false),
            "color=blue black brown"
        );
        assert_eq!(
            query(&colors(), Style::PipeDelimited, false),
            "color=blue|black|brown"
        );
        assert_eq!(
            query(&COLOR, Style::PipeDelimited, false),
            "color=R|100|G|200|B|150"
        );
        assert_eq!(
            query(&colors(), Style::PipeDelimited, true),
            "color=blue&color=black&color=brown"
        );
    }

    #[test]
    fn deep_object_names_each_member_in_brackets() {
        assert_eq!(
            query(&COLOR, Style::DeepObject, true),
            "color[R]=100&color[G]=200&color[B]=150"
        );
        let map = BTreeMap::from([("a", "1"), ("b", "2")]);
        assert_eq!(
            query(&map, Style::DeepObject, true),
            "color[a]=1&color[b]=2"
        );
    }

    #[test]
    fn simple_label_and_matrix_write_path_segments() {
        assert_eq!(path("blue", Style::Simple, false), "blue");
        assert_eq!(path(&colors(), Style::Simple, false), "blue,black,brown");
        assert_eq!(path(&COLOR, Style::Simple, false), "R,100,G,200,B,150");
        assert_eq!(path(&COLOR, Style::Simple, true), "R=100,G=200,B=150");
        assert_eq!(path("blue", Style::Label, false), ".blue");
        assert_eq!(path(&colors(), Style::Label, false), ".blue.black.brown");
        assert_eq!(path(&COLOR, Style::Label, false), ".R.100.G.200.B.150");
        assert_eq!(path(&COLOR, Style::Label, true), ".R=100.G=200.B=150");
        assert_eq!(path("blue", Style::Matrix, false), ";color=blue");
        assert_eq!(
            path(&colors(), Style::Matrix, false),
            ";color=blue,black,brown"
        );
        assert_eq!(
            path(&colors(), Style::Matrix, true),
            ";color=blue;color=black;color=brown"
        );
        assert_eq!(
            path(&COLOR, Style::Matrix, false),
            ";color=R,100,G,200,B,150"
        );
        assert_eq!(path(&COLOR, Style::Matrix, true), ";R=100;G=200;B=150");
        assert_eq!(path(&(), Style::Matrix, false), ";color");
    }

    #[test]
    fn scalars_of_every_kind_are_written_as_their_text() {
        /// An untagged union of scalars, as the generator writes one.
        #[derive(Serialize)]
        #[serde(untagged)]
        enum Consistency {
            Count(i64),
            Kind(&'static str),
        }
        #[derive(Serialize)]
        #[serde(rename_all = "lowercase")]
        enum Mode {
            Fast,
        }
        assert_eq!(query(&Consistency::Count(2), Style::Form, true), "color=2");
        assert_eq!(
            query(&Consistency::Kind("majority"), Style::Form, true),
            "color=majority"
        );
        assert_eq!(query(&Mode::Fast, Style::Form, true), "color=fast");
        assert_eq!(query(&0.1f32, Style::Form, true), "color=0.1");
        assert_eq!(query(&true, Style::Form, true), "color=true");
        assert_eq!(query(&Some(7u8), Style::Form, true), "color=7");
        let unions = vec![Consistency::Count(1), Consistency::Kind("all")];
        assert_eq!(query(&unions, Style::Form, false), "color=1,all");
    }

    #[test]
    fn nested_values_are_written_as_json_and_empty_members_left_out() {
        let nested = BTreeMap::from([("a", vec![1, 2])]);
        assert_eq!(query(&nested, Style::Form, true), "a=[1,2]");
        let with_none = BTreeMap::from([("a", Some(1)), ("b", None)]);
        assert_eq!(query(&with_none, Style::Form, true), "a=1");
    }

    #[test]
    fn json_style_writes_the_json_text_as_one_value() {
        assert_eq!(
            query(
                &serde_json::json!({"lat": 1.5, "tags": ["a"]}),
                Style::Json,
                true
            ),
            r#"color={"lat":1.5,"tags":["a"]}"#
        );
        assert_eq!(path("x", Style::Json, false), r#""x""#);
    }

    #[test]
    fn cookie_values_are_percent_encoded_where_a_cookie_cannot_hold_them() {
        let pairs = cookie_pairs("session", &vec!["a b", "c;d", "e,f"], Style::Form, false)
            .expect("serializes");
        assert_eq!(pairs.len(), 1);
        assert_eq!(pairs[0].1, "a%20b,c%3Bd,e%2Cf");
        let pairs = cookie_pairs("q", &serde_json::json!({"a": "é"}), Style::Json, true)
            .expect("serializes");
        assert_eq!(pairs[0].1, "{%22a%22:%22%C3%A9%22}");
    }
}
