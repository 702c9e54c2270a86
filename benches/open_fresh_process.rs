//! Issue 13's target "opening the project within 2× of reading the same files raw", measured as
//! an analyst meets it: every open and every raw reading in a process of its own, as `daftar
//! stats` or the window does when it starts. In-process benchmarks (`project_scale`) reuse
//! memory an earlier sample freed; a new process has to have every page of the project it
//! builds handed to it, and that is part of opening.
//!
//! Run with `cargo bench --bench open_fresh_process`. The benchmark runs itself as the child:
//! each child times only its own work (not starting or ending the process) and prints the
//! nanoseconds; runs alternate raw and open so both meet the same state of the machine.

mod common;

use std::path::Path;
use std::process::Command;
use std::time::Instant;

/// Set in a child to the job it does: `open` or `raw`.
const JOB: &str = "DAFTAR_FRESH_PROCESS_JOB";
/// Set in a child to the project folder.
const FOLDER: &str = "DAFTAR_FRESH_PROCESS_FOLDER";
const RUNS: usize = 15;

fn main() {
    if let (Ok(job), Some(folder)) = (std::env::var(JOB), std::env::var_os(FOLDER)) {
        println!("{}", child(&job, Path::new(&folder)));
        return;
    }
    // `cargo test --benches` runs benchmarks once as a smoke test, with `--test`: nothing to do
    // that a minute of building the corpus would prove.
    if std::env::args().any(|arg| arg == "--test") {
        return;
    }
    let folder = common::large_folder();
    let (mut raw, mut open) = (Vec::new(), Vec::new());
    for _ in 0..RUNS {
        raw.push(in_new_process("raw", folder));
        open.push(in_new_process("open", folder));
    }
    let (raw, open) = (Summary::of(raw), Summary::of(open));
    println!("read the folder raw, new process: {raw}");
    println!("open the folder, new process:     {open}");
    println!("open ÷ raw, medians: {:.2}×", open.median / raw.median);
    common::remove_run_folders();
}

/// One job, timed from inside the process; returns nanoseconds.
fn child(job: &str, folder: &Path) -> u128 {
    let started = Instant::now();
    match job {
        "raw" => {
            std::hint::black_box(common::read_folder_raw(folder));
        }
        "open" => {
            let project = daftar::store::load(folder).unwrap();
            let elapsed = started.elapsed().as_nanos();
            // Ending the process frees the project; freeing it is not opening it.
            std::mem::forget(project);
            return elapsed;
        }
        other => panic!("unknown job {other}"),
    }
    started.elapsed().as_nanos()
}

fn in_new_process(job: &str, folder: &Path) -> f64 {
    let output = Command::new(std::env::current_exe().unwrap())
        .env(JOB, job)
        .env(FOLDER, folder)
        .output()
        .unwrap();
    assert!(output.status.success(), "{job}: {output:?}");
    let nanos: f64 = String::from_utf8(output.stdout)
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    nanos / 1e6
}

/// Milliseconds of the runs of one job.
struct Summary {
    median: f64,
    fastest: f64,
    slowest: f64,
}

impl Summary {
    fn of(mut runs: Vec<f64>) -> Summary {
        runs.sort_by(f64::total_cmp);
        Summary {
            median: runs[runs.len() / 2],
            fastest: runs[0],
            slowest: runs[runs.len() - 1],
        }
    }
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "median {:.1} ms (fastest {:.1}, slowest {:.1}, {RUNS} runs)",
            self.median, self.fastest, self.slowest
        )
    }
}
