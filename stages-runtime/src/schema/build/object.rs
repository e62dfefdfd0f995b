//! The definition of a struct, member by member: properties under wire names and aliases,
//! `required`, conditions, and what the schema cannot say.

use serde_json::{json, Map, Value};

use super::{describe, nullable};

/// What an absent or `null` member means, for its schema.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    /// Absence and `null` are `required` violations.
    Required,
    /// Absence and `null` read as `None` or as the default.
    Optional,
}

/// The definition of a struct, member by member.
#[derive(Default)]
pub struct Object {
    properties: Map<String, Value>,
    required: Vec<Value>,
    all_of: Vec<Value>,
    notes: Vec<String>,
    flattened: bool,
}

impl Object {
    /// No members yet.
    pub fn new() -> Self {
        Object::default()
    }

    /// A member, under its wire name and each alias (not two of them at once: the decoder
    /// reports that as a duplicate).
    /// `doc` and `default` describe the member as a whole (see [`describe`]).
    pub fn member(
        &mut self,
        wire: &str,
        aliases: &[&str],
        presence: Presence,
        schema: Value,
        doc: Option<&str>,
        default: Option<Value>,
    ) {
        let schema = match presence {
            Presence::Required => schema,
            Presence::Optional => nullable(schema),
        };
        let schema = describe(schema, doc, default);
        for alias in aliases {
            self.properties.insert((*alias).into(), schema.clone());
            self.all_of
                .push(json!({"not": {"required": [wire, alias]}}));
        }
        self.properties.insert(wire.into(), schema);
        if presence == Presence::Required {
            if aliases.is_empty() {
                self.required.push(wire.into());
            } else {
                let names = std::iter::once(&wire).chain(aliases);
                let any: Vec<Value> = names.map(|name| json!({"required": [name]})).collect();
                self.all_of.push(json!({ "anyOf": any }));
            }
        }
    }

    /// The members of a flattened struct, which sit in this object.
    pub fn flatten(&mut self, schema: Value) {
        self.all_of.push(schema);
        self.flattened = true;
    }

    /// `require(members, when(subject = equals))`, or `when(subject)` when `equals` is `None`:
    /// `null` counts as absent on both sides, as in the decoder.
    pub fn require_when(&mut self, members: &[&str], subject: &str, equals: Option<Value>) {
        let condition = equals.map_or_else(
            || json!({"not": {"type": "null"}}),
            |value| json!({ "const": value }),
        );
        let present: Map<String, Value> = members
            .iter()
            .map(|member| ((*member).to_owned(), json!({"not": {"type": "null"}})))
            .collect();
        self.all_of.push(json!({
            "if": {"required": [subject], "properties": {subject: condition}},
            "then": {"required": members, "properties": present},
        }));
    }

    /// A rule over the whole struct, in the schema form its `custom(f, schema = form)` gives.
    pub fn rule(&mut self, form: fn() -> Value) {
        self.all_of.push(form());
    }

    /// A rule over the whole struct that the schema cannot say, named in its description.
    pub fn note(&mut self, rule: &str) {
        self.notes.push(format!(
            "Also checked, beyond this schema: the rule `{rule}` over the whole object."
        ));
    }

    /// The definition; `deny_unknown` when members the struct does not have are rejected
    /// (otherwise the decoder ignores them).
    pub fn finish(self, doc: Option<&str>, deny_unknown: bool) -> Value {
        let mut schema = Map::new();
        schema.insert("type".into(), "object".into());
        let description: Vec<&str> = doc
            .into_iter()
            .chain(self.notes.iter().map(String::as_str))
            .collect();
        if !description.is_empty() {
            schema.insert("description".into(), description.join("\n\n").into());
        }
        schema.insert("properties".into(), Value::Object(self.properties));
        if !self.required.is_empty() {
            schema.insert("required".into(), Value::Array(self.required));
        }
        if !self.all_of.is_empty() {
            schema.insert("allOf".into(), Value::Array(self.all_of));
        }
        if deny_unknown {
            // Members of flattened structs are evaluated inside `allOf`, which only
            // `unevaluatedProperties` sees.
            let keyword = if self.flattened {
                "unevaluatedProperties"
            } else {
                "additionalProperties"
            };
            schema.insert(keyword.into(), Value::Bool(false));
        }
        Value::Object(schema)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn objects_say_required_aliases_and_conditions() {
        let mut object = Object::new();
        object.member(
            "name",
            &[],
            Presence::Required,
            json!({"type": "string"}),
            None,
            None,
        );
        let uri = json!({"type": "string"});
        object.member(
            "uri",
            &["url"],
            Presence::Optional,
            uri,
            Some("Where."),
            None,
        );
        object.require_when(&["uri"], "name", Some(json!("web")));
        let schema = object.finish(Some("A thing."), true);
        assert_eq!(schema["required"], json!(["name"]));
        assert_eq!(schema["properties"]["url"], schema["properties"]["uri"]);
        assert_eq!(schema["additionalProperties"], false);
        assert_eq!(
            schema["allOf"][1]["if"]["properties"]["name"]["const"],
            "web"
        );
    }
}
