//! A parsed pattern compiled, at expansion time, to a deterministic automaton over classes of
//! characters: a Thompson NFA, then subset construction. The runtime only walks the tables, one
//! step per character, so matching is linear in the input, with no regex engine and no
//! allocation.

use std::collections::HashMap;

use super::charset::CharSet;
use super::parse::Node;

/// An NFA larger than this is not compiled ahead of time.
const MAX_NFA_STATES: usize = 10_000;
/// A DFA with more states than this is not compiled ahead of time.
const MAX_DFA_STATES: usize = 4_096;
/// Nor one whose transition table has more cells than this.
const MAX_CELLS: usize = 65_536;

/// The deterministic automaton of a pattern, anchored at both ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dfa {
    /// The class of each ASCII character.
    pub ascii: [u8; 128],
    /// The classes of the other characters: `(first character, class)`, sorted; the first
    /// starts at U+0080 and each runs until the next one starts.
    pub upper: Vec<(u32, u8)>,
    /// How many classes there are: the width of a row of `next`.
    pub classes: usize,
    /// `next[state * classes + class]`: the state after reading a character of `class`.
    /// State 0 is dead: nothing that starts this way matches.
    pub next: Vec<u16>,
    /// Whether the whole text matches when it ends in each state.
    pub accept: Vec<bool>,
    /// The state before the first character.
    pub start: u16,
}

impl Dfa {
    /// How many states there are.
    pub fn states(&self) -> usize {
        self.accept.len()
    }

    /// Whether the whole of `text` matches (what the runtime does, for tests).
    #[cfg(test)]
    pub fn is_match(&self, text: &str) -> bool {
        let mut state = usize::from(self.start);
        for c in text.chars() {
            let c = c as u32;
            let class = if c < 128 {
                self.ascii[c as usize]
            } else {
                let at = self.upper.partition_point(|&(start, _)| start <= c);
                self.upper[at - 1].1
            };
            state = usize::from(self.next[state * self.classes + usize::from(class)]);
        }
        self.accept[state]
    }
}

/// Why a pattern was not compiled ahead of time.
pub const TOO_BIG: &str = "its automaton would pass 4,096 states or 65,536 transitions";

/// Compiles `node` to a DFA, or says it is too big to be compiled ahead of time.
pub fn compile(node: &Node) -> Result<Dfa, &'static str> {
    let mut nfa = Nfa::default();
    let matched = nfa.push(State::Match)?;
    let start = nfa.compile(node, matched)?;
    let alphabet = Alphabet::new(&nfa.sets);
    if alphabet.classes > 256 {
        return Err(TOO_BIG);
    }
    determinize(&nfa, start, &alphabet)
}

#[derive(Debug, Clone, Copy)]
enum State {
    /// One character of `sets[set]`, then `next`.
    Set {
        set: usize,
        next: usize,
    },
    /// Either way.
    Split(usize, usize),
    /// Only at the start of the text.
    Start(usize),
    /// Only at the end of the text.
    End(usize),
    Match,
}

#[derive(Default)]
struct Nfa {
    states: Vec<State>,
    sets: Vec<CharSet>,
    set_ids: HashMap<CharSet, usize>,
}

impl Nfa {
    fn push(&mut self, state: State) -> Result<usize, &'static str> {
        if self.states.len() >= MAX_NFA_STATES {
            return Err(TOO_BIG);
        }
        self.states.push(state);
        Ok(self.states.len() - 1)
    }

    /// The start state of `node` followed by the state `next` (built back to front).
    fn compile(&mut self, node: &Node, next: usize) -> Result<usize, &'static str> {
        Ok(match node {
            Node::Empty => next,
            Node::Set(chars) => {
                let set = match self.set_ids.get(chars) {
                    Some(&set) => set,
                    None => {
                        self.sets.push(chars.clone());
                        self.set_ids.insert(chars.clone(), self.sets.len() - 1);
                        self.sets.len() - 1
                    }
                };
                self.push(State::Set { set, next })?
            }
            Node::Start => self.push(State::Start(next))?,
            Node::End => self.push(State::End(next))?,
            Node::Concat(nodes) => {
                let mut next = next;
                for node in nodes.iter().rev() {
                    next = self.compile(node, next)?;
                }
                next
            }
            Node::Alternate(branches) => {
                let mut starts = Vec::with_capacity(branches.len());
                for branch in branches {
                    starts.push(self.compile(branch, next)?);
                }
                let mut start = starts.pop().unwrap_or(next);
                while let Some(other) = starts.pop() {
                    start = self.push(State::Split(other, start))?;
                }
                start
            }
            Node::Repeat { node, min, max } => {
                let mut next = next;
                match max {
                    None => {
                        // A loop: the split is patched once the body exists.
                        let split = self.push(State::Split(next, next))?;
                        let body = self.compile(node, split)?;
                        self.states[split] = State::Split(body, next);
                        next = split;
                    }
                    Some(max) => {
                        let end = next;
                        for _ in *min..*max {
                            let body = self.compile(node, next)?;
                            next = self.push(State::Split(body, end))?;
                        }
                    }
                }
                for _ in 0..*min {
                    next = self.compile(node, next)?;
                }
                next
            }
        })
    }
}

/// The characters split into classes whose members no set of the pattern tells apart.
struct Alphabet {
    classes: usize,
    /// `(first character, class)` for every run of characters of one class, sorted.
    runs: Vec<(u32, usize)>,
    /// `member[class][set]`: whether the characters of `class` are in `sets[set]`.
    member: Vec<Vec<bool>>,
}

impl Alphabet {
    fn new(sets: &[CharSet]) -> Self {
        let mut bounds = vec![0u32];
        for set in sets {
            for &(start, end) in set.ranges() {
                bounds.push(start);
                bounds.push(end + 1);
            }
        }
        bounds.push(0x80);
        bounds.sort_unstable();
        bounds.dedup();
        bounds.retain(|&bound| bound <= super::charset::MAX);
        let mut signatures: HashMap<Vec<bool>, usize> = HashMap::new();
        let mut member = Vec::new();
        let mut runs: Vec<(u32, usize)> = Vec::new();
        for &bound in &bounds {
            let signature: Vec<bool> = sets.iter().map(|set| set.contains(bound)).collect();
            let next_class = signatures.len();
            let class = *signatures.entry(signature.clone()).or_insert(next_class);
            if class == member.len() {
                member.push(signature);
            }
            // Runs stay split at U+0080 so that the ASCII table and the rest meet there.
            match runs.last() {
                Some(&(_, last)) if last == class && bound != 0x80 => {}
                _ => runs.push((bound, class)),
            }
        }
        Alphabet {
            classes: member.len(),
            runs,
            member,
        }
    }

    fn class_of(&self, c: u32) -> usize {
        let at = self.runs.partition_point(|&(start, _)| start <= c);
        self.runs[at - 1].1
    }
}

/// Subset construction. DFA states are sets of NFA states (character states, `End` states and
/// `Match`) closed under the unconditional moves; the start state also takes `Start` moves.
fn determinize(nfa: &Nfa, start: usize, alphabet: &Alphabet) -> Result<Dfa, &'static str> {
    let classes = alphabet.classes;
    let mut ids: HashMap<(Vec<usize>, bool), u16> = HashMap::new();
    let mut sets: Vec<(Vec<usize>, bool)> = Vec::new();
    let mut next: Vec<u16> = Vec::new();
    let mut add = |key: (Vec<usize>, bool),
                   sets: &mut Vec<(Vec<usize>, bool)>|
     -> Result<u16, &'static str> {
        if let Some(&id) = ids.get(&key) {
            return Ok(id);
        }
        if sets.len() >= MAX_DFA_STATES || (sets.len() + 1) * classes > MAX_CELLS {
            return Err(TOO_BIG);
        }
        let id = sets.len() as u16;
        ids.insert(key.clone(), id);
        sets.push(key);
        Ok(id)
    };
    let mut marks = Marks::new(nfa.states.len());
    add((Vec::new(), false), &mut sets)?;
    let start = add(
        (closure(nfa, &mut marks, [start], true, false), true),
        &mut sets,
    )?;
    let mut done = 0;
    while done < sets.len() {
        let (current, _) = sets[done].clone();
        for class in 0..classes {
            let targets = current.iter().filter_map(|&state| match nfa.states[state] {
                State::Set { set, next } if alphabet.member[class][set] => Some(next),
                _ => None,
            });
            let target = closure(nfa, &mut marks, targets, false, false);
            let id = if target.is_empty() {
                0
            } else {
                add((target, false), &mut sets)?
            };
            next.push(id);
        }
        done += 1;
    }
    let accept = sets
        .iter()
        .map(|(states, at_start)| {
            closure(nfa, &mut marks, states.iter().copied(), *at_start, true)
                .iter()
                .any(|&state| matches!(nfa.states[state], State::Match))
        })
        .collect();
    let mut ascii = [0u8; 128];
    for (c, class) in ascii.iter_mut().enumerate() {
        *class = alphabet.class_of(c as u32) as u8;
    }
    let upper = alphabet
        .runs
        .iter()
        .filter(|&&(start, _)| start >= 0x80)
        .map(|&(start, class)| (start, class as u8))
        .collect();
    Ok(Dfa {
        ascii,
        upper,
        classes,
        next,
        accept,
        start,
    })
}

/// The states reachable from `from` without reading a character: through splits, `Start` when
/// `at_start`, `End` when `at_end`. Keeps the states that read or match (and `End` states, which
/// a later end of text may pass), sorted. `marks` remembers what this call has seen: a state is
/// seen when its mark equals the call's generation, so no call clears the whole table.
fn closure(
    nfa: &Nfa,
    marks: &mut Marks,
    from: impl IntoIterator<Item = usize>,
    at_start: bool,
    at_end: bool,
) -> Vec<usize> {
    let generation = marks.next_generation();
    let mut stack: Vec<usize> = from.into_iter().collect();
    let mut kept = Vec::new();
    while let Some(state) = stack.pop() {
        if std::mem::replace(&mut marks.seen[state], generation) == generation {
            continue;
        }
        match nfa.states[state] {
            State::Set { .. } | State::Match => kept.push(state),
            State::Split(a, b) => {
                stack.push(b);
                stack.push(a);
            }
            State::Start(next) => {
                if at_start {
                    stack.push(next);
                }
            }
            State::End(next) => {
                kept.push(state);
                if at_end {
                    stack.push(next);
                }
            }
        }
    }
    kept.sort_unstable();
    kept
}

/// The generation of the latest closure that saw each NFA state.
struct Marks {
    seen: Vec<u32>,
    generation: u32,
}

impl Marks {
    fn new(states: usize) -> Self {
        Marks {
            seen: vec![0; states],
            generation: 0,
        }
    }

    fn next_generation(&mut self) -> u32 {
        self.generation += 1;
        self.generation
    }
}
