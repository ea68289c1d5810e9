package polynomialnetwork.engine.data;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Splits the row blocks 0..n-1 into contiguous ranges, one per thread, runs a task on each and
 * merges the partial results in range order. A fixed split and a fixed merge order make a run
 * repeatable for a given thread count (and equal to rounding across counts).
 */
final class BlockRanges {

  /** Work on the blocks [from, to). */
  interface RangeTask<T> {
    T run(int from, int to);
  }

  /** Adds {@code part} into {@code total}, returning the sum (possibly {@code total} itself). */
  interface Merge<T> {
    T into(T total, T part);
  }

  private BlockRanges() {
  }

  static <T> T mapReduce(int blocks, int threads, ExecutorService executor, RangeTask<T> task,
      Merge<T> merge) {
    int parts = executor == null ? 1 : Math.max(1, Math.min(threads, blocks));
    if (parts == 1) {
      return task.run(0, blocks);
    }
    // Ranges 1..parts-1 go to the pool; range 0 runs on the calling thread, which would
    // otherwise only wait (one hand-off fewer per pass, and its caches stay in use).
    List<Future<T>> futures = new ArrayList<>();
    for (int t = 1; t < parts; t++) {
      final int from = (int) ((long) blocks * t / parts);
      final int to = (int) ((long) blocks * (t + 1) / parts);
      futures.add(executor.submit(() -> task.run(from, to)));
    }
    T total = null;
    try {
      try {
        total = task.run(0, (int) ((long) blocks / parts));
      } catch (RuntimeException | Error e) {
        for (Future<T> f : futures) {
          f.cancel(true);
        }
        throw e;
      }
      for (Future<T> f : futures) {
        total = merge.into(total, f.get());
      }
    } catch (InterruptedException e) {
      for (Future<T> f : futures) {
        f.cancel(true);
      }
      Thread.currentThread().interrupt();
      throw new SolverInterruptedException();
    } catch (ExecutionException e) {
      for (Future<T> f : futures) {
        f.cancel(true);
      }
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new IllegalStateException(cause);
    }
    return total;
  }
}
