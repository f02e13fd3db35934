//! Operations: one generated method and request builder each.

use super::{Docs, Field, PathSegment, TypeRef};
use crate::contract;
use crate::names::{self, Scope};

/// The HTTP methods OpenAPI 3.0 describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum HttpMethod {
    /// GET
    Get,
    /// PUT
    Put,
    /// POST
    Post,
    /// DELETE
    Delete,
    /// OPTIONS
    Options,
    /// HEAD
    Head,
    /// PATCH
    Patch,
    /// TRACE
    Trace,
}

impl HttpMethod {
    /// The method as HTTP writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            HttpMethod::Get => "GET",
            HttpMethod::Put => "PUT",
            HttpMethod::Post => "POST",
            HttpMethod::Delete => "DELETE",
            HttpMethod::Options => "OPTIONS",
            HttpMethod::Head => "HEAD",
            HttpMethod::Patch => "PATCH",
            HttpMethod::Trace => "TRACE",
        }
    }

    /// The method as the spec's path item key writes it.
    pub fn key(self) -> &'static str {
        match self {
            HttpMethod::Get => "get",
            HttpMethod::Put => "put",
            HttpMethod::Post => "post",
            HttpMethod::Delete => "delete",
            HttpMethod::Options => "options",
            HttpMethod::Head => "head",
            HttpMethod::Patch => "patch",
            HttpMethod::Trace => "trace",
        }
    }
}

/// One API operation.
#[derive(Debug, Clone, PartialEq)]
pub struct Operation {
    /// The spec's operationId (or one derived from method and path).
    pub id: String,
    /// The client method name (`get_expenses`).
    pub method_name: String,
    /// The request builder's type name (`GetExpenses`).
    pub builder_name: String,
    /// The HTTP method.
    pub http_method: HttpMethod,
    /// The path template (`/expenses/{expenseId}`).
    pub path: String,
    /// The path template's segments, parsed once.
    pub segments: Vec<PathSegment>,
    /// The tag that groups it.
    pub tag: String,
    /// Its documentation.
    pub docs: Docs,
    /// Marked `deprecated`.
    pub deprecated: bool,
    /// Path, query, header and cookie parameters, path-level ones first, in spec order.
    pub params: Vec<Param>,
    /// The JSON request body.
    pub body: Option<Body>,
    /// The successful answer.
    pub success: Success,
    /// Status codes of the documented error answers, ascending.
    pub error_statuses: Vec<u16>,
    /// The documented error answers as an enum `Error::typed` decodes into, when one of them
    /// has a schema.
    pub errors: Option<ErrorEnum>,
    /// The response headers the answers document (`Retry-After` on a 429, ...), in spec order.
    pub response_headers: Vec<ResponseHeader>,
    /// How to walk the pages, when the operation answers with one page of a list.
    pub paging: Option<Paging>,
    /// The documented example of the request body.
    pub request_example: Option<serde_json::Value>,
    /// The documented example of the successful answer (the whole body).
    pub response_example: Option<serde_json::Value>,
}

/// How a paginated operation is walked page by page.
#[derive(Debug, Clone, PartialEq)]
pub struct Paging {
    /// The builder setter of the page number.
    pub page_setter: String,
    /// The builder member of the page size, when the operation has one.
    pub per_page_setter: Option<String>,
    /// The type of one item of the list.
    pub item: TypeRef,
}

/// Where the envelope's metadata says which page an answer holds and which is the last.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageInfo {
    /// The metadata's member holding the page description (`pagination`), and whether it is optional.
    pub meta_field: (String, bool),
    /// The current page number's member and whether it is optional.
    pub current_page: (String, bool),
    /// The last page number's member and whether it is optional.
    pub last_page: (String, bool),
    /// The names of the three on the wire: metadata member, current page, last page.
    pub wire_names: [String; 3],
}

/// Where a parameter goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamLocation {
    /// A `{name}` segment of the path.
    Path,
    /// The query string.
    Query,
    /// A request header.
    Header,
    /// A cookie, in the request's one `Cookie` header.
    Cookie,
}

/// How a parameter's value is written: its `style` (OpenAPI 3.0 defaults: `form` in the query
/// and cookies, `simple` in the path and headers), or the JSON text of a parameter described
/// by `content: application/json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamStyle {
    /// `form`: `a=1&a=2` (exploded) or `a=1,2`.
    Form,
    /// `spaceDelimited`: `a=1%202`.
    SpaceDelimited,
    /// `pipeDelimited`: `a=1|2`.
    PipeDelimited,
    /// `deepObject`: `a[k]=v`.
    DeepObject,
    /// `simple`: `1,2`.
    Simple,
    /// `label`: `.1.2`.
    Label,
    /// `matrix`: `;a=1,2`.
    Matrix,
    /// Not a style: `content: {application/json: ..}`, the value's JSON text.
    Json,
}

impl ParamStyle {
    /// The style as the spec writes it (`Json` as its media type).
    pub fn as_str(self) -> &'static str {
        match self {
            ParamStyle::Form => "form",
            ParamStyle::SpaceDelimited => "spaceDelimited",
            ParamStyle::PipeDelimited => "pipeDelimited",
            ParamStyle::DeepObject => "deepObject",
            ParamStyle::Simple => "simple",
            ParamStyle::Label => "label",
            ParamStyle::Matrix => "matrix",
            ParamStyle::Json => "application/json",
        }
    }

    /// The runtime's name of the style (`crate::runtime::Style::<name>`).
    pub fn runtime_name(self) -> &'static str {
        match self {
            ParamStyle::Form => "Form",
            ParamStyle::SpaceDelimited => "SpaceDelimited",
            ParamStyle::PipeDelimited => "PipeDelimited",
            ParamStyle::DeepObject => "DeepObject",
            ParamStyle::Simple => "Simple",
            ParamStyle::Label => "Label",
            ParamStyle::Matrix => "Matrix",
            ParamStyle::Json => "Json",
        }
    }
}

impl Operation {
    /// The setters of the values an operation cannot be sent without: required parameters,
    /// required body properties, or the whole body when it is required and set at once.
    pub fn required_setters(&self) -> Vec<&str> {
        let params = self
            .params
            .iter()
            .filter(|p| p.required)
            .map(|p| p.rust_name.as_str());
        let body = self.body.iter().flat_map(|body| {
            let whole = (body.fields.is_empty() && body.required).then_some("body");
            let fields = body
                .fields
                .iter()
                .filter(|f| !f.field.is_optional())
                .map(|f| f.setter.as_str());
            whole.into_iter().chain(fields)
        });
        params.chain(body).collect()
    }

    /// Each required setter with the builder's type parameter that tracks whether it is set:
    /// the setter in UpperCamelCase with `State` (`workspace_id` -> `WorkspaceIdState`, which
    /// keeps clear of the id type `WorkspaceId` in the docs), numbered where it would meet a
    /// type name the builder's code uses.
    pub fn required_states(&self) -> Vec<(&str, String)> {
        let own = [self.builder_name.as_str()]
            .into_iter()
            .chain(self.success.per_status.iter().map(|a| a.name.as_str()));
        let mut scope =
            Scope::with_reserved(contract::BUILDER_TYPE_NAMES.iter().copied().chain(own));
        self.required_setters()
            .into_iter()
            .map(|setter| {
                (
                    setter,
                    scope.claim(&format!("{}State", names::camel(setter))),
                )
            })
            .collect()
    }

    /// The names of the path template's `{name}`s, in order.
    pub fn path_param_names(&self) -> impl Iterator<Item = &str> {
        self.segments.iter().flat_map(PathSegment::param_names)
    }
}

impl ParamLocation {
    /// Where the parameter goes, in words: `path`, `query`, `header` or `cookie`.
    pub fn as_str(self) -> &'static str {
        match self {
            ParamLocation::Path => "path",
            ParamLocation::Query => "query",
            ParamLocation::Header => "header",
            ParamLocation::Cookie => "cookie",
        }
    }
}

/// A path, query, header or cookie parameter.
#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    /// The name on the wire.
    pub wire_name: String,
    /// The builder's setter name.
    pub rust_name: String,
    /// Where it goes.
    pub location: ParamLocation,
    /// How its value is written there.
    pub style: ParamStyle,
    /// The spec's `explode` (default: true for `form`, false for the other styles).
    pub explode: bool,
    /// Its type.
    pub ty: TypeRef,
    /// Whether its values are scalars whose text is their wire form (strings, numbers,
    /// booleans, dates, UUIDs, and enums, ids and aliases of those), as against arrays,
    /// objects, maps and unions, which are serialized in the parameter's style.
    pub scalar: bool,
    /// Whether it must be set.
    pub required: bool,
    /// Its documentation.
    pub docs: Docs,
    /// The server's default, as JSON text.
    pub default: Option<String>,
    /// Constraints (`>= 1`, `<= 100`, `max length 255`) in words, for the docs.
    pub constraints: Vec<String>,
    /// An example value, as JSON text.
    pub example: Option<String>,
}

/// How a request body is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyEncoding {
    /// `application/json`
    Json,
    /// `application/x-www-form-urlencoded`
    Form,
    /// `multipart/form-data`: one part per property; `format: binary` properties are files.
    Multipart,
    /// Any other media type (`application/octet-stream`, `image/png`, `text/plain`): the body
    /// is sent as the raw bytes the caller gives.
    Raw,
}

/// A request body.
#[derive(Debug, Clone, PartialEq)]
pub struct Body {
    /// The body's type.
    pub ty: TypeRef,
    /// How it is written on the wire.
    pub encoding: BodyEncoding,
    /// The media type the spec names for it (`application/json`, `image/png`).
    pub media_type: String,
    /// For a multipart body: the `contentType` the spec's `encoding` sets for a property,
    /// by property name.
    pub part_types: Vec<(String, String)>,
    /// Whether the body must be sent.
    pub required: bool,
    /// When the body is an object: its properties, each with a builder setter.
    pub fields: Vec<BodyField>,
    /// When the body is a struct that keeps unnamed properties (`additionalProperties`): the
    /// field holding them, which the per-property setters leave empty.
    pub extra_field: Option<String>,
}

/// A body property with the builder setter that sets it.
#[derive(Debug, Clone, PartialEq)]
pub struct BodyField {
    /// The property as the body's struct declares it.
    pub field: Field,
    /// The setter's name on the builder (the field name, unless a parameter has it).
    pub setter: String,
}

/// The successful answer of an operation.
#[derive(Debug, Clone, PartialEq)]
pub struct Success {
    /// The status code of the first documented success (200, 201, ...).
    pub status: u16,
    /// The type of its payload (`data` inside the envelope, or the whole body).
    pub data: TypeRef,
    /// How its body is read.
    pub payload: Payload,
    /// When the 2xx answers differ in shape: the enum `send` returns, one variant per status.
    pub per_status: Option<AnswerEnum>,
}

impl Success {
    /// Whether the (first) successful body is wrapped in the envelope.
    pub fn enveloped(&self) -> bool {
        self.payload == Payload::Envelope
    }
}

/// How the body of a successful answer is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Payload {
    /// JSON wrapped in the configured envelope; the data is its `data` member.
    Envelope,
    /// JSON that is the data itself.
    Json,
    /// Any other media type: the body's bytes.
    Binary,
    /// No content is documented.
    Empty,
}

/// An operation whose success statuses answer with different shapes (`200` a task, `202`
/// nothing): `send` returns this enum, decoded by status.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerEnum {
    /// The enum's name (`CreateTaskAnswer`).
    pub name: String,
    /// One variant per documented status, ascending; the first is [`Success::status`].
    pub variants: Vec<AnswerVariant>,
}

/// One documented success status of an [`AnswerEnum`].
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerVariant {
    /// The status code.
    pub status: u16,
    /// The variant's name (`Created`, `NoContent`, `Status207`).
    pub name: String,
    /// The answer's description in the spec.
    pub description: Option<String>,
    /// The payload's type (`()` when there is none).
    pub data: TypeRef,
    /// How the body is read.
    pub payload: Payload,
}

/// The documented error answers of an operation (`CreateExpenseError`): one variant per
/// answer, which `Error::typed` picks by the answer's status.
#[derive(Debug, Clone, PartialEq)]
pub struct ErrorEnum {
    /// The enum's name (`CreateExpenseError`).
    pub name: String,
    /// Exact statuses ascending, then the `4XX`/`5XX` ranges, then `default`.
    pub variants: Vec<ErrorVariant>,
}

/// Which answers an [`ErrorVariant`] stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ErrorStatus {
    /// One status (`422`).
    Code(u16),
    /// A range: `4` for `4XX`, `5` for `5XX`.
    Range(u16),
    /// `default`: any status no other variant takes.
    Default,
}

impl ErrorStatus {
    /// How the spec writes it: `422`, `4XX`, `default`.
    pub fn key(self) -> String {
        match self {
            ErrorStatus::Code(code) => code.to_string(),
            ErrorStatus::Range(class) => format!("{class}XX"),
            ErrorStatus::Default => "default".to_string(),
        }
    }
}

/// One documented error answer of an [`ErrorEnum`].
#[derive(Debug, Clone, PartialEq)]
pub struct ErrorVariant {
    /// The answers it stands for.
    pub status: ErrorStatus,
    /// The variant's name (`UnprocessableEntity`, `ClientError`, `Default`, `Status418`).
    pub name: String,
    /// The answer's description in the spec.
    pub description: Option<String>,
    /// The type of its body (the whole body, envelope included); `None` when the answer has
    /// no schema.
    pub body: Option<TypeRef>,
}

/// A header a documented answer of an operation carries.
#[derive(Debug, Clone, PartialEq)]
pub struct ResponseHeader {
    /// The answer's status code (`None` for the `default` answer or a `4XX`-style range).
    pub status: Option<u16>,
    /// The header's name as the spec writes it (`Retry-After`).
    pub name: String,
    /// Whether the answer always carries it.
    pub required: bool,
    /// Marked `deprecated`.
    pub deprecated: bool,
    /// Its documentation (`x-unconfirmed` / `x-alternative` notes included).
    pub docs: Docs,
}
