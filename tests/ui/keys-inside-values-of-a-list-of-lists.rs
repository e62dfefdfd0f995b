use stages_model::Model;

#[derive(Model)]
struct Grid {
    #[model(values(keys(length(max = 64))))]
    cells: Option<Vec<Vec<String>>>,
}

fn main() {}
