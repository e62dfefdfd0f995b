use stages_model::Model;

/// A rule over the whole value that says what is wrong, but not in a `CustomError`.
fn memory_fits_timeout(function: &Function) -> Option<String> {
    (function.memory_size < 256 && function.timeout > 60).then(|| "too slow".to_owned())
}

#[derive(Model)]
#[model(custom = memory_fits_timeout)]
struct Function {
    #[model(default)]
    memory_size: u32,
    #[model(default)]
    timeout: u32,
}

fn main() {}
