//! Every kind of change, in table order, and its ids in reports.

use super::{Area, Scope};

/// Every kind of change the diff reports. Kinds inside types (properties, types, formats,
/// defaults, constraints, enum values) are reported under the [`Scope`] of the type's use:
/// `parameter-type-changed`, `request-type-changed`, `response-type-changed`, `type-changed`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChangeKind {
    OperationAdded,
    OperationRemoved,
    OperationIdRenamed,
    OperationPathChanged,
    OperationTagChanged,
    OperationDeprecated,
    OperationUndeprecated,
    ParameterAddedRequired,
    ParameterAddedOptional,
    ParameterRemoved,
    ParameterRenamed,
    ParameterBecameRequired,
    ParameterBecameOptional,
    ParameterDeprecated,
    ParameterStyleChanged,
    RequestBodyAdded,
    RequestBodyRemoved,
    RequestBodyBecameRequired,
    RequestBodyBecameOptional,
    PropertyAddedRequired,
    PropertyAddedOptional,
    PropertyRemoved,
    PropertyBecameRequired,
    PropertyBecameOptional,
    PropertyBecameNullable,
    PropertyBecameNonNullable,
    PropertyDeprecated,
    AdditionalPropertiesChanged,
    TypeChanged,
    FormatChanged,
    DefaultChanged,
    ConstraintsChanged,
    EnumValueAdded,
    EnumValueRemoved,
    EnumVariantRenamed,
    UnionAlternativeAdded,
    UnionAlternativeRemoved,
    SchemaKindChanged,
    SchemaAdded,
    SchemaRemoved,
    SchemaRenamed,
    SchemaDeprecated,
    ResponseStatusAdded,
    ResponseStatusRemoved,
    ResponseHeaderAdded,
    ResponseHeaderRemoved,
    ResponseHeaderTypeChanged,
    ResponseHeaderBecameRequired,
    ResponseHeaderBecameOptional,
    SecuritySchemeAdded,
    SecuritySchemeRemoved,
    SecuritySchemeChanged,
    OperationSecurityChanged,
    ServerAdded,
    ServerRemoved,
    ServerDefaultChanged,
}

impl ChangeKind {
    /// Every kind, in table order.
    pub const ALL: [ChangeKind; 56] = {
        use ChangeKind::*;
        [
            OperationAdded,
            OperationRemoved,
            OperationIdRenamed,
            OperationPathChanged,
            OperationTagChanged,
            OperationDeprecated,
            OperationUndeprecated,
            ParameterAddedRequired,
            ParameterAddedOptional,
            ParameterRemoved,
            ParameterRenamed,
            ParameterBecameRequired,
            ParameterBecameOptional,
            ParameterDeprecated,
            ParameterStyleChanged,
            RequestBodyAdded,
            RequestBodyRemoved,
            RequestBodyBecameRequired,
            RequestBodyBecameOptional,
            PropertyAddedRequired,
            PropertyAddedOptional,
            PropertyRemoved,
            PropertyBecameRequired,
            PropertyBecameOptional,
            PropertyBecameNullable,
            PropertyBecameNonNullable,
            PropertyDeprecated,
            AdditionalPropertiesChanged,
            TypeChanged,
            FormatChanged,
            DefaultChanged,
            ConstraintsChanged,
            EnumValueAdded,
            EnumValueRemoved,
            EnumVariantRenamed,
            UnionAlternativeAdded,
            UnionAlternativeRemoved,
            SchemaKindChanged,
            SchemaAdded,
            SchemaRemoved,
            SchemaRenamed,
            SchemaDeprecated,
            ResponseStatusAdded,
            ResponseStatusRemoved,
            ResponseHeaderAdded,
            ResponseHeaderRemoved,
            ResponseHeaderTypeChanged,
            ResponseHeaderBecameRequired,
            ResponseHeaderBecameOptional,
            SecuritySchemeAdded,
            SecuritySchemeRemoved,
            SecuritySchemeChanged,
            OperationSecurityChanged,
            ServerAdded,
            ServerRemoved,
            ServerDefaultChanged,
        ]
    };

    /// The name without a scope (`property-removed`, `operation-added`).
    pub fn as_str(self) -> &'static str {
        self.rule().name
    }

    /// The id in reports for a change of this kind in `scope` (`response-property-removed`).
    /// The scope only counts for kinds inside types.
    pub fn id(self, scope: Scope) -> String {
        match (self, self.rule().area, scope) {
            // Answers only gain data: whether the property is required does not matter.
            (
                ChangeKind::PropertyAddedRequired | ChangeKind::PropertyAddedOptional,
                _,
                Scope::Response,
            ) => "response-property-added".to_string(),
            (_, Area::InType, scope) => format!("{}{}", scope.prefix(), self.as_str()),
            (_, Area::Fixed(_), _) => self.as_str().to_string(),
        }
    }

    /// Every id this kind can have in reports, one per scope it can be reported in.
    pub fn ids(self) -> Vec<String> {
        let mut ids: Vec<String> = [
            Scope::Parameter,
            Scope::Request,
            Scope::Response,
            Scope::Schema,
        ]
        .into_iter()
        .map(|scope| self.id(scope))
        .collect();
        ids.dedup();
        ids
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_lists_every_kind_once_in_declaration_order() {
        for (index, kind) in ChangeKind::ALL.iter().enumerate() {
            assert_eq!(*kind as usize, index, "{kind:?}");
        }
    }

    #[test]
    fn names_are_unique() {
        let mut names: Vec<&str> = ChangeKind::ALL.iter().map(|k| k.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), ChangeKind::ALL.len());
    }
}
