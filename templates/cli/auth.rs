//! Which token a command uses: `--token`, else the environment variable, else the config
//! file; and `auth status`, which says which without printing it.

use super::config::Config;
use super::exit::Failure;

/// Where the token in use comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// `--token`.
    Flag,
    /// The environment variable of this name.
    Environment(&'static str),
    /// The config file at this path.
    File(std::path::PathBuf),
}

/// A token and where it comes from.
#[derive(Clone, PartialEq, Eq)]
pub struct Token {
    /// The token itself; never printed.
    pub secret: String,
    /// Where it comes from.
    pub source: Source,
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Token")
            .field("secret", &"[redacted]")
            .field("source", &self.source)
            .finish()
    }
}

/// The token to use: `flag` (`--token`), else the environment variable `env`, else the one
/// stored in `config`; none when there is none (a spec without authentication, or a server
/// that answers 401).
///
/// # Errors
/// [`Failure::Other`] when the config file exists but cannot be read.
pub fn resolve(
    flag: Option<&str>,
    env: &'static str,
    config: &Config,
) -> Result<Option<Token>, Failure> {
    if let Some(secret) = flag.filter(|t| !t.is_empty()) {
        return Ok(Some(Token {
            secret: secret.to_string(),
            source: Source::Flag,
        }));
    }
    if let Some(secret) = std::env::var(env).ok().filter(|t| !t.is_empty()) {
        return Ok(Some(Token {
            secret,
            source: Source::Environment(env),
        }));
    }
    Ok(config.token()?.map(|secret| Token {
        secret,
        source: Source::File(config.token_path()),
    }))
}

/// The text of `auth status`: where the token comes from, and its length, never the token.
#[must_use]
pub fn status(token: Option<&Token>, app: &str, env: &str) -> String {
    match token {
        None => format!(
            "Not logged in: no --token, no ${env}, and no token stored (run `{app} auth login`)."
        ),
        Some(token) => {
            let from = match &token.source {
                Source::Flag => "the --token flag".to_string(),
                Source::Environment(name) => format!("the environment variable ${name}"),
                Source::File(path) => format!("the config file {}", path.display()),
            };
            format!(
                "Using a token from {from} ({} characters).",
                token.secret.chars().count()
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flag_wins_then_the_file_and_status_never_shows_the_token() {
        let dir = tempfile::tempdir().unwrap();
        let config = Config::at(dir.path().to_path_buf());
        // An environment variable no test sets.
        let env = "WEBWORK_CLI_RUNTIME_TEST_UNSET_TOKEN";
        assert_eq!(resolve(None, env, &config).unwrap(), None);
        config.store_token("stored-secret").unwrap();
        let stored = resolve(None, env, &config).unwrap().unwrap();
        assert_eq!(stored.source, Source::File(config.token_path()));
        let flag = resolve(Some("flag-secret"), env, &config).unwrap().unwrap();
        assert_eq!(
            (flag.secret.as_str(), &flag.source),
            ("flag-secret", &Source::Flag)
        );
        for token in [&stored, &flag] {
            let text = status(Some(token), "demo", env);
            assert!(!text.contains(&token.secret), "{text}");
            assert!(!format!("{token:?}").contains(&token.secret));
        }
        assert!(status(Some(&flag), "demo", env).contains("--token"));
        assert!(status(None, "demo", env).contains("demo auth login"));
    }
}
