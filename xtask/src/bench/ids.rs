//! The names of the benchmarks: criterion's `group/function[/input]` ids and the extra figures
//! the client benchmark writes. The benches that run them (`generator/benches/pipeline.rs`,
//! `client-tests/benches/client.rs`) include this file, and `cargo xtask bench` reads the
//! figures by the same names, so a renamed benchmark cannot leave the table reading nothing.

// Each includer uses only its own names.
#![allow(dead_code)]

/// The generator's stages, on the WebWork spec.
pub mod stages {
    /// The criterion group.
    pub const GROUP: &str = "stages";
    /// YAML to openapiv3.
    pub const LOAD_PARSE: &str = "load_parse";
    /// Resolve and lower to the model.
    pub const LOWER: &str = "lower";
    /// The model to Rust tokens.
    pub const EMIT_TOKENS: &str = "emit_tokens";
    /// prettyplease.
    pub const FORMAT: &str = "format";
    /// Cargo.toml and README.
    pub const RENDER_TEMPLATES: &str = "render_templates";
    /// Writing every file new.
    pub const WRITE: &str = "write";
    /// Writing when nothing changed (compare only).
    pub const WRITE_UNCHANGED: &str = "write_unchanged";
    /// The whole pipeline, in process.
    pub const GENERATE: &str = "generate";
}

/// The pipeline on specs made of several copies of the WebWork spec.
pub mod growth {
    /// The criterion group.
    pub const GROUP: &str = "growth";
    /// The function, whose input is the number of copies.
    pub const GENERATE: &str = "generate";
    /// The numbers of copies.
    pub const COPIES: [usize; 3] = [1, 10, 100];
}

/// The client against bare reqwest + serde_json.
pub mod client {
    /// The group of a GET answering 100 items.
    pub const DECODE_100: &str = "decode_100";
    /// The group of a round trip of one item.
    pub const ROUND_TRIP: &str = "round_trip";
    /// The client's side of each group.
    pub const CLIENT: &str = "client";
    /// The baseline's side of each group.
    pub const BASELINE: &str = "reqwest_serde";
    /// The group of `.stream()` over pages.
    pub const PAGINATE: &str = "paginate";
    /// 50 pages of 100 items.
    pub const STREAM_50X100: &str = "stream_50x100";
}

/// The `name value` lines the client benchmark writes beside criterion's figures.
pub mod extra {
    /// Allocations per request, 1 item: client and baseline.
    pub const ALLOC_ROUND_TRIP: [&str; 2] =
        ["alloc_round_trip_client", "alloc_round_trip_reqwest_serde"];
    /// Allocations per request, 100 items: client and baseline.
    pub const ALLOC_DECODE_100: [&str; 2] =
        ["alloc_decode_100_client", "alloc_decode_100_reqwest_serde"];
    /// Peak live heap while paginating: 1 page and 50 pages.
    pub const PAGINATE_PEAK_BYTES: [&str; 2] =
        ["paginate_peak_bytes_1_page", "paginate_peak_bytes_50_pages"];
    /// The round trip with the two sides interleaved per request (median ns): client and baseline.
    pub const ROUND_TRIP_INTERLEAVED_NS: [&str; 2] = [
        "round_trip_interleaved_ns_client",
        "round_trip_interleaved_ns_reqwest_serde",
    ];
    /// The same with `rate_limit` on but not binding (median ns): paced client and baseline.
    pub const ROUND_TRIP_PACED_INTERLEAVED_NS: [&str; 2] = [
        "round_trip_paced_interleaved_ns_client",
        "round_trip_paced_interleaved_ns_reqwest_serde",
    ];
}
