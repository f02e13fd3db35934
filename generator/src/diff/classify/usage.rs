//! How the old API uses a type, and the scope that gives changes inside it.

use crate::diff::Concern;

/// How the old API uses a type: which verdicts apply to changes inside it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Usage {
    /// A parameter's type.
    pub param: bool,
    /// In a request body.
    pub body: bool,
    /// In an answer.
    pub response: bool,
}

impl Usage {
    /// A parameter's type.
    pub const PARAM: Usage = Usage {
        param: true,
        body: false,
        response: false,
    };
    /// In a request body.
    pub const BODY: Usage = Usage {
        param: false,
        body: true,
        response: false,
    };
    /// In an answer.
    pub const RESPONSE: Usage = Usage {
        param: false,
        body: false,
        response: true,
    };

    /// Whether clients send it.
    pub fn input(self) -> bool {
        self.param || self.body
    }

    /// Whether clients receive it.
    pub fn output(self) -> bool {
        self.response
    }

    /// Whether no operation uses it (a component nobody references).
    pub fn unused(self) -> bool {
        !self.input() && !self.output()
    }

    /// Both usages.
    pub fn union(self, other: Usage) -> Usage {
        Usage {
            param: self.param || other.param,
            body: self.body || other.body,
            response: self.response || other.response,
        }
    }
}

/// Where a change inside a type shows: it prefixes the kind's name in reports and decides its
/// concern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Only a parameter's type (`parameter-type-changed`).
    Parameter,
    /// Sent in a request body, not received (`request-type-changed`).
    Request,
    /// Only received in answers (`response-type-changed`).
    Response,
    /// Unused, or both sent and received (`type-changed`).
    Schema,
}

impl Scope {
    /// The scope of changes inside a type used as `usage`.
    pub fn of(usage: Usage) -> Scope {
        match (usage.param, usage.body, usage.response) {
            (true, false, false) => Scope::Parameter,
            (_, true, false) => Scope::Request,
            (false, false, true) => Scope::Response,
            _ => Scope::Schema,
        }
    }

    /// The prefix of kind names (`parameter-`, `request-`, `response-` or nothing).
    pub fn prefix(self) -> &'static str {
        match self {
            Scope::Parameter => "parameter-",
            Scope::Request => "request-",
            Scope::Response => "response-",
            Scope::Schema => "",
        }
    }

    /// The concern of changes in this scope.
    pub fn concern(self) -> Concern {
        match self {
            Scope::Parameter => Concern::Parameters,
            Scope::Request => Concern::RequestBodies,
            Scope::Response => Concern::Responses,
            Scope::Schema => Concern::Schemas,
        }
    }
}
