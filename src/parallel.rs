//! Work spread over every core (at most eight threads), results in the order of the input:
//! decoding articles, reading other tools' files, serializing and parsing a project's files.

/// `f` applied to every item, on every core; the results in the items' order. Threads take
/// the items a few at a time as they finish, not half each: a thread held up (a cold file,
/// another program on the core) does not leave the others waiting for it at the end.
pub fn map<I: Sync, T: Send>(items: &[I], f: impl Fn(&I) -> T + Sync) -> Vec<T> {
    map_owned(items.iter().collect(), f)
}

/// The threads to use: one per core, at most eight.
fn thread_count() -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8)
}

/// [`map`] taking the items: each is dropped as soon as `f` is done with it, so the items and
/// the results are not all in memory at once (an import's texts and the spans quoted from them).
/// Threads take the items eight at a time as they finish (see [`map`]).
pub fn map_owned<I: Send, T: Send>(items: Vec<I>, f: impl Fn(I) -> T + Sync) -> Vec<T> {
    use std::sync::Mutex;
    const BATCH: usize = 8;
    let threads = thread_count();
    if threads == 1 || items.len() < 2 {
        return items.into_iter().map(f).collect();
    }
    let count = items.len();
    let waiting = Mutex::new(items.into_iter().enumerate());
    let (f, waiting) = (&f, &waiting);
    let mut batches: Vec<(usize, Vec<T>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads.min(count))
            .map(|_| {
                scope.spawn(move || {
                    let mut done = Vec::new();
                    loop {
                        // A poisoned lock means another thread panicked: its panic is the
                        // one to report, when it is joined.
                        let Ok(mut rest) = waiting.lock() else {
                            return done;
                        };
                        let batch: Vec<(usize, I)> = rest.by_ref().take(BATCH).collect();
                        drop(rest);
                        let Some(&(start, _)) = batch.first() else {
                            return done;
                        };
                        done.push((start, batch.into_iter().map(|(_, item)| f(item)).collect()));
                    }
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| match h.join() {
                Ok(done) => done,
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    });
    batches.sort_unstable_by_key(|(start, _)| *start);
    batches
        .into_iter()
        .flat_map(|(_, results)| results)
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn keeps_the_order_of_the_items() {
        let items: Vec<u32> = (0..1000).collect();
        assert_eq!(
            super::map(&items, |x| x * 2),
            items.iter().map(|x| x * 2).collect::<Vec<_>>()
        );
        assert_eq!(super::map(&Vec::<u32>::new(), |x| *x), Vec::<u32>::new());
    }

    #[test]
    fn map_owned_keeps_the_order_and_drops_each_item_once() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static DROPPED: AtomicUsize = AtomicUsize::new(0);
        struct Item(u32);
        impl Drop for Item {
            fn drop(&mut self) {
                DROPPED.fetch_add(1, Ordering::Relaxed);
            }
        }
        for n in [0, 1, 2, 3, 1001] {
            let items: Vec<u32> = (0..n).collect();
            assert_eq!(
                super::map(&items, |x| x * 3),
                (0..n).map(|x| x * 3).collect::<Vec<_>>()
            );
            DROPPED.store(0, Ordering::Relaxed);
            let items: Vec<Item> = (0..n).map(Item).collect();
            let doubled = super::map_owned(items, |item| item.0 * 2);
            assert_eq!(doubled, (0..n).map(|x| x * 2).collect::<Vec<_>>());
            assert_eq!(DROPPED.load(Ordering::Relaxed), n as usize);
        }
    }
}
