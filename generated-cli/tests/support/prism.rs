// Hand-written test support, copied from templates/tests/ by `cargo xtask regenerate`. Do not edit here.

//! A Stoplight Prism mock of the spec for the generated contract tests (the client's and the
//! command line's): started on a free port of 127.0.0.1, installed with npm when missing.

/// A Stoplight Prism mock server, started from the spec in its validating mode on 127.0.0.1.
/// Prism answers requests that break the spec with an error and an `sl-violations` header.
pub struct Prism {
    child: std::process::Child,
    url: String,
}

impl Prism {
    /// Starts Prism on a free port, installing it with npm into `target/prism` when it is not
    /// there. Fails loudly (panics) when it cannot be installed or started.
    pub fn start(spec: &std::path::Path) -> Prism {
        Prism::launch(spec, &["--errors"])
    }

    /// Like [`Prism::start`], but an answer that breaks the spec is still sent (with an
    /// `sl-violations` header) instead of a 500; a request that breaks it is still refused.
    /// For specs without examples, whose answers Prism makes up from the schemas and cannot
    /// always make valid (a `oneOf` whose alternatives overlap).
    pub fn start_checking_requests(spec: &std::path::Path) -> Prism {
        Prism::launch(spec, &[])
    }

    /// Like [`Prism::start`], in dynamic mode: Prism answers with values json-schema-faker
    /// makes from the schemas, not with the examples. With the same `seed`, Prism gives every
    /// request of an operation the same answer, run after run.
    pub fn start_dynamic(spec: &std::path::Path, seed: &str) -> Prism {
        Prism::launch(spec, &["--errors", "--dynamic", "--seed", seed])
    }

    fn launch(spec: &std::path::Path, mode: &[&str]) -> Prism {
        assert!(
            spec.exists(),
            "the spec {} is missing; the contract test needs it",
            spec.display()
        );
        let binary = prism_binary();
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .expect("a free port on 127.0.0.1")
            .port();
        let log = std::env::temp_dir().join(format!("prism-{port}.log"));
        let child = std::process::Command::new(&binary)
            .args(["mock", "--host", "127.0.0.1", "--port", &port.to_string()])
            .args(mode)
            .arg(spec)
            .stdout(std::fs::File::create(&log).expect("prism log"))
            .stderr(std::process::Stdio::inherit())
            .spawn()
            .unwrap_or_else(|error| panic!("cannot start Prism ({}): {error}", binary.display()));
        let mut prism = Prism {
            child,
            url: format!("http://127.0.0.1:{port}"),
        };
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(90);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            if let Ok(Some(status)) = prism.child.try_wait() {
                panic!(
                    "Prism exited with {status}; its log: {}",
                    std::fs::read_to_string(&log).unwrap_or_default()
                );
            }
            assert!(
                std::time::Instant::now() < deadline,
                "Prism did not start within 90 s; its log: {}",
                std::fs::read_to_string(&log).unwrap_or_default()
            );
            std::thread::sleep(std::time::Duration::from_millis(200));
        }
        prism
    }

    /// The mock's base URL (`http://127.0.0.1:<port>`).
    pub fn url(&self) -> &str {
        &self.url
    }
}

impl Drop for Prism {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `PRISM_BIN`, or Prism under `target/prism`, installed there with npm when missing.
fn prism_binary() -> std::path::PathBuf {
    if let Some(binary) = std::env::var_os("PRISM_BIN") {
        return binary.into();
    }
    let prefix = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/prism");
    let binary = prefix.join("node_modules/.bin/prism");
    if !binary.exists() {
        std::fs::create_dir_all(&prefix).expect("target/prism");
        let status = std::process::Command::new("npm")
            .args(["install", "--no-audit", "--no-fund", "--silent", "--prefix"])
            .arg(&prefix)
            .arg("@stoplight/prism-cli@5")
            .status()
            .unwrap_or_else(|error| panic!("cannot run npm to install Prism: {error}"));
        assert!(
            status.success(),
            "npm could not install @stoplight/prism-cli ({status})"
        );
    }
    binary
}
