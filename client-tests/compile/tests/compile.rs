//! Programs a user of the crate writes: those in `pass/` compile, those in `fail/` do not, and
//! the compiler's messages for them are the `.stderr` files beside them (`TRYBUILD=overwrite`
//! rewrites them after a deliberate change).

#[test]
fn what_compiles_and_what_the_compiler_refuses() {
    let cases = trybuild::TestCases::new();
    cases.pass("tests/pass/*.rs");
    cases.compile_fail("tests/fail/*.rs");
}
