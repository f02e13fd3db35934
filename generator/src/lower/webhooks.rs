//! The spec's webhooks (OpenAPI 3.1 `webhooks`, kept by the 3.1 front end in the extension
//! [`WEBHOOKS_EXTENSION`]): each operation's request body is the payload a receiver parses,
//! lowered into the crate's types like any body.

use openapiv3::{OpenAPI, PathItem, ReferenceOr};

use super::methods;
use super::types::TypeSpace;
use crate::diagnostics::{Diagnostic, Pointer};
use crate::load::WEBHOOKS_EXTENSION;
use crate::model::{Docs, Primitive, TypeRef, Webhook};
use crate::names::{self, Scope};
use crate::resolve::Resolver;

/// The names of the runtime's `webhooks` module, which the payload aliases sit beside.
const RUNTIME_WEBHOOK_ITEMS: [&str; 5] = [
    "WebhookDelivery",
    "WebhookError",
    "WEBHOOK_TOKEN_HEADER",
    "parse_delivery",
    "verify_token",
];

/// One webhook's path item, resolved, with the place it is written.
pub struct WebhookItem {
    name: String,
    item: PathItem,
    place: Pointer,
}

/// The spec's webhooks, their `$ref`s (to `components/pathItems`) followed.
pub fn read(spec: &OpenAPI, resolver: Resolver<'_>) -> Result<Vec<WebhookItem>, Diagnostic> {
    let Some(webhooks) = spec.extensions.get(WEBHOOKS_EXTENSION) else {
        return Ok(Vec::new());
    };
    let at = Pointer::root().join(WEBHOOKS_EXTENSION);
    let Some(webhooks) = webhooks.as_object() else {
        return Err(resolver.error(&at, "`webhooks` must be a mapping of path items"));
    };
    let mut items = Vec::with_capacity(webhooks.len());
    for (name, item) in webhooks {
        let item_at = at.join(name);
        let item: ReferenceOr<PathItem> = serde_json::from_value(item.clone())
            .map_err(|error| resolver.error(&item_at, format!("not a valid path item: {error}")))?;
        let (item, place) = resolver.path_item(&item, &item_at)?;
        items.push(WebhookItem {
            name: name.clone(),
            item: item.into_owned(),
            place,
        });
    }
    Ok(items)
}

/// Lowers each webhook operation's payload into `types`.
pub fn lower<'a>(
    items: &'a [WebhookItem],
    types: &mut TypeSpace<'a>,
    resolver: Resolver<'a>,
) -> Result<Vec<Webhook>, Diagnostic> {
    let mut aliases = Scope::with_reserved(RUNTIME_WEBHOOK_ITEMS);
    let mut webhooks = Vec::new();
    for WebhookItem { name, item, place } in items {
        let several = methods(item).len() > 1;
        for (method, operation) in methods(item) {
            let at = place.join(method.key());
            let stem = if several {
                format!("{}{}", names::camel(name), names::camel(method.key()))
            } else {
                names::camel(name)
            };
            let hint = format!("{stem}Payload");
            let payload = match &operation.request_body {
                None => TypeRef::Primitive(Primitive::Unit),
                Some(body) => {
                    let body_at = at.join("requestBody");
                    let body = resolver.request_body(body, &body_at)?;
                    let json = body.content.iter().find(|(media, _)| is_json(media));
                    match json {
                        Some((media, content)) => match &content.schema {
                            Some(schema) => {
                                let schema_at = body_at.join("content").join(media).join("schema");
                                types.type_of(schema, &schema_at, &hint)?
                            }
                            None => TypeRef::Primitive(Primitive::Json),
                        },
                        None if body.content.is_empty() => TypeRef::Primitive(Primitive::Unit),
                        None => TypeRef::Primitive(Primitive::Bytes),
                    }
                }
            };
            webhooks.push(Webhook {
                name: name.clone(),
                method,
                alias: aliases.claim(&hint),
                payload,
                docs: Docs {
                    summary: operation.summary.clone(),
                    description: operation.description.clone(),
                    notes: Vec::new(),
                },
                origin: at.to_string(),
            });
        }
    }
    Ok(webhooks)
}

/// Whether a media type is JSON.
fn is_json(media: &str) -> bool {
    let media = media.split(';').next().unwrap_or_default().trim();
    media == "application/json" || media.ends_with("+json")
}
