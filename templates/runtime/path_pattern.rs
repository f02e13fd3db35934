//! The mock server's view of an operation's path template: which request paths it matches.
//! A `{name}` may fill its segment or share it with text (`/events/{event_id}:undelete`,
//! `/feeds/videos.{format}`, `/compare/{base}...{head}`); a parameter a test gave a value
//! matches that value as the client writes it, any other matches one or more characters.
//! Everything is compared in its percent-encoded form, the form a request line has.

/// A path template, segment by segment.
#[derive(Debug, Clone)]
pub(crate) struct PathPattern {
    segments: Vec<Vec<Piece>>,
}

/// A piece of one segment.
#[derive(Debug, Clone)]
enum Piece {
    /// Text of the template, percent-encoded.
    Text(String),
    /// A parameter, with the percent-encoded value a test expects, if any.
    Param(String, Option<String>),
}

impl PathPattern {
    /// The pattern of `template` (`/events/{event_id}:undelete`), every parameter open.
    pub(crate) fn parse(template: &str) -> Self {
        let segments = template
            .trim_start_matches('/')
            .split('/')
            .map(parse_segment)
            .collect();
        PathPattern { segments }
    }

    /// Makes the parameter `name` match only `value` (not yet encoded).
    pub(crate) fn expect(&mut self, name: &str, value: &str) {
        let encoded = encode_segment(value);
        for piece in self.segments.iter_mut().flatten() {
            if let Piece::Param(parameter, expected) = piece {
                if parameter == name {
                    *expected = Some(encoded.clone());
                }
            }
        }
    }

    /// Whether the request path `path` (percent-encoded, from the request line) matches.
    pub(crate) fn matches(&self, path: &str) -> bool {
        let found: Vec<&str> = path.trim_start_matches('/').split('/').collect();
        found.len() == self.segments.len()
            && self
                .segments
                .iter()
                .zip(found)
                .all(|(pieces, segment)| pieces_match(pieces, segment))
    }
}

/// The pieces of one segment: text between `{name}`s, and the names.
fn parse_segment(segment: &str) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut rest = segment;
    while let Some((before, after)) = rest.split_once('{') {
        let Some((name, tail)) = after.split_once('}') else {
            break;
        };
        if !before.is_empty() {
            pieces.push(Piece::Text(encode_segment(before)));
        }
        pieces.push(Piece::Param(name.to_string(), None));
        rest = tail;
    }
    if !rest.is_empty() || pieces.is_empty() {
        pieces.push(Piece::Text(encode_segment(rest)));
    }
    pieces
}

/// Whether `segment` is `pieces` in order. An open parameter takes one character or more, as
/// few or as many as the pieces after it need (`{base}...{head}` against `a...b...c` matches).
fn pieces_match(pieces: &[Piece], segment: &str) -> bool {
    match pieces.split_first() {
        None => segment.is_empty(),
        Some((Piece::Text(text), rest)) => segment
            .strip_prefix(text.as_str())
            .is_some_and(|tail| pieces_match(rest, tail)),
        Some((Piece::Param(_, Some(value)), rest)) => segment
            .strip_prefix(value.as_str())
            .is_some_and(|tail| pieces_match(rest, tail)),
        Some((Piece::Param(_, None), rest)) => segment
            .char_indices()
            .skip(1)
            .map(|(i, _)| i)
            .chain([segment.len()])
            .filter(|&end| end > 0)
            .any(|end| pieces_match(rest, &segment[end..])),
    }
}

/// `value` as the client writes it in a path segment (percent-encoded by `url`).
fn encode_segment(value: &str) -> String {
    let Ok(mut url) = url::Url::parse("http://127.0.0.1/") else {
        return value.to_string();
    };
    if let Ok(mut segments) = url.path_segments_mut() {
        segments.clear().push(value);
    }
    url.path().trim_start_matches('/').to_string()
}

#[cfg(test)]
mod tests {
    use super::PathPattern;

    #[test]
    fn whole_segments_match_literally_or_any_non_empty_value() {
        let pattern = PathPattern::parse("/expenses/{expenseId}/receipts");
        assert!(pattern.matches("/expenses/7/receipts"));
        assert!(!pattern.matches("/expenses//receipts"));
        assert!(!pattern.matches("/expenses/7"));
        assert!(!pattern.matches("/expenses/7/receipt"));
    }

    #[test]
    fn a_parameter_sharing_its_segment_matches_only_with_its_text() {
        let pattern = PathPattern::parse("/events/{event_id}:undelete");
        assert!(pattern.matches("/events/42:undelete"));
        assert!(!pattern.matches("/events/42"));
        assert!(!pattern.matches("/events/:undelete"));
        assert!(!pattern.matches("/events/42:delete"));
        let format = PathPattern::parse("/feeds/videos.{format}");
        assert!(format.matches("/feeds/videos.json"));
        assert!(!format.matches("/feeds/videos."));
        assert!(!format.matches("/feeds/audio.json"));
    }

    #[test]
    fn two_open_parameters_in_a_segment_take_what_the_text_between_leaves() {
        let pattern = PathPattern::parse("/compare/{base}...{head}");
        assert!(pattern.matches("/compare/main...topic"));
        assert!(pattern.matches("/compare/a...b...c"));
        assert!(!pattern.matches("/compare/...topic"));
        assert!(!pattern.matches("/compare/main..topic"));
    }

    #[test]
    fn an_expected_value_matches_in_its_encoded_form_only() {
        let mut pattern = PathPattern::parse("/events/{event_id}:undelete");
        pattern.expect("event_id", "a/b c.d:e");
        assert!(pattern.matches("/events/a%2Fb%20c.d:e:undelete"));
        assert!(!pattern.matches("/events/other:undelete"));
        let mut pair = PathPattern::parse("/range/{from}-{to}");
        pair.expect("to", "9");
        assert!(pair.matches("/range/1-9"));
        assert!(!pair.matches("/range/1-8"));
    }
}
