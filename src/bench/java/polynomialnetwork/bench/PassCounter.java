package polynomialnetwork.bench;

import polynomialnetwork.engine.data.BlockAggregator;
import polynomialnetwork.engine.data.PassObserver;
import polynomialnetwork.engine.data.ThreadedRowBlocks;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts and times the passes of every in-memory fit in this JVM, by kind (the pass's class
 * name, "+state" when it updates the blocks' state): installed as the back end's
 * {@link PassObserver} on first use, for benchmarks that count the work.
 */
public final class PassCounter implements PassObserver {

  private static final PassCounter INSTANCE = new PassCounter();
  private static volatile boolean installed;

  private final AtomicLong passes = new AtomicLong();
  private final AtomicLong rowsTouched = new AtomicLong();
  private final ConcurrentHashMap<String, long[]> byKind = new ConcurrentHashMap<>();

  private PassCounter() {
  }

  /** The counter, installed (from now on every pass in this JVM is counted). */
  public static PassCounter installed() {
    if (!installed) {
      ThreadedRowBlocks.observe(INSTANCE);
      installed = true;
    }
    return INSTANCE;
  }

  @Override
  public void passDone(BlockAggregator<?> aggregator, long rows, long nanos) {
    passes.incrementAndGet();
    rowsTouched.addAndGet(rows);
    long[] k = byKind.computeIfAbsent(kind(aggregator), n -> new long[3]);
    synchronized (k) {
      k[0]++;
      k[1] += nanos;
      k[2] += rows;
    }
  }

  @Override
  public void subsetBuilt(long rows, long kept) {
    rowsTouched.addAndGet(rows);
    long[] k = byKind.computeIfAbsent("RowSubset", n -> new long[3]);
    synchronized (k) {
      k[0]++;
      k[2] += rows;
    }
  }

  /** Rows gone through so far by all passes and subset builds (divided by m: pass-equivalents). */
  public long rowsTouched() {
    return rowsTouched.get();
  }

  /**
   * The kind of a pass: its class's simple name (the full name for an anonymous class), with
   * "+state" when it updates the blocks' state.
   */
  public static String kind(BlockAggregator<?> aggregator) {
    String name = aggregator.getClass().getSimpleName();
    if (name.isEmpty()) {
      name = aggregator.getClass().getName();
    }
    return name + (aggregator.updatesState() ? "+state" : "");
  }

  /** Passes counted so far. */
  public long passes() {
    return passes.get();
  }

  /** Passes so far by kind: kind to {count, wall nanoseconds, rows gone through}, a copy. */
  public Map<String, long[]> byKind() {
    Map<String, long[]> copy = new TreeMap<>();
    for (Map.Entry<String, long[]> e : byKind.entrySet()) {
      synchronized (e.getValue()) {
        copy.put(e.getKey(), e.getValue().clone());
      }
    }
    return copy;
  }
}
