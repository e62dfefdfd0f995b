//! Decoding that keeps going: the pieces generated `Deserialize` impls are made of.
//!
//! A model's decoder does not stop at the first problem and never makes a value up. Each member
//! decodes into a slot and its rules are checked as soon as its value is read; a missing
//! required member, an unknown enum value, a repeated member, key or set item is recorded with
//! its path and decoding goes on with the next member. A struct is built only when every member
//! it needs has a value; otherwise its decoder yields `None` (it is invalid, and the reasons are
//! recorded), and so do the lists, maps and structs around it. The root decoder fails once,
//! listing every violation in document order.
//!
//! A value of the wrong JSON type stops serde's parser. [`from_json`](crate::from_json) then
//! takes a second look at the document, in *lenient* mode: every member, item and entry is
//! first read as raw JSON text and decoded on its own, so that a type error is recorded at its
//! path and decoding goes on with the next one. Only the failure path pays for this. Its
//! message says what the value's seed expected and what the value is (see `expected`).
//!
//! The record lives in a thread-local so that it crosses serde's `Deserialize` boundaries, which
//! carry no context. Paths are built on the way out: a violation is recorded relative to the
//! value being decoded and each enclosing member, key or index puts its segment in front, which
//! costs nothing unless something was recorded. Each violation is touched once per enclosing
//! level, so reporting n violations costs O(n × depth).

mod collections;
mod decode;
mod expected;
mod keys;
mod members;
mod root;
mod seeds;
mod sets;

use std::cell::{Cell, RefCell};
use std::mem::ManuallyDrop;

use serde::de::{self, DeserializeSeed};
use serde_json::value::RawValue;

use super::path::{Path, Segment};
use super::violation::{code, Report, Violation};

pub use collections::{map, seq, MapOf, Rules, SeqOf, WireMap};
pub use decode::Decode;
pub use members::{
    decode_struct, member, no_rules, optional, or_default, required, required_when, unknown,
    DecodeMembers, Member, MemberKey, MemberSite, Slot,
};
pub use root::root;
pub(crate) use root::{capture, take_failure, Failure};
pub use seeds::{
    always, plain, timestamp, Always, EnumValue, ModelProbe, ModelSeed, Nullable, Plain, Probe,
    Rfc3339, Seed, SerdeProbe, Timestamp,
};
pub use sets::{set, SetOf, WireSet};

/// The `type` message for a value of JSON text `found` that is neither one value of `T` nor a
/// list of them (see `OneOrMany`); `None` to keep the decoder's own error, which it also is
/// while a failure's path is being built (the error comes from inside the value).
pub(crate) fn one_or_list_message<T: Decode>(found: &str) -> Option<String> {
    if with_state(|state| !state.trail.is_empty()) {
        return None;
    }
    expected::one_or_list(ModelSeed::<T>::new(), found)
}

thread_local! {
    static STATE: RefCell<State> = const { RefCell::new(State::new()) };
    /// How many root decoders are open; the one that opens at zero is the root.
    static DEPTH: Cell<u32> = const { Cell::new(0) };
    /// `STATE.found.len()`, kept where it can be read without borrowing the state: the happy
    /// path reads only plain cells.
    static FOUND: Cell<usize> = const { Cell::new(0) };
    /// Whether a caller of [`capture`] wants the structured failure.
    static CAPTURE: Cell<bool> = const { Cell::new(false) };
    /// Whether values are read as raw text first, so that a type error does not stop decoding.
    static LENIENT: Cell<bool> = const { Cell::new(false) };
    /// How many values read as raw text enclose the one being decoded.
    static RAW_DEPTH: Cell<u32> = const { Cell::new(0) };
    /// Set when a model nested behind a plain `Deserialize` (a container the derive does not
    /// know) was invalid and had to return an error: its reasons are already recorded.
    static INCOMPLETE: Cell<bool> = const { Cell::new(false) };
}

#[inline]
fn found_len() -> usize {
    FOUND.with(Cell::get)
}

/// Each value read as raw text is read again by every enclosing one: below this depth values
/// are decoded strictly, so that the second look costs at most this many passes over the
/// document (a type error deeper down is reported at the deepest raw value's path).
const MAX_RAW_DEPTH: u32 = 16;

/// Whether values are read as raw text first (the second look after a type error).
#[inline]
pub fn lenient() -> bool {
    LENIENT.with(Cell::get) && RAW_DEPTH.with(Cell::get) < MAX_RAW_DEPTH
}

/// What the decoders on this thread have found so far.
struct State {
    /// Violations recorded while decoding, with paths relative to the innermost open value.
    found: Vec<Violation>,
    /// Where a hard error happened, innermost segment first.
    trail: Vec<Segment>,
    /// The structured failure of the last root decoder, for [`capture`].
    failure: Option<Failure>,
}

impl State {
    const fn new() -> Self {
        State {
            found: Vec::new(),
            trail: Vec::new(),
            failure: None,
        }
    }
}

fn with_state<R>(f: impl FnOnce(&mut State) -> R) -> R {
    STATE.with(|state| f(&mut state.borrow_mut()))
}

/// Records a violation at `path`, relative to the value being decoded.
#[cold]
#[inline(never)]
fn record(path: Vec<Segment>, rule: &'static str, message: String) {
    push(Violation::new(path, rule, message));
}

fn push(violation: Violation) {
    with_state(|state| {
        state.found.push(violation);
        FOUND.with(|found| found.set(state.found.len()));
    });
}

/// Runs the rules of a decoded value (a member, an item or an entry) right away, recording what
/// they find at `path` (relative to the value being decoded).
#[inline(always)]
fn check<T: ?Sized>(value: &T, path: &Path<'_>, rules: impl FnOnce(&T, &Path<'_>, &mut Report)) {
    // An empty report owns no memory: dropping it only when something was found keeps the
    // happy path free of the (out-of-line) `Vec` drop.
    let mut report = ManuallyDrop::new(Report::new());
    rules(value, path, &mut report);
    if !report.is_empty() {
        keep(ManuallyDrop::into_inner(report));
    }
}

/// [`check`] with a report that a loop reuses (always empty between checks): no new report per
/// value.
#[inline(always)]
fn check_with<T: ?Sized>(
    report: &mut Report,
    value: &T,
    path: &Path<'_>,
    rules: impl FnOnce(&T, &Path<'_>, &mut Report),
) {
    rules(value, path, report);
    if !report.is_empty() {
        keep(std::mem::take(report));
    }
}

/// Adds what a value's rules found to the record: out of line, so that the checks inlined into
/// every decoder stay small.
#[cold]
#[inline(never)]
fn keep(report: Report) {
    let found = report.into_violations();
    with_state(|state| {
        state.found.extend(found);
        FOUND.with(|count| count.set(state.found.len()));
    });
}

/// Runs `decode` for the value at `segment`: violations it records get the segment in front,
/// and a hard error it returns leaves the segment on the trail.
#[inline(always)]
fn within<T, E>(
    segment: impl FnOnce() -> Segment,
    decode: impl FnOnce() -> Result<T, E>,
) -> Result<T, E> {
    Mark::here().close(decode(), segment)
}

/// Where the record stood before a value was decoded, so that what its decoder records gets
/// the value's segment in front: [`within`] without a closure around the decoding, which the
/// hot loops call in their own body so that it is inlined there.
///
/// Around a value whose seed cannot record (a string, a number), only a hard error needs the
/// segment: the record is not read.
#[derive(Clone, Copy)]
struct Mark(Option<usize>);

impl Mark {
    /// A mark for a value decoded with seed `S`.
    #[inline(always)]
    fn new<'de, S: Seed<'de>>() -> Self {
        Mark(S::MAY_RECORD.then(found_len))
    }

    /// A mark for a value whose decoder may record.
    #[inline(always)]
    fn here() -> Self {
        Mark(Some(found_len()))
    }

    /// Hands `outcome` on, putting `segment` in front of what was recorded since the mark (and
    /// on the trail after a hard error).
    #[inline(always)]
    fn close<T, E>(self, outcome: Result<T, E>, segment: impl FnOnce() -> Segment) -> Result<T, E> {
        match self.0 {
            Some(mark) if outcome.is_err() || found_len() != mark => {
                place(mark, segment(), outcome.is_err());
            }
            None if outcome.is_err() => place(found_len(), segment(), true),
            _ => {}
        }
        outcome
    }
}

/// Puts `segment` in front of what was recorded since `mark`, and on the trail after a hard
/// error: out of line, as the happy path never comes here.
#[cold]
#[inline(never)]
fn place(mark: usize, segment: Segment, failed: bool) {
    with_state(|state| {
        for violation in &mut state.found[mark..] {
            violation.prefix(segment.clone());
        }
        if failed {
            state.trail.push(segment);
        }
    });
}

/// In lenient mode: reads the next value of a map as raw text and decodes it on its own (see
/// [`within_raw`]). Out of line: only the second look comes here.
#[cold]
#[inline(never)]
fn raw_map_value<'de, A, S>(
    access: &mut A,
    segment: impl Fn() -> Segment + Copy,
    seed: S,
) -> Result<Option<S::Value>, A::Error>
where
    A: de::MapAccess<'de>,
    S: DeserializeSeed<'de> + Clone,
{
    let raw: &'de RawValue = within(segment, || access.next_value())?;
    Ok(within_raw(raw, segment, seed))
}

/// In lenient mode: reads the next item of a list as raw text and decodes it on its own;
/// `None` at the end of the list.
#[cold]
#[inline(never)]
fn raw_seq_item<'de, A, S>(
    seq: &mut A,
    index: usize,
    seed: S,
) -> Result<Option<Option<S::Value>>, A::Error>
where
    A: de::SeqAccess<'de>,
    S: DeserializeSeed<'de> + Clone,
{
    let segment = || Segment::Index(index);
    Ok(within(segment, || seq.next_element::<&'de RawValue>())?
        .map(|raw| within_raw(raw, segment, seed)))
}

/// In lenient mode: decodes the value at `segment` from its own raw text, so that a type error
/// inside it is recorded at its path instead of stopping the document. `None` when it failed.
fn within_raw<'de, S: DeserializeSeed<'de> + Clone>(
    raw: &'de RawValue,
    segment: impl FnOnce() -> Segment,
    seed: S,
) -> Option<S::Value> {
    let mut deserializer = serde_json::Deserializer::from_str(raw.get());
    RAW_DEPTH.with(|depth| depth.set(depth.get() + 1));
    let outcome = within(segment, || seed.clone().deserialize(&mut deserializer));
    RAW_DEPTH.with(|depth| depth.set(depth.get() - 1));
    match outcome {
        Ok(value) => Some(value),
        Err(error) => {
            let incomplete = INCOMPLETE.with(|flag| flag.replace(false));
            let mut path = with_state(|state| std::mem::take(&mut state.trail));
            path.reverse();
            if !incomplete {
                let (rule, message) = if !error.is_data() {
                    (code::SYNTAX, without_position(&error))
                } else {
                    // The segment of this value is on the path: it failed itself when only
                    // that one is there, and its seed says what it expected.
                    let own = path.len() == 1;
                    let ours = own.then(|| expected::message(seed, raw.get())).flatten();
                    (code::TYPE, ours.unwrap_or_else(|| without_position(&error)))
                };
                push(Violation::new(path, rule, message));
            }
            None
        }
    }
}

/// The message of a `type` violation of the whole document, which `T` failed to decode from
/// `text`: in our words when they say more (see [`expected::message`]).
pub(crate) fn root_type_message<T: serde::de::DeserializeOwned>(text: &str) -> Option<String> {
    // Under a capture of its own, so that the failure of the model's root decoder (it decodes
    // from no value) is taken off the record again.
    let mut said = None;
    let _ = capture(false, || {
        said = expected::message(seeds::plain::<T>(), text);
        Err::<(), ()>(())
    });
    take_failure();
    said
}

/// serde_json's message without " at line L column C": positions inside a member's own text
/// would mislead, and the path says where it is.
pub(crate) fn without_position(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    match text.strip_suffix(&suffix) {
        Some(message) => message.to_owned(),
        None => text,
    }
}
