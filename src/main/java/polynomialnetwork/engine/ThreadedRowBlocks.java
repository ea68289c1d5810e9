package polynomialnetwork.engine;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The in-memory implementation of the data seam: the blocks of a {@link DesignMatrix}, their
 * states beside them, and a pool of threads. The blocks are split into contiguous ranges, one
 * per thread; each range adds its blocks into one accumulator, in block order, and the ranges'
 * accumulators are merged in range order, so a run is repeatable for a given thread count.
 * Close it to stop the threads.
 */
public final class ThreadedRowBlocks implements RowBlocks, AutoCloseable {

  /** Passes run so far in this JVM (all instances; for benchmarks that count the work). */
  private static final AtomicLong PASSES = new AtomicLong();

  /**
   * Passes and their wall nanoseconds so far in this JVM by kind (the aggregator's class name,
   * "+state" when the pass updates the blocks' state): {count, nanos}. One map update per pass,
   * for benchmarks that split the work.
   */
  private static final ConcurrentHashMap<String, long[]> BY_KIND = new ConcurrentHashMap<>();

  private final DesignMatrix data;
  private final RowState[] states;
  private final int threads;
  private final ExecutorService executor;

  /**
   * @param threads the number of threads to use (at most one per block)
   */
  public ThreadedRowBlocks(DesignMatrix data, int threads) {
    this.data = data;
    this.states = new RowState[data.blockCount()];
    for (int b = 0; b < states.length; b++) {
      states[b] = new RowState();
    }
    this.threads = Math.max(1, Math.min(threads, data.blockCount()));
    this.executor = this.threads <= 1 ? null : Executors.newFixedThreadPool(this.threads, r -> {
      Thread t = new Thread(r, "polynomialNetwork-pass");
      t.setDaemon(true);
      return t;
    });
  }

  /** Number of passes run so far in this JVM, over all instances. */
  public static long passesRun() {
    return PASSES.get();
  }

  /** Passes so far in this JVM by kind: kind to {count, wall nanoseconds}, a copy. */
  public static Map<String, long[]> passesByKind() {
    Map<String, long[]> copy = new TreeMap<>();
    for (Map.Entry<String, long[]> e : BY_KIND.entrySet()) {
      synchronized (e.getValue()) {
        copy.put(e.getKey(), e.getValue().clone());
      }
    }
    return copy;
  }

  @Override
  public int cols() {
    return data.cols();
  }

  @Override
  public long rows() {
    return data.rows();
  }

  @Override
  public <A> A aggregate(final BlockAggregator<A> aggregator) {
    PASSES.incrementAndGet();
    long t0 = System.nanoTime();
    try {
      return pass(aggregator);
    } finally {
      long[] k = BY_KIND.computeIfAbsent(aggregator.getClass().getSimpleName()
          + (aggregator.updatesState() ? "+state" : ""), n -> new long[2]);
      synchronized (k) {
        k[0]++;
        k[1] += System.nanoTime() - t0;
      }
    }
  }

  private <A> A pass(final BlockAggregator<A> aggregator) {
    return BlockRanges.mapReduce(data.blockCount(), threads, executor, (from, to) -> {
      A acc = aggregator.zero();
      for (int b = from; b < to; b++) {
        if (Thread.currentThread().isInterrupted()) {
          throw new SolverInterruptedException();
        }
        acc = aggregator.add(acc, data.rowBlock(b), states[b]);
      }
      return acc;
    }, aggregator::merge);
  }

  @Override
  public boolean cheapStateUpdates() {
    return true;
  }

  @Override
  public void close() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }
}
