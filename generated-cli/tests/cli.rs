// Hand-written end-to-end test, copied from templates/cli-crate/tests/ by `cargo xtask regenerate`. Do not edit here.

