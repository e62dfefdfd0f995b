use stages_model::Model;

mod wire {
    /// The user's own type, named as the runtime's is.
    pub struct UnknownValue(pub Box<str>);
}

#[derive(Model)]
enum AuthorizationType {
    None,
    Jwt,
    #[model(other)]
    Unknown(wire::UnknownValue),
}

fn main() {}
