use stages_model::Model;

#[derive(Model)]
struct FunctionCode {
    // As the AWS documentation writes the S3 bucket of Lambda's `FunctionCode` (Java syntax).
    #[model(length(min = 3, max = 63), pattern = r"^[0-9A-Za-z\.\-_]*(?<!\.)$")]
    s3_bucket: Option<String>,
}

fn main() {}
