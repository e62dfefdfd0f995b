//! A Python virtual environment under the target directory with the packages a test needs,
//! installed from PyPI on first use and reused after. Shared by the tests that run validators
//! no one here wrote and by the end-to-end run of boto3 and the AWS CLI
//! (`tests/tests/schema_proof.rs` includes this file by path).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The Python of a venv named `name` under `target_tmp` in which `module` imports, made with
/// `pip install packages` when it does not.
pub fn python_with(target_tmp: &str, name: &str, module: &str, packages: &[&str]) -> PathBuf {
    let venv = Path::new(target_tmp).join(name);
    let python = venv.join("bin").join("python");
    if !imports(&python, module) {
        let made = Command::new("python3")
            .args(["-m", "venv", "--clear"])
            .arg(&venv)
            .status()
            .expect("run python3 -m venv");
        assert!(made.success(), "python3 -m venv failed");
        assert!(
            pip_install(&python, packages),
            "pip could not install {packages:?}"
        );
        assert!(
            imports(&python, module),
            "{module} does not import after installing {packages:?}"
        );
    }
    python
}

/// Whether `module` imports in `python`.
pub fn imports(python: &Path, module: &str) -> bool {
    Command::new(python)
        .args(["-c", &format!("import {module}")])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

/// `pip install packages` into `python`'s venv, from PyPI; whether it succeeded.
pub fn pip_install(python: &Path, packages: &[&str]) -> bool {
    Command::new(python)
        .args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--timeout",
            "60",
        ])
        .args(packages)
        .status()
        .is_ok_and(|status| status.success())
}

/// Runs `script` with `python`, `input` on standard input; returns standard output, failing
/// the test with standard error when the script fails.
pub fn run_script(python: &Path, script: &str, input: &[u8]) -> String {
    use std::io::Write;
    let mut child = Command::new(python)
        .args(["-c", script])
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run python");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let output = child.wait_with_output().expect("wait for python");
    writer.join().expect("writer").expect("write to python");
    assert!(
        output.status.success(),
        "the Python script failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 output")
}
