//! What the service's integration tests share: the binary, started and stopped.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running service, stopped (SIGTERM, then SIGKILL) when dropped.
pub struct Server {
    child: Child,
    /// `http://127.0.0.1:PORT`.
    pub url: String,
}

impl Server {
    /// Starts `binary` on a free port with `args`, its standard error going to `log`.
    #[allow(dead_code)] // not every test binary uses every helper
    pub fn start(binary: &Path, args: &[&str], log: &Path) -> Server {
        let log = File::create(log).expect("create the server log");
        Server::spawn(Command::new(binary), args, log.into())
    }

    /// Starts the service through `command` (the binary itself, or a shell that sets limits
    /// first) on a free port with `args`, and waits for the line that names its address.
    pub fn spawn(mut command: Command, args: &[&str], stderr: Stdio) -> Server {
        let mut child = command
            .args(["--port", "0"])
            .args(args)
            .env_remove("STAGES_API_PORT")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .expect("start stages-api");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("piped stdout"))
            .read_line(&mut line)
            .expect("read the address");
        let url = line
            .trim()
            .rsplit(' ')
            .next()
            .unwrap_or_default()
            .to_owned();
        assert!(
            url.starts_with("http://127.0.0.1:"),
            "stages-api did not start: {line:?}"
        );
        Server { child, url }
    }

    /// Sends SIGTERM: the service stops accepting and lets requests in flight finish.
    #[allow(dead_code)]
    pub fn terminate(&self) {
        let sent = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .expect("run kill");
        assert!(sent.success());
    }

    /// Waits up to `limit` for the process to exit; how long it took, if it did.
    #[allow(dead_code)]
    pub fn wait_for_exit(&mut self, limit: Duration) -> Option<Duration> {
        let started = Instant::now();
        while started.elapsed() < limit {
            if let Ok(Some(_)) = self.child.try_wait() {
                return Some(started.elapsed());
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        None
    }

    /// `127.0.0.1:PORT`.
    #[allow(dead_code)] // not every test binary uses every helper
    pub fn address(&self) -> &str {
        self.url.trim_start_matches("http://")
    }

    /// SIGKILL: the process ends at once, wherever it is.
    #[allow(dead_code)]
    pub fn kill(mut self) {
        let _ = self.child.kill(); // SIGKILL on Unix
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        // Already ended (and reaped, by `kill`): its pid may be another process's by now.
        if let Ok(Some(_)) = self.child.try_wait() {
            return;
        }
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
