//! The intermediate model, checked directly: what lowering makes of small specs.

mod common;

use webwork_generator::model::{
    BodyEncoding, ParamLocation, ParamStyle, Payload, Primitive, TypeKind, TypeRef,
};

fn builders() -> webwork_generator::model::Api {
    webwork_generator::load_model(&common::fixture("builders").join("api.yaml"))
        .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn parameters_come_from_path_item_then_operation() {
    let api = builders();
    let op = api
        .operations
        .iter()
        .find(|op| op.id == "updateMember")
        .expect("updateMember");
    let params: Vec<(&str, &str, ParamLocation)> = op
        .params
        .iter()
        .map(|p| (p.wire_name.as_str(), p.rust_name.as_str(), p.location))
        .collect();
    assert_eq!(
        params,
        [
            ("teamId", "team_id", ParamLocation::Path),
            ("memberId", "member_id", ParamLocation::Path),
            ("type", "type_", ParamLocation::Query),
            ("X-Request-Id", "x_request_id", ParamLocation::Header),
            ("ids", "ids", ParamLocation::Query),
        ]
    );
    assert!(op.params[0].required, "path parameters are always required");
    assert_eq!(
        op.params[4].ty,
        TypeRef::Array(Box::new(TypeRef::Primitive(Primitive::I64)))
    );
}

#[test]
fn body_properties_get_setters_that_do_not_collide() {
    let api = builders();
    let op = api
        .operations
        .iter()
        .find(|op| op.id == "updateMember")
        .expect("updateMember");
    let body = op.body.as_ref().expect("body");
    assert_eq!(body.ty, TypeRef::Named("UpdateMemberBody".into()));
    let setters: Vec<(&str, &str)> = body
        .fields
        .iter()
        .map(|f| (f.field.rust_name.as_str(), f.setter.as_str()))
        .collect();
    assert_eq!(
        setters,
        [
            ("name", "name"),
            ("type_", "body_type"),
            ("self_", "self_"),
            ("match_", "match_")
        ]
    );
}

#[test]
fn inline_schemas_are_named_from_their_place() {
    let api = builders();
    let names: Vec<&str> = api.types.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "UpdateMemberBody",
            "UpdateMemberData",
            "UpdateMemberDataRole"
        ]
    );
    let role = api
        .types
        .iter()
        .find(|t| t.name == "UpdateMemberDataRole")
        .expect("role enum");
    assert!(matches!(&role.kind, TypeKind::StringEnum { fallback, .. } if fallback == "Other"));
}

#[test]
fn an_operation_without_id_is_named_from_method_and_path() {
    let api = builders();
    let op = api
        .operations
        .iter()
        .find(|op| op.path == "/teams")
        .expect("/teams");
    assert_eq!(op.method_name, "get_teams");
    assert_eq!(op.builder_name, "GetTeams");
    assert_eq!(op.success.data, TypeRef::Primitive(Primitive::Unit));
}

#[test]
fn the_envelope_is_unwrapped_to_its_data() {
    let api = webwork_generator::load_model(&common::fixture("envelope").join("api.yaml"))
        .unwrap_or_else(|e| panic!("{e}"));
    let by_id = |id: &str| api.operations.iter().find(|op| op.id == id).expect(id);
    let list = by_id("listItems");
    assert!(list.success.enveloped());
    assert_eq!(
        list.success.data,
        TypeRef::Array(Box::new(TypeRef::Named("Item".into())))
    );
    assert!(list.paging.is_some());
    assert_eq!(
        by_id("deleteItem").success.data,
        TypeRef::Primitive(Primitive::Unit)
    );
    assert!(!by_id("health").success.enveloped());
    assert_eq!(
        api.envelope.as_ref().and_then(|e| e.meta_type.clone()),
        Some(TypeRef::Named("Meta".into()))
    );
    assert_eq!(api.base_url, "https://api.example.test/v1");
    // The envelope schema itself is not a type of the crate.
    assert!(api.types.iter().all(|t| t.name != "Done"));
}

fn media() -> webwork_generator::model::Api {
    webwork_generator::load_model(&common::fixture("media").join("api.yaml"))
        .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn bodies_are_read_by_media_type() {
    let api = media();
    let body = |id: &str| {
        let op = api.operations.iter().find(|op| op.id == id).expect(id);
        op.body.clone().expect("a body")
    };
    let upload = body("uploadDocument");
    assert_eq!(upload.encoding, BodyEncoding::Multipart);
    assert_eq!(
        upload.part_types,
        [("file".to_string(), "application/pdf".to_string())]
    );
    let setters: Vec<&str> = upload.fields.iter().map(|f| f.setter.as_str()).collect();
    // `pages` is a builder method of paged lists, so the property's setter is prefixed.
    assert_eq!(
        setters,
        ["file", "attachments", "title", "body_pages", "tags", "meta"]
    );
    for (id, media) in [
        ("replaceDocument", "application/octet-stream"),
        ("addNote", "text/plain"),
    ] {
        let raw = body(id);
        assert_eq!(raw.encoding, BodyEncoding::Raw, "{id}");
        assert_eq!(raw.media_type, media);
        assert_eq!(raw.ty, TypeRef::Primitive(Primitive::Bytes));
    }
}

#[test]
fn success_answers_of_different_shapes_become_one_enum() {
    let api = media();
    let success = |id: &str| {
        let op = api.operations.iter().find(|op| op.id == id).expect(id);
        op.success.clone()
    };
    let upload = success("uploadDocument");
    let answers = upload.per_status.expect("three shapes");
    assert_eq!(answers.name, "UploadDocumentAnswer");
    let variants: Vec<(u16, &str, Payload, TypeRef)> = answers
        .variants
        .iter()
        .map(|v| (v.status, v.name.as_str(), v.payload, v.data.clone()))
        .collect();
    assert_eq!(
        variants,
        [
            (200, "Ok", Payload::Json, TypeRef::Named("Document".into())),
            (202, "Accepted", Payload::Json, TypeRef::Named("Job".into())),
            (
                204,
                "NoContent",
                Payload::Empty,
                TypeRef::Primitive(Primitive::Unit)
            ),
        ]
    );
    // 200 and 201 both answer with a Document: one type, no enum.
    let replace = success("replaceDocument");
    assert!(replace.per_status.is_none());
    assert_eq!(replace.data, TypeRef::Named("Document".into()));
    let download = success("downloadDocument");
    assert_eq!(download.payload, Payload::Binary);
    assert_eq!(download.data, TypeRef::Primitive(Primitive::Bytes));
}

const HEADERS_SPEC: &str = r#"openapi: 3.0.3
info: {title: T, version: '1'}
paths:
  /a:
    get:
      operationId: getA
      responses:
        '200':
          description: ok
          headers:
            X-Next:
              description: The next page
              schema: {type: string}
          content:
            application/json:
              schema:
                type: object
                properties:
                  ok: {type: boolean, enum: [true]}
        '429':
          $ref: '#/components/responses/TooMany'
components:
  headers:
    RetryAfter:
      description: Seconds to wait
      required: true
      x-unconfirmed: no page names it
      schema: {$ref: '#/components/schemas/Seconds'}
  responses:
    TooMany:
      description: slow down
      headers:
        Retry-After: {$ref: '#/components/headers/RetryAfter'}
  schemas:
    Seconds: {type: integer}
"#;

#[test]
fn response_headers_are_resolved_through_components() {
    let (_dir, path) = common::spec_file(HEADERS_SPEC, None);
    let api = webwork_generator::load_model(&path).unwrap_or_else(|e| panic!("{e}"));
    let op = &api.operations[0];
    let headers: Vec<(Option<u16>, &str, bool, Option<&str>)> = op
        .response_headers
        .iter()
        .map(|h| {
            (
                h.status,
                h.name.as_str(),
                h.required,
                h.docs.description.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        headers,
        [
            (Some(200), "X-Next", false, Some("The next page")),
            (Some(429), "Retry-After", true, Some("Seconds to wait")),
        ]
    );
    assert_eq!(
        op.response_headers[1].docs.notes,
        ["Unconfirmed: no page names it"]
    );
    assert_eq!(op.error_statuses, [429]);
}

#[test]
fn a_one_value_boolean_enum_is_a_bool() {
    let (_dir, path) = common::spec_file(HEADERS_SPEC, None);
    let api = webwork_generator::load_model(&path).unwrap_or_else(|e| panic!("{e}"));
    let data = api
        .types
        .iter()
        .find(|t| t.name == "GetAData")
        .unwrap_or_else(|| panic!("GetAData in {:?}", api.types));
    let TypeKind::Struct { fields, .. } = &data.kind else {
        panic!("a struct: {data:?}");
    };
    assert_eq!(fields[0].ty, TypeRef::Primitive(Primitive::Bool));
    assert!(
        !api.types
            .iter()
            .any(|t| matches!(t.kind, TypeKind::StringEnum { .. }) || t.name.contains("Ok")),
        "no enum type for `enum: [true]`: {:?}",
        api.types
    );
}

/// (wire name, location, style, explode, scalar) of each parameter of `operation_id` in the
/// `parameters` fixture.
fn styles_of(operation_id: &str) -> Vec<(String, ParamLocation, ParamStyle, bool, bool)> {
    let api = webwork_generator::load_model(&common::fixture("parameters").join("api.yaml"))
        .unwrap_or_else(|e| panic!("{e}"));
    let op = api
        .operations
        .iter()
        .find(|op| op.id == operation_id)
        .unwrap_or_else(|| panic!("no {operation_id}"));
    op.params
        .iter()
        .map(|p| {
            (
                p.wire_name.clone(),
                p.location,
                p.style,
                p.explode,
                p.scalar,
            )
        })
        .collect()
}

#[test]
fn styles_and_explode_default_by_location_and_style() {
    use ParamLocation::{Cookie, Header, Path, Query};
    use ParamStyle::{DeepObject, Form, Json, Label, Matrix, Simple};
    let search = styles_of("search");
    let find = |name: &str| {
        search
            .iter()
            .find(|(wire, ..)| wire == name)
            .cloned()
            .unwrap_or_else(|| panic!("no {name}"))
    };
    // Query: form, exploded unless the spec says otherwise.
    assert_eq!(find("tag"), ("tag".into(), Query, Form, true, false));
    assert_eq!(find("ids"), ("ids".into(), Query, Form, false, false));
    // Another style: not exploded by default.
    assert_eq!(
        find("labels"),
        ("labels".into(), Query, DeepObject, false, false)
    );
    // Enums and enums of other types are scalars; a union of scalars is not (it is serialized).
    assert_eq!(find("mode"), ("mode".into(), Query, Form, true, true));
    assert_eq!(find("ratio"), ("ratio".into(), Query, Form, true, true));
    assert_eq!(
        find("consistency"),
        ("consistency".into(), Query, Form, true, false)
    );
    assert_eq!(find("near"), ("near".into(), Query, Json, false, false));
    assert_eq!(
        styles_of("getThing"),
        [
            ("list".into(), Path, Simple, false, false),
            ("point".into(), Path, Simple, true, false),
            ("labelled".into(), Path, Label, false, false),
            ("matrixed".into(), Path, Matrix, true, false),
        ]
    );
    assert_eq!(
        styles_of("sendHeaders")[0],
        ("X-Tags".into(), Header, Simple, false, false)
    );
    assert_eq!(
        styles_of("sendCookies")[..3],
        [
            ("session".into(), Cookie, Form, true, true),
            ("prefs".into(), Cookie, Form, false, false),
            ("seen".into(), Cookie, Form, true, true),
        ]
    );
}

#[test]
fn ref_path_items_keep_their_operation_ids_on_the_path_that_owns_them() {
    let api = webwork_generator::load_model(&common::fixture("parameters").join("api.yaml"))
        .unwrap_or_else(|e| panic!("{e}"));
    let mut found: Vec<(&str, &str)> = api
        .operations
        .iter()
        .filter(|op| op.path.contains("status") || op.path == "/health")
        .map(|op| (op.path.as_str(), op.id.as_str()))
        .collect();
    found.sort_unstable();
    assert_eq!(
        found,
        [
            ("/health", "getHealth"),
            ("/status", "getStatus"),
            ("/v1/status", "get_v1_status"),
            ("/v2/status", "get_v2_status"),
        ]
    );
}
