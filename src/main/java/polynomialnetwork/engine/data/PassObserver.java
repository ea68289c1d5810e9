package polynomialnetwork.engine.data;

/**
 * Told of every pass the in-memory back end runs, when one is installed
 * ({@link ThreadedRowBlocks#observe}): the benchmarks count and time passes by kind with it. No
 * observer is installed in a fit a user runs, and the back end then does no bookkeeping.
 */
public interface PassObserver {

  /**
   * @param aggregator the pass that ran
   * @param nanos its wall time
   */
  void passDone(BlockAggregator<?> aggregator, long nanos);
}
