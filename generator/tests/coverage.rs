//! Every operation of the spec has a method in the committed client: no silent drop.
//! The spec is read here with serde_yaml alone, independently of the generator.

mod common;

use heck::ToSnakeCase;

#[test]
fn every_operation_id_has_a_client_method() {
    let root = common::root();
    let text = std::fs::read_to_string(root.join("spec/webwork-v2.yaml")).expect("spec");
    let spec: serde_yaml::Value = serde_yaml::from_str(&text).expect("yaml");
    let methods = [
        "get", "put", "post", "delete", "options", "head", "patch", "trace",
    ];
    let mut ids = Vec::new();
    for (_, item) in spec["paths"].as_mapping().expect("paths") {
        for method in methods {
            if let Some(id) = item[method]["operationId"].as_str() {
                ids.push(id.to_string());
            }
        }
    }
    assert!(
        ids.len() >= 66,
        "the spec describes {} operations",
        ids.len()
    );

    let mut generated = String::new();
    for entry in
        std::fs::read_dir(root.join("generated-client/src/operations")).expect("operations")
    {
        generated.push_str(&std::fs::read_to_string(entry.expect("entry").path()).expect("read"));
    }
    let missing: Vec<&String> = ids
        .iter()
        .filter(|id| !generated.contains(&format!("pub fn {}(&self)", id.to_snake_case())))
        .collect();
    assert!(
        missing.is_empty(),
        "operations without a client method: {missing:?}"
    );
}
