//! The JSON Schema of each `stages-model` type a user asks for, by type name: one list for the
//! tests that judge schemas (`tests/schema_proof.rs`, `tests/schema_descriptions.rs`), so that a
//! type added to the model is added here once and judged by both.

use serde_json::Value;
use stages_model::{
    schema_for, AccessLogSettings, BadRequestException, ConflictException, CreateStageInput,
    GetStagesInput, LimitExceededException, NotFoundException, RouteSettings, Stage, Stages,
    UpdateStageInput,
};

/// Every schema of `stages-model`'s shapes, operation inputs and errors, by type name.
pub fn stages_model() -> Vec<(&'static str, Value)> {
    vec![
        ("CreateStageInput", schema_for::<CreateStageInput>()),
        ("UpdateStageInput", schema_for::<UpdateStageInput>()),
        ("Stage", schema_for::<Stage>()),
        ("Stages", schema_for::<Stages>()),
        ("RouteSettings", schema_for::<RouteSettings>()),
        ("AccessLogSettings", schema_for::<AccessLogSettings>()),
        ("GetStagesInput", schema_for::<GetStagesInput>()),
        ("BadRequestException", schema_for::<BadRequestException>()),
        ("NotFoundException", schema_for::<NotFoundException>()),
        ("ConflictException", schema_for::<ConflictException>()),
        (
            "LimitExceededException",
            schema_for::<LimitExceededException>(),
        ),
    ]
}
