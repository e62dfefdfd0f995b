//! Prints how each peer reports the five violations of the invalid document.
//!
//! `cargo run -p stages-bench --release --bin violations`

fn main() {
    let text = stages_bench::documents::invalid();
    for peer in stages_bench::report::all(&text) {
        println!("{} — {} violations", peer.name, peer.violations.len());
        for violation in &peer.violations {
            println!("    {violation}");
        }
    }
}
