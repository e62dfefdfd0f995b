//! Nothing here: the tests in `tests/` drive `stages-api` with the AWS SDK for Rust.
