//! Printing `data`: a table, CSV, JSON as the server sent it, or one JSON line per item.

use std::io::{self, Write};

use serde_json::value::RawValue;
use serde_json::Value;

/// An output format (`--output`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A table of the documented fields.
    Table,
    /// `data` as the server sent it.
    Json,
    /// The documented fields, comma-separated, with a header line.
    Csv,
    /// One JSON object per line, per item of a list.
    Ndjson,
}

impl Format {
    /// The names `--output` takes.
    pub const NAMES: [&'static str; 4] = ["table", "json", "csv", "ndjson"];

    /// The format named `name`; without one, a table on a terminal and JSON otherwise.
    #[must_use]
    pub fn choose(name: Option<&str>, terminal: bool) -> Format {
        match name {
            Some("table") => Format::Table,
            Some("json") => Format::Json,
            Some("csv") => Format::Csv,
            Some("ndjson") => Format::Ndjson,
            _ if terminal => Format::Table,
            _ => Format::Json,
        }
    }

    /// Whether the format prints the server's JSON text (so the answer need not be parsed
    /// into values, only split into items).
    #[must_use]
    pub fn wants_raw(self) -> bool {
        matches!(self, Format::Json | Format::Ndjson)
    }
}

/// An answer's `data`: parsed, or the JSON text as it came.
#[derive(Debug)]
pub enum Data {
    /// Parsed into values (for tables and CSV).
    Parsed(Value),
    /// The text as the server sent it (for JSON and NDJSON).
    Raw(Box<RawValue>),
    /// The items of one page of a list, each as the server sent it.
    Items(Vec<Box<RawValue>>),
    /// The answer has no data (`data: null`, no `data`, a 204, an empty body): JSON prints
    /// `null`, the other formats nothing.
    Empty,
}

/// Writes one answer's data, or the pages of a list one after the other, in a format.
pub struct Printer<W: Write> {
    format: Format,
    /// The columns of tables and CSV; empty until known when none are documented.
    columns: Vec<String>,
    out: W,
    /// Walking pages: JSON is one array of every page's items.
    list: bool,
    /// Items written so far.
    count: usize,
    /// The rows of a table, printed at the end.
    rows: Vec<Vec<String>>,
    /// A single object, printed as a two-column table.
    object: Option<serde_json::Map<String, Value>>,
    csv_header_written: bool,
    /// An answer without data came: a table prints nothing, not an empty table.
    no_data: bool,
}

impl<W: Write> Printer<W> {
    /// A printer of `format` to `out`. `columns`: the documented fields (empty: the keys of the
    /// first item). `list`: several pages will come.
    pub fn new(format: Format, columns: &[&str], list: bool, out: W) -> Self {
        Printer {
            format,
            columns: columns.iter().map(|c| (*c).to_string()).collect(),
            out,
            list,
            count: 0,
            rows: Vec::new(),
            object: None,
            csv_header_written: false,
            no_data: false,
        }
    }

    /// How many items (or values) were printed.
    #[must_use]
    pub fn count(&self) -> usize {
        self.count
    }

    /// Prints one answer's (or page's) data.
    ///
    /// # Errors
    /// When writing fails (a closed pipe) or the text is not JSON.
    pub fn page(&mut self, data: &Data) -> io::Result<()> {
        match (self.format, data) {
            (Format::Json, Data::Empty) if !self.list => {
                self.count += 1;
                writeln!(self.out, "null")
            }
            (_, Data::Empty) => {
                self.no_data = true;
                Ok(())
            }
            (Format::Json, Data::Raw(raw)) if !self.list => {
                self.count += 1;
                writeln!(self.out, "{}", raw.get())
            }
            (Format::Json | Format::Ndjson, Data::Raw(raw)) => {
                match serde_json::from_str::<Vec<&RawValue>>(raw.get()) {
                    Ok(items) => items.iter().try_for_each(|item| self.raw_item(item.get())),
                    Err(_) => self.raw_item(raw.get()),
                }
            }
            (_, Data::Raw(raw)) => {
                let value: Value = serde_json::from_str(raw.get())?;
                self.page(&Data::Parsed(value))
            }
            (Format::Json | Format::Ndjson, Data::Items(items)) => {
                items.iter().try_for_each(|item| self.raw_item(item.get()))
            }
            (_, Data::Items(items)) => {
                let values = items
                    .iter()
                    .map(|item| serde_json::from_str(item.get()))
                    .collect::<Result<Vec<Value>, _>>()?;
                self.rows_of(&Value::Array(values))
            }
            (Format::Json, Data::Parsed(value)) if !self.list => {
                self.count += 1;
                serde_json::to_writer_pretty(&mut self.out, value)?;
                writeln!(self.out)
            }
            (Format::Json | Format::Ndjson, Data::Parsed(value)) => match value {
                Value::Array(items) => items
                    .iter()
                    .try_for_each(|item| self.raw_item(&item.to_string())),
                other => self.raw_item(&other.to_string()),
            },
            (Format::Table | Format::Csv, Data::Parsed(value)) => self.rows_of(value),
        }
    }

    /// One item of JSON or NDJSON output: a line (or, in a JSON list, an array element).
    fn raw_item(&mut self, text: &str) -> io::Result<()> {
        let one_line;
        let text = if text.contains('\n') {
            one_line = serde_json::from_str::<Value>(text)?.to_string();
            &one_line
        } else {
            text
        };
        let separator = match (self.format, self.count) {
            (Format::Json, 0) => "[\n  ",
            (Format::Json, _) => ",\n  ",
            _ => "",
        };
        self.count += 1;
        if self.format == Format::Json {
            write!(self.out, "{separator}{text}")
        } else {
            writeln!(self.out, "{text}")
        }
    }

    fn rows_of(&mut self, value: &Value) -> io::Result<()> {
        match value {
            Value::Array(items) => {
                if self.columns.is_empty() {
                    self.columns = first_keys(items);
                }
                for item in items {
                    let row: Vec<String> = self.columns.iter().map(|c| cell(item.get(c))).collect();
                    self.count += 1;
                    if self.format == Format::Csv {
                        self.csv_row(&row)?;
                    } else {
                        self.rows.push(row);
                    }
                }
                Ok(())
            }
            Value::Object(object) if !self.list => {
                self.count += 1;
                self.object = Some(object.clone());
                Ok(())
            }
            other => {
                self.count += 1;
                writeln!(self.out, "{}", cell(Some(other)))
            }
        }
    }

    fn csv_row(&mut self, row: &[String]) -> io::Result<()> {
        let mut writer = csv::WriterBuilder::new().from_writer(Vec::new());
        if !self.csv_header_written {
            writer.write_record(&self.columns)?;
            self.csv_header_written = true;
        }
        writer.write_record(row)?;
        let bytes = writer
            .into_inner()
            .map_err(csv::IntoInnerError::into_error)?;
        self.out.write_all(&bytes)
    }

    /// Ends the output: closes a JSON list, prints a table.
    ///
    /// # Errors
    /// When writing fails.
    pub fn finish(mut self) -> io::Result<W> {
        match self.format {
            Format::Json if self.list => {
                if self.count == 0 {
                    writeln!(self.out, "[]")?;
                } else {
                    writeln!(self.out, "\n]")?;
                }
            }
            Format::Json if self.count > 1 => writeln!(self.out, "\n]")?,
            Format::Table => self.table()?,
            Format::Csv => {
                if let Some(object) = self.object.take() {
                    self.columns = object.keys().cloned().collect();
                    let row: Vec<String> =
                        self.columns.iter().map(|c| cell(object.get(c))).collect();
                    self.csv_row(&row)?;
                }
            }
            Format::Json | Format::Ndjson => {}
        }
        self.out.flush()?;
        Ok(self.out)
    }

    fn table(&mut self) -> io::Result<()> {
        let mut table = comfy_table::Table::new();
        table.load_preset(comfy_table::presets::UTF8_FULL_CONDENSED);
        if let Some(object) = self.object.take() {
            table.set_header(["field", "value"]);
            for (key, value) in &object {
                table.add_row([key.clone(), cell(Some(value))]);
            }
        } else if self.columns.is_empty() || (self.no_data && self.rows.is_empty()) {
            return Ok(());
        } else {
            table.set_header(&self.columns);
            for row in self.rows.drain(..) {
                table.add_row(row);
            }
        }
        writeln!(self.out, "{table}")
    }
}

/// The scalar keys of the first object of `items`, in its order.
fn first_keys(items: &[Value]) -> Vec<String> {
    items
        .iter()
        .find_map(Value::as_object)
        .map(|object| object.keys().cloned().collect())
        .unwrap_or_default()
}

/// A value as a table or CSV cell: text as it is, nothing for null, nested values as JSON.
fn cell(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(text)) => text.clone(),
        Some(other) => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(text: &str) -> Data {
        Data::Raw(RawValue::from_string(text.to_string()).unwrap())
    }

    fn print(format: Format, list: bool, pages: &[Data]) -> String {
        let mut printer = Printer::new(format, &["id", "name"], list, Vec::new());
        for page in pages {
            printer.page(page).unwrap();
        }
        String::from_utf8(printer.finish().unwrap()).unwrap()
    }

    #[test]
    fn json_is_the_servers_text_and_a_walk_is_one_array() {
        let text = r#"[{"id":1,"name":"a", "extra":{"x":1}}]"#;
        assert_eq!(
            print(Format::Json, false, &[raw(text)]),
            format!("{text}\n")
        );
        assert_eq!(
            print(
                Format::Json,
                true,
                &[raw(r#"[{"id":1}]"#), raw(r#"[{"id":2}]"#)]
            ),
            "[\n  {\"id\":1},\n  {\"id\":2}\n]\n"
        );
        assert_eq!(print(Format::Json, true, &[raw("[]")]), "[]\n");
    }

    #[test]
    fn ndjson_is_one_line_per_item_as_sent() {
        let pages = [
            raw(r#"[{"id":1, "name":"a"},{"id":2}]"#),
            raw("[{\n\"id\": 3}]"),
        ];
        assert_eq!(
            print(Format::Ndjson, true, &pages),
            "{\"id\":1, \"name\":\"a\"}\n{\"id\":2}\n{\"id\":3}\n"
        );
    }

    #[test]
    fn a_pages_items_print_in_every_format() {
        let items = || {
            Data::Items(vec![
                RawValue::from_string(r#"{"id":1, "name":"a"}"#.to_string()).unwrap(),
                RawValue::from_string(r#"{"id":2}"#.to_string()).unwrap(),
            ])
        };
        assert_eq!(
            print(Format::Ndjson, true, &[items()]),
            "{\"id\":1, \"name\":\"a\"}\n{\"id\":2}\n"
        );
        assert_eq!(
            print(Format::Json, true, &[items(), Data::Items(Vec::new())]),
            "[\n  {\"id\":1, \"name\":\"a\"},\n  {\"id\":2}\n]\n"
        );
        assert_eq!(print(Format::Csv, true, &[items()]), "id,name\n1,a\n2,\n");
    }

    #[test]
    fn csv_has_the_documented_columns_once() {
        let pages = [
            Data::Parsed(serde_json::json!([{"id": 1, "name": "a, b", "other": 0}])),
            Data::Parsed(serde_json::json!([{"id": 2, "name": null}])),
        ];
        assert_eq!(
            print(Format::Csv, true, &pages),
            "id,name\n1,\"a, b\"\n2,\n"
        );
    }

    #[test]
    fn a_table_shows_rows_or_one_object_by_field() {
        let list = print(
            Format::Table,
            false,
            &[Data::Parsed(serde_json::json!([{"id": 1, "name": "a"}]))],
        );
        assert!(
            list.contains("id") && list.contains("name") && list.contains('a'),
            "{list}"
        );
        let one = print(
            Format::Table,
            false,
            &[Data::Parsed(serde_json::json!({"id": 9, "tags": [1]}))],
        );
        assert!(one.contains("field") && one.contains("[1]"), "{one}");
    }

    #[test]
    fn no_data_is_null_in_json_and_nothing_elsewhere() {
        assert_eq!(print(Format::Json, false, &[Data::Empty]), "null\n");
        for format in [Format::Ndjson, Format::Csv, Format::Table] {
            assert_eq!(print(format, false, &[Data::Empty]), "", "{format:?}");
        }
    }

    #[test]
    fn the_default_depends_on_the_terminal() {
        assert_eq!(Format::choose(None, true), Format::Table);
        assert_eq!(Format::choose(None, false), Format::Json);
        assert_eq!(Format::choose(Some("csv"), true), Format::Csv);
    }
}
