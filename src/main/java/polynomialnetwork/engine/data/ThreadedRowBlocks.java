package polynomialnetwork.engine.data;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The in-memory implementation of the data seam: the blocks of a {@link DesignMatrix}, their
 * states beside them, and a pool of threads. The blocks are split into contiguous ranges, one
 * per thread; each range adds its blocks into one accumulator, in block order, and the ranges'
 * accumulators are merged in range order, so a run is repeatable for a given thread count.
 * Close it to stop the threads.
 */
public final class ThreadedRowBlocks implements RowBlocks, AutoCloseable {

  /** The observer every instance reports its passes to, or null (the default: none). */
  private static volatile PassObserver observer;

  private final DesignMatrix data;
  private final BlockState[] states;
  private final int threads;
  private final ExecutorService executor;
  /** Whether the executor is a parent's, which stops it. */
  private final boolean sharesExecutor;

  /**
   * @param threads the number of threads to use (at most one per block)
   */
  public ThreadedRowBlocks(DesignMatrix data, int threads) {
    this.data = data;
    this.states = emptyStates(data);
    this.threads = Math.max(1, Math.min(threads, data.blockCount()));
    this.executor = this.threads <= 1 ? null : Executors.newFixedThreadPool(this.threads, r -> {
      Thread t = new Thread(r, "polynomialNetwork-pass");
      t.setDaemon(true);
      return t;
    });
    this.sharesExecutor = false;
  }

  /** A subset's rows on the threads of {@code parent} (which owns and stops them). */
  private ThreadedRowBlocks(DesignMatrix data, ThreadedRowBlocks parent) {
    this.data = data;
    this.states = emptyStates(data);
    this.threads = parent.executor == null ? 1 : Math.max(1, Math.min(parent.threads,
        data.blockCount()));
    this.executor = this.threads <= 1 ? null : parent.executor;
    this.sharesExecutor = true;
  }

  private static BlockState[] emptyStates(DesignMatrix data) {
    BlockState[] s = new BlockState[data.blockCount()];
    for (int b = 0; b < s.length; b++) {
      s[b] = new BlockState();
    }
    return s;
  }

  /**
   * The kept rows copied into blocks of the same size as these (so that on one thread, or on one
   * Spark partition, a subset has the same blocks whichever back end built it).
   */
  @Override
  public RowBlocks subset(RowFilter filter) {
    DesignMatrix.Builder b = new DesignMatrix.Builder(data.cols(), 0, data.blockRows());
    for (int k = 0; k < data.blockCount(); k++) {
      RowBlock block = data.rowBlock(k);
      b.addRows(block, filter.keeps(block));
    }
    PassObserver o = observer;
    if (o != null) {
      o.subsetBuilt(data.rows(), b.rows());
    }
    return b.rows() == 0 ? null : new ThreadedRowBlocks(b.build(true), this);
  }

  /**
   * Installs the observer told of every pass of every instance in this JVM (null removes it).
   * For benchmarks that count the work; a fit never installs one.
   */
  public static void observe(PassObserver o) {
    observer = o;
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
    PassObserver o = observer;
    if (o == null) {
      return pass(aggregator);
    }
    long t0 = System.nanoTime();
    try {
      return pass(aggregator);
    } finally {
      o.passDone(aggregator, data.rows(), System.nanoTime() - t0);
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
    if (executor != null && !sharesExecutor) {
      executor.shutdownNow();
    }
  }
}
