//! A path template parsed once: `/v1/{name}:cancel` is the segment `v1`, then the segment made
//! of the parameter `name` and the text `:cancel`. OpenAPI allows a `{name}` anywhere in a path;
//! most fill a whole `/`-segment, and those keep the two simple forms every emitter handles
//! first.

use std::fmt;

/// One `/`-segment of a path template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathSegment {
    /// Text sent as it is (`expenses`).
    Literal(String),
    /// A `{name}` that fills the whole segment, filled from the path parameter of that name.
    Param(String),
    /// Text and parameters sharing the segment, in order (`{event_id}:undelete`,
    /// `videos.{format}`, `{base}...{head}`). Two texts never touch; two parameters may
    /// (`{a}{b}`).
    Mixed(Vec<PathPart>),
}

/// A piece of a [`PathSegment::Mixed`] segment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathPart {
    /// Text sent as it is.
    Literal(String),
    /// A `{name}`, filled from the path parameter of that name.
    Param(String),
}

/// Why a path template cannot be made into a request line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateError {
    /// A `{` with no `}` after it in its segment.
    Unclosed { segment: String },
    /// `{}`.
    Empty { segment: String },
    /// A `{` inside a `{name}`.
    Nested { segment: String },
    /// One name in two `{}`s.
    Repeated { name: String },
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TemplateError::Unclosed { segment } => write!(
                f,
                "the path segment `{segment}` opens a parameter with `{{` and never closes it with `}}`"
            ),
            TemplateError::Empty { segment } => write!(
                f,
                "the path segment `{segment}` has `{{}}`, a parameter without a name"
            ),
            TemplateError::Nested { segment } => write!(
                f,
                "the path segment `{segment}` has a `{{` inside a parameter's name"
            ),
            TemplateError::Repeated { name } => write!(
                f,
                "the path uses `{{{name}}}` twice; a request can fill a parameter only once"
            ),
        }
    }
}

impl PathSegment {
    /// The segments of `template`, empty ones (around slashes) left out. A `}` outside a
    /// parameter is text like any other.
    pub fn parse(template: &str) -> Result<Vec<PathSegment>, TemplateError> {
        let segments: Vec<PathSegment> = template
            .split('/')
            .filter(|segment| !segment.is_empty())
            .map(parse_segment)
            .collect::<Result<_, _>>()?;
        let mut seen: Vec<&str> = Vec::new();
        for name in segments.iter().flat_map(PathSegment::param_names) {
            if seen.contains(&name) {
                return Err(TemplateError::Repeated {
                    name: name.to_string(),
                });
            }
            seen.push(name);
        }
        Ok(segments)
    }

    /// The names of the segment's parameters, in order.
    pub fn param_names(&self) -> impl Iterator<Item = &str> {
        let (whole, parts) = match self {
            PathSegment::Literal(_) => (None, &[][..]),
            PathSegment::Param(name) => (Some(name.as_str()), &[][..]),
            PathSegment::Mixed(parts) => (None, parts.as_slice()),
        };
        whole
            .into_iter()
            .chain(parts.iter().filter_map(|part| match part {
                PathPart::Param(name) => Some(name.as_str()),
                PathPart::Literal(_) => None,
            }))
    }
}

/// One `/`-segment: text and `{name}`s.
fn parse_segment(segment: &str) -> Result<PathSegment, TemplateError> {
    let error_segment = || segment.to_string();
    let mut parts = Vec::new();
    let mut rest = segment;
    while let Some(open) = rest.find('{') {
        if open > 0 {
            parts.push(PathPart::Literal(rest[..open].to_string()));
        }
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            return Err(TemplateError::Unclosed {
                segment: error_segment(),
            });
        };
        let name = &after[..close];
        if name.contains('{') {
            return Err(TemplateError::Nested {
                segment: error_segment(),
            });
        }
        if name.trim().is_empty() {
            return Err(TemplateError::Empty {
                segment: error_segment(),
            });
        }
        parts.push(PathPart::Param(name.to_string()));
        rest = &after[close + 1..];
    }
    if !rest.is_empty() {
        parts.push(PathPart::Literal(rest.to_string()));
    }
    Ok(match parts.as_slice() {
        [PathPart::Literal(text)] => PathSegment::Literal(text.clone()),
        [PathPart::Param(name)] => PathSegment::Param(name.clone()),
        _ => PathSegment::Mixed(parts),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lit(text: &str) -> PathPart {
        PathPart::Literal(text.into())
    }

    fn param(name: &str) -> PathPart {
        PathPart::Param(name.into())
    }

    #[test]
    fn whole_segments_are_literals_and_parameters() {
        assert_eq!(
            PathSegment::parse("/expenses/{expenseId}/receipts/"),
            Ok(vec![
                PathSegment::Literal("expenses".into()),
                PathSegment::Param("expenseId".into()),
                PathSegment::Literal("receipts".into()),
            ])
        );
        assert_eq!(PathSegment::parse("/"), Ok(vec![]));
    }

    #[test]
    fn a_parameter_can_share_its_segment_with_text_and_other_parameters() {
        let cases: [(&str, Vec<PathPart>); 5] = [
            (
                "/events/{event_id}:undelete",
                vec![param("event_id"), lit(":undelete")],
            ),
            (
                "/feeds/videos.{format}",
                vec![lit("videos."), param("format")],
            ),
            (
                "/compare/{base}...{head}",
                vec![param("base"), lit("..."), param("head")],
            ),
            (
                "/range/{from}-{to}",
                vec![param("from"), lit("-"), param("to")],
            ),
            ("/items/id-{id}", vec![lit("id-"), param("id")]),
        ];
        for (template, parts) in cases {
            let segments = PathSegment::parse(template).unwrap_or_default();
            assert_eq!(
                segments.last(),
                Some(&PathSegment::Mixed(parts)),
                "{template}"
            );
        }
        assert_eq!(
            PathSegment::parse("/{a}{b}"),
            Ok(vec![PathSegment::Mixed(vec![param("a"), param("b")])])
        );
    }

    #[test]
    fn a_closing_brace_alone_is_text() {
        assert_eq!(
            PathSegment::parse("/a}b"),
            Ok(vec![PathSegment::Literal("a}b".into())])
        );
    }

    #[test]
    fn what_cannot_be_a_request_is_refused_with_the_segment() {
        let refused = [
            ("/events/{event_id:undelete", "never closes"),
            ("/events/{}", "without a name"),
            ("/events/{ }", "without a name"),
            ("/events/{a{b}", "inside a parameter's name"),
            ("/a/{id}/b/{id}", "`{id}` twice"),
            ("/a/{id}.{id}", "`{id}` twice"),
        ];
        for (template, words) in refused {
            let message = PathSegment::parse(template)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            assert!(message.contains(words), "{template}: {message}");
        }
    }

    #[test]
    fn parameter_names_are_listed_in_order() {
        let segments = PathSegment::parse("/v1/{parent}/x/{base}...{head}").unwrap_or_default();
        let names: Vec<&str> = segments.iter().flat_map(PathSegment::param_names).collect();
        assert_eq!(names, ["parent", "base", "head"]);
    }
}
