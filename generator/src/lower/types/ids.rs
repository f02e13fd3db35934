//! `x-id-type: Expense` on a scalar schema: the value is the id of one kind of resource, and
//! its type is a newtype (`ExpenseId`) shared by every parameter and property that names the
//! same kind, so that an expense id cannot go where a timesheet id belongs.

use openapiv3::Schema;

use super::TypeSpace;
use crate::diagnostics::{Diagnostic, Pointer};
use crate::model::{Docs, Primitive, TypeDef, TypeKind, TypeRef};
use crate::names;

/// The extension that names the kind of resource a scalar is the id of.
pub const ID_TYPE_EXTENSION: &str = "x-id-type";

impl<'a> TypeSpace<'a> {
    /// The id type `schema` stands for, when it has `x-id-type`; `wire` is the scalar type it
    /// lowered to without the extension.
    pub(super) fn id_type(
        &mut self,
        schema: &Schema,
        wire: TypeRef,
        at: &Pointer,
    ) -> Result<TypeRef, Diagnostic> {
        let Some(value) = schema.schema_data.extensions.get(ID_TYPE_EXTENSION) else {
            return Ok(wire);
        };
        let at = at.join(ID_TYPE_EXTENSION);
        let Some(resource) = value.as_str().filter(|r| names::is_type_identifier(r)) else {
            return Err(self.resolver.error(
                &at,
                "`x-id-type` must name a kind of resource in UpperCamelCase (`Expense`)",
            ));
        };
        let wire = match wire {
            TypeRef::Primitive(
                p @ (Primitive::I32 | Primitive::I64 | Primitive::Uuid | Primitive::String),
            ) => p,
            _ => {
                return Err(self.resolver.error(
                    &at,
                    "`x-id-type` is for an integer, a `format: uuid` string or a plain string",
                ))
            }
        };
        if let Some((name, known)) = self.ids.get(resource) {
            return if *known == wire {
                Ok(TypeRef::Named(name.clone()))
            } else {
                Err(self.resolver.error(
                    &at,
                    format!("`{resource}` ids are {known:?} elsewhere in the spec, {wire:?} here"),
                ))
            };
        }
        let name = self.names.claim(&format!("{resource}Id"));
        self.ids.insert(resource.to_string(), (name.clone(), wire));
        let def = TypeDef {
            name: name.clone(),
            origin: at.to_string(),
            docs: Docs {
                summary: None,
                description: Some(format!("The id of a `{resource}`.")),
                notes: Vec::new(),
            },
            deprecated: false,
            kind: TypeKind::Id {
                resource: resource.to_string(),
                wire,
            },
        };
        self.defs.insert(name.clone(), def);
        Ok(TypeRef::Named(name))
    }
}
