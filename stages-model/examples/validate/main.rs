//! `validate`: checks Stages documents the way AWS would, and says what is wrong where.
//!
//! ```text
//! cargo run -p stages-model --example validate -- [--shape NAME] [--format text|json] FILE...
//! ```
//!
//! Exit status: 0 when every document is valid, 1 when any is invalid, 2 on a usage or I/O
//! error.

mod cli;

fn main() {
    // `args_os`: a file name need not be UTF-8 (`std::env::args` would panic on one).
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    let status = cli::run(
        &args,
        &mut std::io::stdin().lock(),
        &mut std::io::stdout().lock(),
        &mut std::io::stderr(),
    );
    std::process::exit(status);
}
