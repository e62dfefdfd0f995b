use stages_model::Model;

#[derive(Model)]
#[model(deny_unknown_fields)]
enum LoggingLevel {
    Error,
    Info,
    Off,
}

fn main() {}
