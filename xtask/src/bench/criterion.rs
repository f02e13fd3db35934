//! Reading the figures back: criterion's `estimates.json` and `benchmark.json`, and the
//! `name value` lines the client benchmark writes.

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde::Deserialize;

/// The part of criterion's `new/estimates.json` the table reads.
#[derive(Deserialize)]
struct Estimates {
    median: Estimate,
}

#[derive(Deserialize)]
struct Estimate {
    /// Nanoseconds.
    point_estimate: f64,
}

/// The part of criterion's `new/benchmark.json` the table reads.
#[derive(Deserialize)]
struct Benchmark {
    throughput: Option<Throughput>,
}

/// What a benchmark declared it processes per iteration: `{"Elements": n}`, or bytes (which
/// the table does not read).
#[derive(Deserialize)]
struct Throughput {
    #[serde(rename = "Elements")]
    elements: Option<u64>,
}

/// The figures criterion saved under `target/criterion/`.
pub struct Figures {
    dir: PathBuf,
}

impl Figures {
    pub fn new(dir: PathBuf) -> Self {
        Figures { dir }
    }

    /// The median time of benchmark `id` (`group/function[/input]`), in nanoseconds.
    pub fn median_ns(&self, id: &str) -> Result<f64, String> {
        let estimates: Estimates = self.read(id, "estimates.json")?;
        Ok(estimates.median.point_estimate)
    }

    /// The number of elements benchmark `id` declared as its throughput.
    pub fn elements(&self, id: &str) -> Result<f64, String> {
        let benchmark: Benchmark = self.read(id, "benchmark.json")?;
        match benchmark
            .throughput
            .and_then(|throughput| throughput.elements)
        {
            // Element counts are small; f64 holds them exactly.
            #[allow(clippy::cast_precision_loss)]
            Some(count) => Ok(count as f64),
            None => Err(format!("{id} declared no element throughput")),
        }
    }

    fn read<T: DeserializeOwned>(&self, id: &str, file: &str) -> Result<T, String> {
        let path = self.dir.join(id).join("new").join(file);
        let text = std::fs::read_to_string(&path)
            .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
        serde_json::from_str(&text).map_err(|error| format!("{}: {error}", path.display()))
    }
}

/// The `name value` lines the client benchmark writes (see `ids::extra`).
pub struct Extras(Vec<(String, f64)>);

impl Extras {
    /// The lines of `path`; none when it is missing.
    pub fn read(path: &Path) -> Self {
        Extras::parse(&std::fs::read_to_string(path).unwrap_or_default())
    }

    fn parse(text: &str) -> Self {
        let values = text
            .lines()
            .filter_map(|line| {
                let (name, value) = line.split_once(' ')?;
                Some((name.to_string(), value.trim().parse().ok()?))
            })
            .collect();
        Extras(values)
    }

    /// The value named `name`.
    pub fn get(&self, name: &str) -> Option<f64> {
        self.0.iter().find(|(n, _)| n == name).map(|(_, v)| *v)
    }

    /// Both values of a pair of names (the client's and the baseline's, say).
    pub fn pair(&self, names: [&str; 2]) -> Option<(f64, f64)> {
        Some((self.get(names[0])?, self.get(names[1])?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_read_from_criterions_json() -> Result<(), String> {
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        let new = dir.path().join("stages/generate/new");
        std::fs::create_dir_all(&new).map_err(|e| e.to_string())?;
        let write = |file: &str, text: &str| std::fs::write(new.join(file), text);
        write(
            "estimates.json",
            r#"{"mean":{"point_estimate":9.0,"standard_error":1.0},"median":{"confidence_interval":{"confidence_level":0.95,"lower_bound":1.0,"upper_bound":2.0},"point_estimate":1234.5,"standard_error":0.5}}"#,
        )
        .map_err(|e| e.to_string())?;
        write(
            "benchmark.json",
            r#"{"group_id":"stages","function_id":"generate","throughput":{"Elements":66}}"#,
        )
        .map_err(|e| e.to_string())?;
        let figures = Figures::new(dir.path().to_path_buf());
        assert!((figures.median_ns("stages/generate")? - 1234.5).abs() < f64::EPSILON);
        assert!((figures.elements("stages/generate")? - 66.0).abs() < f64::EPSILON);
        assert!(figures.median_ns("stages/missing").is_err());
        write("benchmark.json", r#"{"throughput":{"Bytes":10}}"#).map_err(|e| e.to_string())?;
        assert!(figures.elements("stages/generate").is_err());
        Ok(())
    }

    #[test]
    fn extras_are_name_value_lines() {
        let extras = Extras::parse("a 1.5\nb 2\nnot a number\n");
        assert_eq!(extras.get("a"), Some(1.5));
        assert_eq!(extras.pair(["a", "b"]), Some((1.5, 2.0)));
        assert_eq!(extras.pair(["a", "c"]), None);
    }
}
