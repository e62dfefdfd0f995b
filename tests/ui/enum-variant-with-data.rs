use stages_model::Model;

#[derive(Model)]
enum LoggingLevel {
    Error,
    Info(String),
    Off,
}

fn main() {}
