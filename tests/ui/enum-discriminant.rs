use stages_model::Model;

#[derive(Model)]
enum LoggingLevel {
    Error = 1,
    Info = 2,
    Off = 3,
}

fn main() {}
