//! The generator's own description of an API: built once from the spec by `lower`, read by every
//! emitter. It knows nothing of openapiv3 (the input) or of quote (the output).

mod envelope;
mod operations;
mod path;
pub mod reach;
mod types;
mod webhooks;

pub use envelope::Envelope;
pub use operations::{
    AnswerEnum, AnswerVariant, Body, BodyEncoding, BodyField, ErrorEnum, ErrorStatus, ErrorVariant,
    HttpMethod, Operation, PageInfo, Paging, Param, ParamLocation, ParamStyle, Payload,
    ResponseHeader, Success,
};
pub use path::{PathPart, PathSegment, TemplateError};
pub use types::{
    DateKind, Docs, Field, Primitive, TypeDef, TypeKind, TypeRef, UnionVariant, Variant,
};
pub use webhooks::Webhook;

/// Everything the emitters need to write the client crate.
#[derive(Debug, Clone, PartialEq)]
pub struct Api {
    /// The spec's `info.title`.
    pub title: String,
    /// The spec's `info.version`.
    pub version: String,
    /// The spec's `info.description`.
    pub description: Option<String>,
    /// The first server's URL, the client's default base URL.
    pub base_url: String,
    /// Every server URL the spec lists, in its order (read by `diff`).
    pub servers: Vec<String>,
    /// Tags in the order the spec lists them, with their descriptions.
    pub tags: Vec<Tag>,
    /// Named types, sorted by name.
    pub types: Vec<TypeDef>,
    /// Operations, sorted by tag (in tag order) then Rust method name.
    pub operations: Vec<Operation>,
    /// The response envelope, when the spec's answers are wrapped in one.
    pub envelope: Option<Envelope>,
    /// Where the envelope's metadata describes the page, when lists are paginated.
    pub page_info: Option<PageInfo>,
    /// The endpoints of the first OAuth2 authorization-code flow the spec documents: the
    /// defaults of the crate's OAuth2 client.
    pub oauth2: Option<OAuth2Endpoints>,
    /// The webhooks the spec documents (OpenAPI 3.1 `webhooks`), in its order.
    pub webhooks: Vec<Webhook>,
}

/// Where an OAuth2 authorization-code flow authorizes and issues tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OAuth2Endpoints {
    /// The authorization endpoint (`authorizationUrl`).
    pub authorization_url: String,
    /// The token endpoint (`tokenUrl`).
    pub token_url: String,
}

/// A group of operations; one module of the generated crate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    /// The tag as the spec writes it (`Project Viewers`).
    pub name: String,
    /// The module name (`project_viewers`).
    pub module: String,
    /// The tag's description.
    pub description: Option<String>,
    /// The cargo feature that compiles it (`[features] per_tag`), in kebab case
    /// (`project-viewers`); `None` when the tag is always compiled.
    pub feature: Option<String>,
}

impl Tag {
    /// The module's name in file names and features: without a raw identifier's `r#`
    /// (`mod r#type;` lives in `type.rs`).
    pub fn file_stem(&self) -> &str {
        module_file_stem(&self.module)
    }
}

/// A module name (`r#type`, `project_viewers`) as its file's stem (`type`, `project_viewers`).
pub fn module_file_stem(module: &str) -> &str {
    module.strip_prefix("r#").unwrap_or(module)
}

impl Api {
    /// The operations of one tag.
    pub fn operations_of<'a>(&'a self, tag: &'a Tag) -> impl Iterator<Item = &'a Operation> + 'a {
        self.operations.iter().filter(move |op| op.tag == tag.name)
    }

    /// Every distinct `x-date-format` pattern the types and operations use, sorted.
    pub fn date_formats(&self) -> Vec<String> {
        let mut formats = std::collections::BTreeSet::new();
        let mut visit = |ty: &TypeRef| ty.collect_date_formats(&mut formats);
        for def in &self.types {
            match &def.kind {
                TypeKind::Struct { fields, .. } => fields.iter().for_each(|f| visit(&f.ty)),
                TypeKind::Alias(ty) => visit(ty),
                TypeKind::Union { variants, .. } => variants.iter().for_each(|v| visit(&v.ty)),
                TypeKind::StringEnum { .. }
                | TypeKind::IntegerEnum { .. }
                | TypeKind::External(_)
                | TypeKind::Id { .. } => {}
            }
        }
        for op in &self.operations {
            op.params.iter().for_each(|p| visit(&p.ty));
        }
        formats.into_iter().collect()
    }
}
