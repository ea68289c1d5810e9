package polynomialnetwork.engine.data;

/**
 * Told of every pass the in-memory back end runs, when one is installed
 * ({@link ThreadedRowBlocks#observe}): the benchmarks count and time passes by kind with it. No
 * observer is installed in a fit a user runs, and the back end then does no bookkeeping.
 */
public interface PassObserver {

  /**
   * @param aggregator the pass that ran
   * @param rows the rows it went through
   * @param nanos its wall time
   */
  void passDone(BlockAggregator<?> aggregator, long rows, long nanos);

  /**
   * A subset of rows was built ({@link RowBlocks#subset}): one pass through {@code rows} rows,
   * {@code kept} of them copied.
   */
  default void subsetBuilt(long rows, long kept) {
  }
}
