// Hand-written CLI runtime, copied from templates/cli/ by `cargo xtask regenerate`. Do not edit here.

//! The per-user config folder and the token stored in it by `auth login`, readable by its
//! owner only.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::exit::Failure;

/// The name of the token's file in the config folder.
const TOKEN_FILE: &str = "token";

/// Where the command line keeps its files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    folder: PathBuf,
}

impl Config {
    /// The folder named by the environment variable `env` when set, else the platform's
    /// per-user config folder for `app` (`~/.config/webwork` on Linux).
    ///
    /// # Errors
    /// [`Failure::Other`] when the platform has no home folder.
    pub fn locate(app: &str, env: &str) -> Result<Config, Failure> {
        if let Some(folder) = std::env::var_os(env).filter(|f| !f.is_empty()) {
            return Ok(Config::at(PathBuf::from(folder)));
        }
        directories::ProjectDirs::from("", "", app)
            .map(|dirs| Config::at(dirs.config_dir().to_path_buf()))
            .ok_or_else(|| {
                Failure::Other(format!("no home folder to keep the config in; set {env}"))
            })
    }

    /// The config in `folder`.
    #[must_use]
    pub fn at(folder: PathBuf) -> Config {
        Config { folder }
    }

    /// The token file's path.
    #[must_use]
    pub fn token_path(&self) -> PathBuf {
        self.folder.join(TOKEN_FILE)
    }

    /// The stored token, when there is one.
    ///
    /// # Errors
    /// [`Failure::Other`] when the file exists but cannot be read.
    pub fn token(&self) -> Result<Option<String>, Failure> {
        let path = self.token_path();
        match std::fs::read_to_string(&path) {
            Ok(text) => Ok(Some(text.trim().to_string()).filter(|t| !t.is_empty())),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(error) => Err(Failure::Other(format!(
                "cannot read {}: {error}",
                path.display()
            ))),
        }
    }

    /// Stores `token`, in a file created readable and writable by its owner only (mode 0600
    /// on Unix), replacing any stored before.
    ///
    /// # Errors
    /// [`Failure::Other`] when the folder or the file cannot be written.
    pub fn store_token(&self, token: &str) -> Result<PathBuf, Failure> {
        let fail = |path: &Path, error: std::io::Error| {
            Failure::Other(format!("cannot write {}: {error}", path.display()))
        };
        std::fs::create_dir_all(&self.folder).map_err(|e| fail(&self.folder, e))?;
        let path = self.token_path();
        // A new file, so that the mode is the one it is created with.
        let _ = std::fs::remove_file(&path);
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options.open(&path).map_err(|e| fail(&path, e))?;
        writeln!(file, "{token}").map_err(|e| fail(&path, e))?;
        Ok(path)
    }

    /// Removes the stored token; whether there was one.
    ///
    /// # Errors
    /// [`Failure::Other`] when the file exists but cannot be removed.
    pub fn remove_token(&self) -> Result<bool, Failure> {
        let path = self.token_path();
        match std::fs::remove_file(&path) {
            Ok(()) => Ok(true),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(false),
            Err(error) => Err(Failure::Other(format!(
                "cannot remove {}: {error}",
                path.display()
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_token_is_read_back_and_removed() {
        let dir = tempfile::tempdir().unwrap();
        let config = Config::at(dir.path().join("nested"));
        assert_eq!(config.token().unwrap(), None);
        let path = config.store_token("tok-1").unwrap();
        config.store_token("tok-2").unwrap();
        assert_eq!(config.token().unwrap().as_deref(), Some("tok-2"));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        assert!(config.remove_token().unwrap());
        assert!(!config.remove_token().unwrap());
    }
}
