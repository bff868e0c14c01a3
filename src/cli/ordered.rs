//! Work in parallel, results in order: the CLI checks files on every core and prints each file's
//! results as soon as every earlier file's are printed, so that memory holds a bounded window of
//! results rather than all of them.

use std::collections::BTreeMap;
use std::sync::{mpsc, Condvar, Mutex, MutexGuard};
use std::thread;
use std::time::Duration;

/// How many items each worker may run ahead of the oldest result not yet emitted. It bounds the
/// results held at once (a few hundred files' results on two cores) while one slow file is
/// worked on.
const AHEAD_PER_WORKER: usize = 64;

/// How long the calling thread waits for the next result before it reports [`Ready::Waiting`].
const PAUSE: Duration = Duration::from_millis(20);

/// What [`for_each_ordered`] hands to its caller.
pub enum Ready<R> {
    /// The next result in order.
    Next(R),
    /// The next result is not done yet: the caller is about to wait for it.
    Waiting,
}

/// The most items a worker takes at once. A worker hands its results over once per batch, so the
/// calling thread is woken once per batch rather than once per file (a wake-up per file was 8% of
/// `check`'s time over small cables).
const MAX_BATCH: usize = 16;

/// How many workers [`for_each_ordered`] runs: `RAYON_NUM_THREADS` when it is a positive number
/// (as for rayon's pools, which `fmt` uses), otherwise the number of cores. Asking rayon itself
/// would start its global pool, threads that checking never uses (a cost at every start).
pub fn worker_count() -> usize {
    std::env::var("RAYON_NUM_THREADS")
        .ok()
        .and_then(|n| n.trim().parse::<usize>().ok())
        .filter(|&n| n > 0)
        .unwrap_or_else(|| thread::available_parallelism().map_or(1, |n| n.get()))
}

/// The items not yet taken, and how far the workers may run ahead.
struct Queue<I> {
    items: I,
    /// The index of the next item to take.
    next: usize,
    /// The number of results emitted so far.
    emitted: usize,
    /// Workers waiting for the window to move: the calling thread wakes them only when some are.
    sleeping: usize,
    /// Set when emitting failed: no more items are taken.
    stop: bool,
}

/// Runs `work` on every item on [`worker_count`] workers and calls `emit` with the results in the items' order, on the calling thread, each as
/// soon as it and every earlier one are done ([`Ready::Next`]). When the calling thread has waited
/// [`PAUSE`] for the next result, it calls `emit` with [`Ready::Waiting`] (the CLI flushes its
/// output there, so that a reader sees every finished file's results while a slow one is still
/// being checked).
///
/// Workers take runs of consecutive items (up to [`MAX_BATCH`], fewer when there are few items
/// for the workers) and hand over a run's results together. The items are taken from `items` as
/// the workers need them (a walk of the file system can feed them as it goes); when their number
/// is not known in advance, runs start at one item and grow with the items taken.
///
/// # Errors
/// The first error `emit` returns; no item is started after it and no result emitted.
pub fn for_each_ordered<T, R, E>(
    items: impl IntoIterator<Item = T, IntoIter: Send>,
    work: impl Fn(T) -> R + Sync,
    mut emit: impl FnMut(Ready<R>) -> Result<(), E>,
) -> Result<(), E>
where
    T: Send,
    R: Send,
{
    let items = items.into_iter();
    let known = match items.size_hint() {
        (low, Some(high)) if low == high => Some(low),
        _ => None,
    };
    if known.is_some_and(|n| n <= 1) {
        // One file (the commonest run from an editor or a hook): a worker thread would only
        // add its start to the run's.
        for item in items {
            emit(Ready::Next(work(item)))?;
        }
        return Ok(());
    }
    let workers = worker_count().clamp(1, known.unwrap_or(usize::MAX).max(1));
    let window = AHEAD_PER_WORKER * workers;
    // Eight batches a worker at least, so that the work stays spread when one run is slow.
    let batch_for = |taken: usize| (known.unwrap_or(taken) / (workers * 8)).clamp(1, MAX_BATCH);
    let queue = Mutex::new(Queue {
        items,
        next: 0,
        emitted: 0,
        sleeping: 0,
        stop: false,
    });
    let moved = Condvar::new();
    let lock = || -> MutexGuard<'_, Queue<_>> { queue.lock().unwrap_or_else(|e| e.into_inner()) };
    thread::scope(|scope| {
        let (sender, results) = mpsc::channel::<(usize, Vec<R>)>();
        for _ in 0..workers {
            let sender = sender.clone();
            let (work, moved, lock, batch_for) = (&work, &moved, &lock, &batch_for);
            scope.spawn(move || {
                let mut taken = Vec::with_capacity(MAX_BATCH);
                loop {
                    let first = {
                        let mut q = lock();
                        while !q.stop && q.next >= q.emitted + window {
                            q.sleeping += 1;
                            q = moved.wait(q).unwrap_or_else(|e| e.into_inner());
                            q.sleeping -= 1;
                        }
                        if q.stop {
                            return;
                        }
                        let room = (q.emitted + window - q.next).min(batch_for(q.next));
                        taken.extend(q.items.by_ref().take(room));
                        if taken.is_empty() {
                            return;
                        }
                        q.next += taken.len();
                        q.next - taken.len()
                    };
                    let done: Vec<R> = taken.drain(..).map(work).collect();
                    if sender.send((first, done)).is_err() {
                        return;
                    }
                }
            });
        }
        drop(sender);

        // Runs of results that arrived before an earlier one, by the index of their first.
        let mut waiting: BTreeMap<usize, std::vec::IntoIter<R>> = BTreeMap::new();
        let mut next = 0;
        let stop = |e| {
            lock().stop = true;
            moved.notify_all();
            Err(e)
        };
        loop {
            // Waiting briefly is normal (the next file is being checked); only a longer wait
            // is announced, so that the caller flushes once per pause rather than per file.
            let (first, run) = match results.recv_timeout(PAUSE) {
                Ok(received) => received,
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    if let Err(e) = emit(Ready::Waiting) {
                        return stop(e);
                    }
                    match results.recv() {
                        Ok(received) => received,
                        Err(mpsc::RecvError) => break,
                    }
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
            };
            waiting.insert(first, run.into_iter());
            while let Some(run) = waiting.remove(&next) {
                for result in run {
                    next += 1;
                    if let Err(e) = emit(Ready::Next(result)) {
                        return stop(e);
                    }
                }
            }
            let mut q = lock();
            q.emitted = next;
            if q.sleeping > 0 {
                drop(q);
                moved.notify_all();
            }
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_order_whatever_order_they_finish_in() {
        let items: Vec<u64> = (0..2_000).collect();
        let mut seen = Vec::new();
        for_each_ordered(
            items,
            |i| {
                // Early items take longer, so later ones finish first.
                if i % 97 == 0 {
                    thread::sleep(std::time::Duration::from_millis(2));
                }
                i * 2
            },
            |r| {
                if let Ready::Next(r) = r {
                    seen.push(r);
                }
                Ok::<(), ()>(())
            },
        )
        .unwrap();
        assert_eq!(seen, (0..2_000).map(|i| i * 2).collect::<Vec<_>>());
    }

    #[test]
    fn an_error_stops_the_work() {
        let started = std::sync::atomic::AtomicUsize::new(0);
        let mut emitted = 0;
        let result = for_each_ordered(
            (0..100_000).collect::<Vec<u32>>(),
            |i| {
                started.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                i
            },
            |ready| match ready {
                Ready::Next(10) => Err("broken pipe"),
                Ready::Next(_) => {
                    emitted += 1;
                    Ok(())
                }
                Ready::Waiting => Ok(()),
            },
        );
        assert_eq!(result, Err("broken pipe"));
        assert_eq!(emitted, 10);
        // The workers stop within their window instead of going through every item.
        assert!(started.into_inner() < 10_000);
    }

    #[test]
    fn no_items_no_results() {
        let mut n = 0;
        for_each_ordered(
            Vec::<u8>::new(),
            |i| i,
            |_| {
                n += 1;
                Ok::<(), ()>(())
            },
        )
        .unwrap();
        assert_eq!(n, 0);
    }
}
