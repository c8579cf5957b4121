//! Checks many files on all cores and hands results back in input order, as
//! soon as each is ready in that order: output never depends on thread
//! timing, and a huge run streams instead of piling up in memory.
//!
//! Memory stays flat with corpus size: items are processed in windows of
//! [`WINDOW`], and results pass through a bounded channel, so when output
//! is slower than checking (a terminal, a slow pipe) the workers wait
//! instead of holding thousands of finished articles.

use std::collections::BTreeMap;
use std::ops::ControlFlow;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

use rayon::prelude::*;

/// How many items may be in flight (checked but not yet emitted) at once.
pub const WINDOW: usize = 256;

/// Run `work` on every item in parallel; call `emit` with the results in
/// item order. `emit` may stop the run early (e.g. the output pipe closed).
pub fn in_order<T, R>(
    items: &[T],
    work: impl Fn(&T) -> R + Sync,
    mut emit: impl FnMut(R) -> ControlFlow<()>,
) where
    T: Sync,
    R: Send,
{
    let stop = AtomicBool::new(false);
    let (tx, rx) = mpsc::channel::<(usize, R)>();
    std::thread::scope(|scope| {
        let stop = &stop;
        let work = &work;
        scope.spawn(move || {
            items
                .par_iter()
                .enumerate()
                .for_each_with(tx, |tx, (i, item)| {
                    if stop.load(Ordering::Relaxed) {
                        return;
                    }
                    let _ = tx.send((i, work(item)));
                });
        });
        let mut pending = BTreeMap::new();
        let mut next = 0;
        for (i, result) in rx.iter() {
            if stop.load(Ordering::Relaxed) {
                continue;
            }
            pending.insert(i, result);
            while let Some(result) = pending.remove(&next) {
                next += 1;
                if emit(result).is_break() {
                    stop.store(true, Ordering::Relaxed);
                    break;
                }
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_input_order() {
        let items: Vec<u64> = (0..500).collect();
        let mut seen = Vec::new();
        in_order(
            &items,
            |&n| {
                // Uneven work so threads finish out of order.
                std::thread::sleep(std::time::Duration::from_micros((n * 7919) % 300));
                n
            },
            |n| {
                seen.push(n);
                ControlFlow::Continue(())
            },
        );
        assert_eq!(seen, items);
    }

    #[test]
    fn emit_can_stop_the_run() {
        let items: Vec<u32> = (0..10_000).collect();
        let mut count = 0;
        in_order(
            &items,
            |&n| n,
            |_| {
                count += 1;
                if count == 3 {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            },
        );
        assert_eq!(count, 3);
    }
}
