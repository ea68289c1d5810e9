/**
 * The data seam (doc/algorithms.md §10): the training rows as blocks that a fit cannot touch,
 * only run passes over. A pass ({@link polynomialnetwork.engine.data.BlockAggregator}) visits
 * each {@link polynomialnetwork.engine.data.RowBlock} with its
 * {@link polynomialnetwork.engine.data.BlockState}, may update that state, and returns a small
 * accumulator; {@link polynomialnetwork.engine.data.RowBlocks} runs it, in memory on threads
 * ({@link polynomialnetwork.engine.data.ThreadedRowBlocks}) or on Spark partitions (the Spark
 * entry points implement the same interface). Also the in-memory rows themselves
 * ({@link polynomialnetwork.engine.data.DesignMatrix}) and instance weights' scaling. Uses
 * nothing else of the engine.
 */
package polynomialnetwork.engine.data;
