//! Checks many files on all cores and hands results back in input order:
//! output never depends on thread timing, and a huge run streams instead of
//! piling up in memory.
//!
//! Items are checked in windows of [`WINDOW`], each spread over all cores;
//! while one window is checked, the results of the one before are emitted.
//! At most two windows of results exist at once, whatever the corpus size
//! and however slow the output (a terminal, a slow pipe).

use std::ops::ControlFlow;

use rayon::prelude::*;

/// How many items are checked together. Large enough that a slow article
/// rarely leaves a core idle at a window's end, small enough that two
/// windows of results (source text included) stay a few megabytes.
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
    let work = &work;
    std::thread::scope(|scope| {
        let mut ready: Vec<R> = Vec::new();
        for window in items.chunks(WINDOW) {
            let checking = scope.spawn(move || window.par_iter().map(work).collect::<Vec<R>>());
            let stopped = ready.drain(..).any(|result| emit(result).is_break());
            ready = match checking.join() {
                Ok(results) => results,
                Err(panic) => std::panic::resume_unwind(panic),
            };
            if stopped {
                return;
            }
        }
        for result in ready {
            if emit(result).is_break() {
                return;
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
    fn finished_results_waiting_for_output_stay_bounded() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let waiting = AtomicUsize::new(0);
        let mut most = 0;
        let items: Vec<u64> = (0..20 * WINDOW as u64).collect();
        in_order(
            &items,
            |&n| {
                waiting.fetch_add(1, Ordering::SeqCst);
                n
            },
            |_| {
                most = most.max(waiting.fetch_sub(1, Ordering::SeqCst));
                // Output slower than checking.
                std::thread::sleep(std::time::Duration::from_micros(20));
                ControlFlow::Continue(())
            },
        );
        assert!(most <= 2 * WINDOW, "{most} results waited at once");
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
