// Hand-written CLI runtime, copied from templates/cli/ by `cargo xtask regenerate`. Do not edit here.

//! What went wrong, as a message a person can act on and a documented exit code.

use std::fmt;
use std::time::Duration;

/// The exit codes, as `--help` lists them.
pub const EXIT_CODES: &str = "\
Exit codes:
  0  success
  1  any other failure
  2  usage: a flag is missing or malformed, a body file cannot be read
  3  unauthorized (401): the token is missing, invalid or expired
  4  forbidden (403): the token's user may not do this
  5  not found (404)
  6  validation (422): each field's messages are printed
  7  rate limited (429): the wait the server asked for is printed
  8  server error (5xx)
  9  transport: no connection, a timeout, an answer that cannot be read";

/// A failure of a command, by kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// The command line or its input is wrong (exit 2).
    Usage(String),
    /// 401 (exit 3).
    Unauthorized(String),
    /// 403 (exit 4).
    Forbidden(String),
    /// 404 (exit 5).
    NotFound(String),
    /// 422, with each field's messages (exit 6).
    Validation {
        /// The server's message.
        message: String,
        /// Each field with its messages, in the server's order.
        fields: Vec<(String, Vec<String>)>,
    },
    /// 429, with the wait the server asked for (exit 7).
    RateLimited {
        /// The server's message.
        message: String,
        /// How long to wait, when the server said.
        wait: Option<Duration>,
    },
    /// 5xx (exit 8).
    Server(String),
    /// No answer, or one that cannot be read (exit 9).
    Transport(String),
    /// Anything else (exit 1).
    Other(String),
}

impl Failure {
    /// The process's exit code for this failure.
    #[must_use]
    pub fn exit_code(&self) -> u8 {
        match self {
            Failure::Other(_) => 1,
            Failure::Usage(_) => 2,
            Failure::Unauthorized(_) => 3,
            Failure::Forbidden(_) => 4,
            Failure::NotFound(_) => 5,
            Failure::Validation { .. } => 6,
            Failure::RateLimited { .. } => 7,
            Failure::Server(_) => 8,
            Failure::Transport(_) => 9,
        }
    }

    /// The failure of an answer with HTTP status `status` that is not a success.
    #[must_use]
    pub fn for_status(status: u16, message: String) -> Failure {
        match status {
            401 => Failure::Unauthorized(message),
            403 => Failure::Forbidden(message),
            404 => Failure::NotFound(message),
            422 => Failure::Validation {
                message,
                fields: Vec::new(),
            },
            429 => Failure::RateLimited {
                message,
                wait: None,
            },
            500..=599 => Failure::Server(message),
            _ => Failure::Other(message),
        }
    }

    /// The same failure with every occurrence of `secret` blanked out.
    #[must_use]
    pub fn redacted(self, secret: Option<&str>) -> Failure {
        let Some(secret) = secret.filter(|s| !s.is_empty()) else {
            return self;
        };
        let clean = |text: String| text.replace(secret, "[redacted]");
        match self {
            Failure::Usage(m) => Failure::Usage(clean(m)),
            Failure::Unauthorized(m) => Failure::Unauthorized(clean(m)),
            Failure::Forbidden(m) => Failure::Forbidden(clean(m)),
            Failure::NotFound(m) => Failure::NotFound(clean(m)),
            Failure::Validation { message, fields } => Failure::Validation {
                message: clean(message),
                fields: fields
                    .into_iter()
                    .map(|(f, ms)| (clean(f), ms.into_iter().map(clean).collect()))
                    .collect(),
            },
            Failure::RateLimited { message, wait } => Failure::RateLimited {
                message: clean(message),
                wait,
            },
            Failure::Server(m) => Failure::Server(clean(m)),
            Failure::Transport(m) => Failure::Transport(clean(m)),
            Failure::Other(m) => Failure::Other(clean(m)),
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Usage(m) | Failure::Transport(m) | Failure::Other(m) => write!(f, "error: {m}"),
            Failure::Unauthorized(m) => write!(
                f,
                "error: unauthorized: {m}\nhint: check the token (--token, the environment variable, or `auth login`)"
            ),
            Failure::Forbidden(m) => write!(f, "error: forbidden: {m}"),
            Failure::NotFound(m) => write!(f, "error: not found: {m}"),
            Failure::Validation { message, fields } => {
                write!(f, "error: validation failed: {message}")?;
                for (field, messages) in fields {
                    for text in messages {
                        write!(f, "\n  {field}: {text}")?;
                    }
                }
                Ok(())
            }
            Failure::RateLimited { message, wait } => {
                write!(f, "error: rate limited: {message}")?;
                match wait {
                    Some(wait) => write!(f, "\nhint: try again in {} s", wait.as_secs().max(1)),
                    None => write!(f, "\nhint: try again in a minute"),
                }
            }
            Failure::Server(m) => write!(f, "error: server error: {m}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_has_its_documented_code() {
        let codes: Vec<u8> = [401, 403, 404, 422, 429, 500, 503, 418]
            .into_iter()
            .map(|status| Failure::for_status(status, String::new()).exit_code())
            .collect();
        assert_eq!(codes, [3, 4, 5, 6, 7, 8, 8, 1]);
        assert_eq!(Failure::Usage(String::new()).exit_code(), 2);
        assert_eq!(Failure::Transport(String::new()).exit_code(), 9);
        for code in 0..=9 {
            assert!(EXIT_CODES.contains(&format!("  {code}  ")));
        }
    }

    #[test]
    fn validation_lists_every_message_and_rate_limits_the_wait() {
        let failure = Failure::Validation {
            message: "The given data was invalid.".into(),
            fields: vec![(
                "amount".into(),
                vec!["must be positive".into(), "is required".into()],
            )],
        };
        assert_eq!(
            failure.to_string(),
            "error: validation failed: The given data was invalid.\n  amount: must be positive\n  amount: is required"
        );
        let failure = Failure::RateLimited {
            message: "Too Many Attempts.".into(),
            wait: Some(Duration::from_secs(30)),
        };
        assert!(failure.to_string().ends_with("try again in 30 s"));
    }

    #[test]
    fn a_secret_is_blanked_out() {
        let failure =
            Failure::Transport("sent tok-123 to the server".into()).redacted(Some("tok-123"));
        assert_eq!(failure.to_string(), "error: sent [redacted] to the server");
    }
}
