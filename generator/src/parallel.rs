//! Running independent work on every core, with results in a fixed order.

/// `work` on every item, on up to `workers` threads, with the results in the order of `items`.
///
/// Workers take the next item from a shared counter over the items sorted by `weight`, heaviest
/// first, so the big ones start early and do not end up queued behind each other on one thread
/// while the others run out of work. A panic in `work` (a bug) becomes that item's
/// `on_panic(item, message)` result instead of tearing down the scope: the items are only
/// read, so nothing is left half-changed.
pub(crate) fn in_parallel<T: Sync, R: Send>(
    items: &[T],
    workers: usize,
    weight: impl Fn(&T) -> usize,
    work: impl Fn(&T) -> R + Sync,
    on_panic: impl Fn(&T, &str) -> R + Sync,
) -> Vec<R> {
    use std::sync::atomic::{AtomicUsize, Ordering};

    let mut order: Vec<usize> = (0..items.len()).collect();
    // Stable: items of equal weight keep their order.
    order.sort_by_key(|&i| std::cmp::Reverse(items.get(i).map_or(0, &weight)));
    let workers = workers.min(items.len()).max(1);
    let next = AtomicUsize::new(0);
    let (sender, receiver) = std::sync::mpsc::channel::<(usize, R)>();
    let mut results: Vec<Option<R>> = items.iter().map(|_| None).collect();
    std::thread::scope(|scope| {
        let (next, order, work, on_panic) = (&next, &order, &work, &on_panic);
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                let sender = sender.clone();
                scope.spawn(move || {
                    while let Some(&index) = order.get(next.fetch_add(1, Ordering::Relaxed)) {
                        let Some(item) = items.get(index) else {
                            break;
                        };
                        let result =
                            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(item)))
                                .unwrap_or_else(|payload| {
                                    on_panic(item, panic_message(payload.as_ref()))
                                });
                        if sender.send((index, result)).is_err() {
                            break;
                        }
                    }
                })
            })
            .collect();
        drop(sender);
        for (index, result) in receiver {
            if let Some(slot) = results.get_mut(index) {
                *slot = Some(result);
            }
        }
        // Joined here so that a panic that escaped a worker's loop (in `on_panic` itself) is
        // taken as a result, not re-raised by the scope; its item has no result, below.
        for handle in handles {
            let _ = handle.join();
        }
    });
    items
        .iter()
        .zip(results)
        .map(|(item, result)| {
            result.unwrap_or_else(|| on_panic(item, "the worker thread stopped without a result"))
        })
        .collect()
}

/// The text of a panic's payload (`panic!` gives a `&str` or a `String`).
fn panic_message(payload: &(dyn std::any::Any + Send)) -> &str {
    payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("no message")
}

#[cfg(test)]
mod tests {
    use super::in_parallel;

    #[test]
    fn in_parallel_keeps_the_order_of_the_items() {
        let items: Vec<usize> = (0..50).collect();
        for workers in [1, 2, 7, 100] {
            let doubled = in_parallel(&items, workers, |&n| n % 7, |&n| n * 2, |_, _| 0);
            assert_eq!(doubled, items.iter().map(|n| n * 2).collect::<Vec<_>>());
        }
        let none: Vec<usize> = in_parallel(&[], 2, |_: &usize| 0, |&n| n, |_, _| 0);
        assert!(none.is_empty());
    }

    #[test]
    #[allow(clippy::panic)]
    fn a_panic_in_work_becomes_that_items_result() {
        let items = ["a", "b", "c", "d"];
        let results = in_parallel(
            &items,
            2,
            |_| 1,
            |&item| {
                if item == "c" {
                    panic!("cannot do {item}");
                }
                Ok(item.to_uppercase())
            },
            |&item, message| Err(format!("{item}: {message}")),
        );
        assert_eq!(
            results,
            vec![
                Ok("A".to_string()),
                Ok("B".to_string()),
                Err("c: cannot do c".to_string()),
                Ok("D".to_string()),
            ]
        );
    }
}
