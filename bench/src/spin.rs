//! The load client's other mode: one thread that never sleeps, polling non-blocking keep-alive
//! connections in turn. A client that sleeps in `epoll_wait` whenever every connection awaits
//! its answer must be woken by the server's every send, and on a virtual machine that wake-up
//! (an inter-processor interrupt) is charged to the server's send and costs more the slower the
//! server is; a spinning client takes that out of the comparison. It holds its CPU the whole
//! time, so it is for short, bounded runs.

use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Instant;

use crate::http1::parse;

/// One connection in flight: its socket, what it has read of the answer, and when the request
/// went out.
struct Slot {
    stream: TcpStream,
    buffer: Vec<u8>,
    filled: usize,
    sent: Instant,
    count: u64,
}

/// What the connections did: latencies (µs) of 2xx answers, other answers, reconnections.
pub struct Outcome {
    /// Latency of each 2xx answer, in microseconds.
    pub latencies: Vec<u32>,
    /// Answers that were not 2xx.
    pub failures: u64,
}

fn open(address: SocketAddr) -> io::Result<TcpStream> {
    let stream = TcpStream::connect(address)?;
    stream.set_nodelay(true)?;
    stream.set_nonblocking(true)?;
    Ok(stream)
}

/// Sends `next(connection, count)` on each of `connections` connections, the next request as
/// soon as an answer is whole, until `deadline`.
pub fn run(
    address: SocketAddr,
    connections: usize,
    deadline: Instant,
    next: impl Fn(usize, u64) -> Vec<u8>,
) -> io::Result<Outcome> {
    let mut slots = Vec::with_capacity(connections);
    for index in 0..connections {
        let mut stream = open(address)?;
        write_all(&mut stream, &next(index, 0))?;
        slots.push(Slot {
            stream,
            buffer: vec![0; 64 * 1024],
            filled: 0,
            sent: Instant::now(),
            count: 0,
        });
    }
    let mut outcome = Outcome {
        latencies: Vec::with_capacity(1 << 20),
        failures: 0,
    };
    while Instant::now() < deadline {
        for (index, slot) in slots.iter_mut().enumerate() {
            if slot.filled == slot.buffer.len() {
                slot.buffer.resize(slot.buffer.len() * 2, 0);
            }
            match slot.stream.read(&mut slot.buffer[slot.filled..]) {
                Ok(0) => return Err(io::ErrorKind::UnexpectedEof.into()),
                Ok(read) => slot.filled += read,
                Err(error) if error.kind() == io::ErrorKind::WouldBlock => continue,
                Err(error) => return Err(error),
            }
            let Some(head) = parse(&slot.buffer[..slot.filled])? else {
                continue;
            };
            if (200..300).contains(&head.status) {
                let micros = slot.sent.elapsed().as_micros();
                outcome
                    .latencies
                    .push(u32::try_from(micros).unwrap_or(u32::MAX));
            } else {
                outcome.failures += 1;
            }
            if head.close {
                slot.stream = open(address)?;
            }
            slot.filled = 0;
            slot.count += 1;
            slot.sent = Instant::now();
            write_all(&mut slot.stream, &next(index, slot.count))?;
        }
    }
    Ok(outcome)
}

/// Writes all of `bytes` on a non-blocking socket (a request fits its send buffer at once but
/// for the first moments of a connection).
fn write_all(stream: &mut TcpStream, mut bytes: &[u8]) -> io::Result<()> {
    while !bytes.is_empty() {
        match stream.write(bytes) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(written) => bytes = &bytes[written..],
            Err(error) if error.kind() == io::ErrorKind::WouldBlock => std::hint::spin_loop(),
            Err(error) => return Err(error),
        }
    }
    Ok(())
}
