//! The floor under YAML loading: how fast the YAML parser serde-saphyr uses
//! (granit-parser) only produces events for a file, nothing built from them, against
//! the whole load into the model.
//!
//! `cargo run --release -p okr-benches --example yaml_events -- M.yaml`

use okr_benches::best_of;
use okr_core::{Document, LoadOptions, PlanFormat};
use serde_saphyr::granit_parser::Parser;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let path = std::env::args().nth(1).expect("a YAML plan");
    let text = std::fs::read_to_string(&path).expect("readable");
    let mb = text.len() as f64 / 1e6;
    let events = best_of(3, || {
        let mut parser = Parser::new_from_str(&text);
        let mut n = 0usize;
        while let Some(Ok(_)) = parser.next_event() {
            n += 1;
        }
        n
    });
    let options = LoadOptions::new(PlanFormat::Yaml);
    let load = best_of(3, || {
        Document::parse(text.as_str(), &options).expect("parses")
    });
    println!("{mb:.1} MB of YAML, best of 3 runs");
    println!(
        "events only (granit-parser):  {:>7.1} ms  {:>5.1} MB/s",
        events * 1e3,
        mb / events
    );
    println!(
        "into the model (serde-saphyr): {:>7.1} ms  {:>5.1} MB/s",
        load * 1e3,
        mb / load
    );
}
