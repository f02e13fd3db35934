//! Cargo features per tag (`[features] per_tag`): which file and feature each type lands in,
//! and the features of the manifest.

mod common;

const SPEC: &str = r##"
openapi: 3.0.3
info: {title: Features, version: '1'}
servers: [{url: 'https://api.example.com'}]
paths:
  /v1/pets:
    get:
      operationId: listPets
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: array, items: {$ref: '#/components/schemas/Pet'}}
  /v1/owners:
    get:
      operationId: listOwners
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Owner'}
components:
  schemas:
    Pet:
      type: object
      properties:
        name: {type: string}
        tag: {$ref: '#/components/schemas/Label'}
    Owner:
      type: object
      properties:
        label: {$ref: '#/components/schemas/Label'}
    Label:
      type: object
      properties:
        text: {type: string}
    Orphan:
      type: object
      properties:
        pet: {$ref: '#/components/schemas/Pet'}
"##;

const CONFIG: &str =
    "[package]\nname = \"features-client\"\nversion = \"0.1.0\"\n\n[features]\nper_tag = true\n";

fn file<'a>(files: &'a [webwork_generator::GeneratedFile], path: &str) -> &'a str {
    files
        .iter()
        .find(|file| file.path == path)
        .map_or_else(|| panic!("no {path}"), |file| file.contents.as_str())
}

#[test]
fn each_type_sits_behind_the_one_tag_that_reaches_it() {
    let (_dir, spec) = common::spec_file(SPEC, Some(CONFIG));
    let files = webwork_generator::generate(&spec).unwrap_or_else(|e| panic!("{e}"));
    // Untagged operations take their resource: `/v1/pets` -> `pets`.
    let pets = file(&files, "src/types/pets.rs");
    assert!(pets.contains("pub struct Pet {"), "{pets}");
    let owners = file(&files, "src/types/owners.rs");
    assert!(owners.contains("pub struct Owner {"), "{owners}");
    // Reached by both tags: always compiled.
    let shared = file(&files, "src/types/shared.rs");
    assert!(shared.contains("pub struct Label {"), "{shared}");
    // Reached by no operation: with `full`, which brings `pets` that it refers to.
    let unused = file(&files, "src/types/unused.rs");
    assert!(unused.contains("pub struct Orphan {"), "{unused}");
    let index = file(&files, "src/types/mod.rs");
    assert!(
        index.contains("#[cfg(feature = \"pets\")]\nmod pets;"),
        "{index}"
    );
    assert!(
        index.contains("#[cfg(feature = \"full\")]\nmod unused;"),
        "{index}"
    );
    assert!(
        !index.contains("#[cfg(feature = \"full\")]\nmod shared;"),
        "{index}"
    );
    let operations = file(&files, "src/operations/mod.rs");
    assert!(
        operations.contains("#[cfg(feature = \"owners\")]\npub mod owners;"),
        "{operations}"
    );
    let mocks = file(&files, "src/mocks/mod.rs");
    assert!(
        mocks.contains("#[cfg(feature = \"pets\")]\nmod pets;"),
        "{mocks}"
    );
    let manifest = file(&files, "Cargo.toml");
    assert!(
        manifest.contains("default = [\"rustls-tls\", \"full\"]"),
        "{manifest}"
    );
    assert!(
        manifest.contains("full = [\"pets\", \"owners\"]"),
        "{manifest}"
    );
    assert!(manifest.contains("\npets = []"), "{manifest}");
}

#[test]
fn without_per_tag_nothing_is_gated() {
    let config = CONFIG.replace("per_tag = true", "per_tag = false");
    let (_dir, spec) = common::spec_file(SPEC, Some(&config));
    let files = webwork_generator::generate(&spec).unwrap_or_else(|e| panic!("{e}"));
    assert!(files.iter().any(|f| f.path == "src/types.rs"));
    assert!(files
        .iter()
        .filter(|f| f.path.ends_with(".rs"))
        .all(|f| !f.contents.contains("#[cfg(feature = \"pets\")]")));
    assert!(!file(&files, "Cargo.toml").contains("full ="));
}

#[test]
fn a_tag_named_like_a_keyword_has_a_module_file_and_feature_of_its_own() {
    let spec = SPEC.replace("/v1/owners:", "/v1/type:");
    let (_dir, spec) = common::spec_file(&spec, Some(CONFIG));
    let files = webwork_generator::generate(&spec).unwrap_or_else(|e| panic!("{e}"));
    // The naming choke point turns the keyword into `type_`; its feature is the word itself.
    let modules = file(&files, "src/operations/mod.rs");
    assert!(
        modules.contains("#[cfg(feature = \"type\")]\npub mod type_;"),
        "{modules}"
    );
    file(&files, "src/operations/type_.rs");
    file(&files, "src/mocks/type_.rs");
    assert!(file(&files, "Cargo.toml").contains("\ntype = ["));
    let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    assert!(paths.iter().all(|path| !path.contains("r#")), "{paths:?}");
}
