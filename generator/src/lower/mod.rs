//! Stage 3: the parsed spec becomes the generator's model ([`crate::model::Api`]).

mod cycles;
mod operations;
mod resource;
mod types;
mod webhooks;

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use openapiv3::{OpenAPI, PathItem};

use crate::config::Config;
use crate::contract;
use crate::diagnostics::{Diagnostic, Pointer};
use crate::model::{
    Api, Envelope, HttpMethod, OAuth2Endpoints, PageInfo, PathPart, PathSegment, Primitive, Tag,
    TypeDef, TypeKind, TypeRef,
};
use crate::names::{self, Scope};
use crate::resolve::Resolver;

pub use types::DATE_FORMAT_EXTENSION;

/// Lowers `spec`, read from `file`, with the settings in `config`.
pub fn lower(spec: &OpenAPI, file: &Path, config: &Config) -> Result<Api, Diagnostic> {
    let resolver = Resolver::new(spec, file);
    let items = path_items(spec, resolver)?;
    let webhook_items = webhooks::read(spec, resolver)?;
    let envelope_names = config
        .envelope
        .as_ref()
        .map(|e| (e.success.clone(), e.data.clone()));
    let mut types = types::TypeSpace::new(resolver, envelope_names).configure(&config.types);

    let mut operations = Vec::new();
    let mut ids: BTreeMap<String, Pointer> = BTreeMap::new();
    let mut meta_type = None;
    // An operation's method is the client's and the mock server's.
    let mut method_names = Scope::with_reserved(
        contract::CLIENT_METHODS
            .iter()
            .chain(contract::MOCK_SERVER_METHODS)
            .copied(),
    );
    // Builders share a tag's module with what it imports; claimed crate-wide so that the
    // answer enums, claimed after them, never meet a builder either.
    let mut builder_names = Scope::with_reserved(contract::TAG_MODULE_IMPORTS.iter().copied());
    for PathEntry {
        path,
        segments,
        item,
        place,
        owns_item,
    } in &items
    {
        for (method, operation) in methods(item) {
            let at = place.join(method.key());
            // A path item reached from several paths is one definition: its operationIds
            // belong to the path that owns it, the others are named from method and path.
            let id = match &operation.operation_id {
                Some(id) if *owns_item && !id.trim().is_empty() => id.clone(),
                _ => derived_operation_id(method, segments),
            };
            if let Some(first) = ids.get(&id) {
                return Err(resolver.error(
                    &at.join("operationId"),
                    format!("duplicate operationId `{id}` (first used at {first})"),
                ));
            }
            ids.insert(id.clone(), at.clone());
            let mut lowering = operations::OperationLowering {
                resolver,
                types: &mut types,
                envelope: config.envelope.as_ref(),
                meta_type: &mut meta_type,
                pagination: config.pagination.as_ref(),
            };
            let path_at = operations::PathAt {
                path,
                segments,
                item,
                item_at: place,
            };
            let mut lowered = lowering.lower(path_at, method, operation, id, &at)?;
            lowered.method_name = method_names.claim(&lowered.method_name);
            lowered.builder_name = builder_names.claim(&lowered.builder_name);
            operations.push(lowered);
        }
    }

    let webhooks = webhooks::lower(&webhook_items, &mut types, resolver)?;
    name_answer_enums(&mut operations);
    let tags = tags(spec, &operations, config.features.per_tag);
    let tag_order = |name: &str| {
        tags.iter()
            .position(|t| t.name == name)
            .unwrap_or(usize::MAX)
    };
    operations.sort_by(|a, b| {
        (tag_order(&a.tag), &a.method_name).cmp(&(tag_order(&b.tag), &b.method_name))
    });

    let envelope = config.envelope.as_ref().map(|e| Envelope {
        success: e.success.clone(),
        data: e.data.clone(),
        message: e.message.clone(),
        meta: e.meta.clone(),
        meta_type: meta_type.clone(),
    });
    let page_info = match (&config.pagination, &meta_type) {
        (Some(pagination), Some(TypeRef::Named(meta))) => page_info(&types, meta, pagination),
        _ => None,
    };
    let types = types.finish()?;
    refresh_body_fields(&mut operations, &types);
    mark_scalar_params(&mut operations, &types);
    Ok(Api {
        title: spec.info.title.clone(),
        version: spec.info.version.clone(),
        description: spec.info.description.clone(),
        base_url: spec
            .servers
            .first()
            .map(|s| s.url.trim_end_matches('/').to_string())
            .unwrap_or_default(),
        servers: spec.servers.iter().map(|s| s.url.clone()).collect(),
        tags,
        types,
        operations,
        envelope,
        page_info,
        oauth2: oauth2_endpoints(spec),
        webhooks,
    })
}

/// The endpoints of the first security scheme (in `components/securitySchemes` order) with an
/// OAuth2 authorization-code flow.
fn oauth2_endpoints(spec: &OpenAPI) -> Option<OAuth2Endpoints> {
    let schemes = &spec.components.as_ref()?.security_schemes;
    schemes.values().find_map(|scheme| match scheme {
        openapiv3::ReferenceOr::Item(openapiv3::SecurityScheme::OAuth2 { flows, .. }) => {
            let flow = flows.authorization_code.as_ref()?;
            Some(OAuth2Endpoints {
                authorization_url: flow.authorization_url.clone(),
                token_url: flow.token_url.clone(),
            })
        }
        _ => None,
    })
}

/// One entry of `paths` with its path item resolved.
struct PathEntry<'a> {
    /// The path template (`/expenses/{expenseId}`).
    path: &'a str,
    /// The template's segments, parsed once.
    segments: Vec<PathSegment>,
    /// The path item, written there or where its `$ref` leads.
    item: Cow<'a, PathItem>,
    /// Where the path item is written.
    place: Pointer,
    /// Whether this path names the item's operations by their operationIds: the path the item
    /// is written under, or else the first path (in spec order) that refers to it.
    owns_item: bool,
}

/// Every entry of `paths`, `$ref` path items resolved (a broken, cyclic or external one is a
/// located error).
fn path_items<'a>(
    spec: &'a OpenAPI,
    resolver: Resolver<'a>,
) -> Result<Vec<PathEntry<'a>>, Diagnostic> {
    let mut resolved = Vec::with_capacity(spec.paths.paths.len());
    for (path, item) in &spec.paths.paths {
        let item_at = Pointer::root().join("paths").join(path);
        let segments = PathSegment::parse(path)
            .map_err(|error| resolver.error(&item_at, error.to_string()))?;
        let (item, place) = resolver.path_item(item, &item_at)?;
        let written_here = place == item_at;
        resolved.push((path.as_str(), segments, item, place, written_here));
    }
    // The places whose operations already have their owner: those written under a path.
    let mut owned: HashSet<String> = resolved
        .iter()
        .filter(|(_, _, _, _, written_here)| *written_here)
        .map(|(_, _, _, place, _)| place.to_string())
        .collect();
    let mut entries = Vec::with_capacity(resolved.len());
    for (path, segments, item, place, written_here) in resolved {
        // The first reference to a place no path owns takes it.
        let owns_item = written_here || owned.insert(place.to_string());
        entries.push(PathEntry {
            path,
            segments,
            item,
            place,
            owns_item,
        });
    }
    Ok(entries)
}

/// Says of each parameter whether its type is a scalar (see [`crate::model::Param::scalar`]),
/// which needs the kinds of the named types, known once they are all lowered.
fn mark_scalar_params(operations: &mut [crate::model::Operation], types: &[TypeDef]) {
    let kinds: HashMap<&str, &TypeKind> = types
        .iter()
        .map(|def| (def.name.as_str(), &def.kind))
        .collect();
    for param in operations.iter_mut().flat_map(|op| op.params.iter_mut()) {
        param.scalar = is_scalar(&param.ty, &kinds, 0);
    }
}

/// Whether values of `ty` are scalars whose text (`Display`, or a date's format) is their wire
/// form. `depth` bounds a chain of aliases.
fn is_scalar(ty: &TypeRef, kinds: &HashMap<&str, &TypeKind>, depth: usize) -> bool {
    match ty {
        TypeRef::Primitive(primitive) => !matches!(
            primitive,
            Primitive::Bytes | Primitive::Json | Primitive::Unit
        ),
        TypeRef::FormattedDate { .. } => true,
        TypeRef::Named(name) => match kinds.get(name.as_str()) {
            Some(
                TypeKind::StringEnum { .. } | TypeKind::IntegerEnum { .. } | TypeKind::Id { .. },
            ) => true,
            Some(TypeKind::Alias(target)) if depth < 32 => is_scalar(target, kinds, depth + 1),
            _ => false,
        },
        TypeRef::Array(_) | TypeRef::Map(_) => false,
    }
}

/// Copies the boxing the cycle pass decided to the body fields, which were copied from their
/// structs before it ran, so that a body field stays the field its struct declares; names the
/// field of unnamed properties of a body struct that keeps them, which the builder fills empty.
fn refresh_body_fields(operations: &mut [crate::model::Operation], types: &[TypeDef]) {
    for body in operations.iter_mut().filter_map(|op| op.body.as_mut()) {
        let TypeRef::Named(name) = &body.ty else {
            continue;
        };
        let Some(TypeKind::Struct {
            fields,
            keeps_extra,
            ..
        }) = types
            .iter()
            .find(|def| &def.name == name)
            .map(|def| &def.kind)
        else {
            continue;
        };
        if *keeps_extra && !body.fields.is_empty() {
            let names: Vec<&str> = fields.iter().map(|f| f.rust_name.as_str()).collect();
            body.extra_field = Some(crate::names::extra_field(&names));
        }
        for body_field in &mut body.fields {
            if let Some(field) = fields
                .iter()
                .find(|f| f.wire_name == body_field.field.wire_name)
            {
                body_field.field.boxed = field.boxed;
            }
        }
    }
}

/// Makes the names of the per-status answer enums and the error enums unique beside the
/// request builders, which share their module, and the runtime names the operation modules
/// import; the error enums are also re-exported side by side from the crate's `errors`.
fn name_answer_enums(operations: &mut [crate::model::Operation]) {
    let builders: Vec<String> = operations
        .iter()
        .map(|op| op.builder_name.clone())
        .collect();
    let mut scope = Scope::with_reserved(
        contract::TAG_MODULE_IMPORTS
            .iter()
            .copied()
            .chain(builders.iter().map(String::as_str)),
    );
    for op in operations.iter_mut() {
        if let Some(answers) = &mut op.success.per_status {
            answers.name = scope.claim(&answers.name);
        }
        if let Some(errors) = &mut op.errors {
            errors.name = scope.claim(&errors.name);
        }
    }
}

/// The operations of a path item, in the order OpenAPI lists methods.
fn methods(item: &openapiv3::PathItem) -> Vec<(HttpMethod, &openapiv3::Operation)> {
    [
        (HttpMethod::Get, &item.get),
        (HttpMethod::Put, &item.put),
        (HttpMethod::Post, &item.post),
        (HttpMethod::Delete, &item.delete),
        (HttpMethod::Options, &item.options),
        (HttpMethod::Head, &item.head),
        (HttpMethod::Patch, &item.patch),
        (HttpMethod::Trace, &item.trace),
    ]
    .into_iter()
    .filter_map(|(method, op)| op.as_ref().map(|op| (method, op)))
    .collect()
}

/// A name for an operation without operationId: `get_expenses_by_expense_id`.
fn derived_operation_id(method: HttpMethod, segments: &[PathSegment]) -> String {
    let mut words = vec![method.key().to_string()];
    for segment in segments {
        let parts = match segment {
            PathSegment::Param(param) => vec![PathPart::Param(param.clone())],
            PathSegment::Literal(literal) => vec![PathPart::Literal(literal.clone())],
            PathSegment::Mixed(parts) => parts.clone(),
        };
        for part in parts {
            match part {
                PathPart::Param(param) => words.push(format!("by_{param}")),
                PathPart::Literal(literal) => words.push(literal),
            }
        }
    }
    names::snake(&words.join("_"))
}

/// The spec's tags in its order, then any tag only operations name, in order of use; with
/// `per_tag`, each with the cargo feature that compiles it.
fn tags(spec: &OpenAPI, operations: &[crate::model::Operation], per_tag: bool) -> Vec<Tag> {
    let mut modules = Scope::with_reserved(contract::CRATE_MODULES.iter().copied());
    let mut features = Scope::with_reserved(contract::CRATE_FEATURES.iter().copied());
    let mut tags: Vec<Tag> = Vec::new();
    let used = |name: &str| operations.iter().any(|op| op.tag == name);
    let declared = spec
        .tags
        .iter()
        .map(|t| (t.name.clone(), t.description.clone()));
    let undeclared = operations.iter().map(|op| (op.tag.clone(), None));
    for (name, description) in declared.chain(undeclared) {
        if tags.iter().any(|t| t.name == name) || !used(&name) {
            continue;
        }
        let module = modules.claim(&names::snake(&name));
        let feature = per_tag.then(|| features.claim(&feature_name(&module)));
        tags.push(Tag {
            module,
            name,
            description,
            feature,
        });
    }
    tags
}

/// The cargo feature of the tag whose module is `module`: kebab case, without a raw
/// identifier's `r#` or a keyword's trailing `_` (`project_viewers` -> `project-viewers`,
/// `type_` -> `type`).
fn feature_name(module: &str) -> String {
    crate::model::module_file_stem(module)
        .trim_end_matches('_')
        .replace('_', "-")
}

/// Where the metadata type `meta` holds the current and last page numbers, when it does.
fn page_info(
    types: &types::TypeSpace<'_>,
    meta: &str,
    config: &crate::config::PaginationConfig,
) -> Option<PageInfo> {
    let member = |fields: &[crate::model::Field], wire: &str| {
        fields
            .iter()
            .find(|f| f.wire_name == wire)
            .map(|f| (f.rust_name.clone(), f.is_optional(), f.ty.clone()))
    };
    let (meta_field, meta_optional, description) =
        member(types.struct_fields(meta)?, &config.meta_field)?;
    let TypeRef::Named(description) = description else {
        return None;
    };
    let fields = types.struct_fields(&description)?;
    let (current, current_optional, _) = member(fields, &config.current_page)?;
    let (last, last_optional, _) = member(fields, &config.last_page)?;
    Some(PageInfo {
        meta_field: (meta_field, meta_optional),
        current_page: (current, current_optional),
        last_page: (last, last_optional),
        wire_names: [
            config.meta_field.clone(),
            config.current_page.clone(),
            config.last_page.clone(),
        ],
    })
}
