package polynomialnetwork.spark;

import polynomialnetwork.engine.data.BlockAggregator;
import polynomialnetwork.engine.data.BlockState;
import polynomialnetwork.engine.data.DesignMatrix;
import polynomialnetwork.engine.data.RowBlock;
import polynomialnetwork.engine.data.RowBlocks;
import polynomialnetwork.engine.data.RowFilter;
import polynomialnetwork.engine.data.SolverInterruptedException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;

/**
 * The data seam on Spark: the row blocks are the elements of a cached RDD (built on the
 * executors, never collected), and the blocks' states live beside them in a second RDD with one
 * element per partition, so that nothing per row ever reaches the driver.
 *
 * <p>A pass broadcasts its aggregator (the small inputs), runs it over each partition's blocks
 * and merges the partitions' accumulators in partition order ({@link OrderedMerge}, a fixed
 * order where Spark's {@code treeAggregate} merges in the order tasks finish), so that a fit is
 * reproducible bit for bit, retried tasks or not. A read-only pass destroys its
 * broadcast at once. A pass that updates the state makes a new state RDD from the old one
 * (copying each state before the pass changes it, so that a lost partition can be recomputed
 * from its predecessor) and caches it; its broadcast is kept while the lineage still needs it,
 * and every {@link #CHECKPOINT_INTERVAL} updates the state is checkpointed, which cuts the lineage
 * and releases those broadcasts. One pass is one Spark job.
 */
final class SparkRowBlocks implements RowBlocks, AutoCloseable {

  /** State updates between checkpoints: bounds the lineage a lost partition is recomputed from. */
  static final int CHECKPOINT_INTERVAL = 10;

  private final JavaSparkContext sc;
  private final JavaRDD<RowBlock> blocks;
  private final int cols;
  private final long rows;
  private JavaRDD<PartitionState> state;
  private final List<Broadcast<?>> lineageBroadcasts = new ArrayList<>();
  private int updatesSinceCheckpoint;
  /** The state RDD last checkpointed (its files are deleted when the next one is written). */
  private JavaRDD<PartitionState> checkpointed;
  private long passes;
  /** Rows gone through by the passes of these blocks and of their subsets, and by building those. */
  private final AtomicLong rowsRead;
  /** Whether these blocks are a {@link #subset}'s, which {@link #release()} unpersists. */
  private final boolean isSubset;

  /**
   * @param blocks the row blocks, persisted by the caller or not (they are persisted here)
   * @param cols p
   * @param rows m (known from the pass that built the blocks)
   */
  SparkRowBlocks(JavaSparkContext sc, JavaRDD<RowBlock> blocks, int cols, long rows) {
    this(sc, blocks, cols, rows, new AtomicLong(), false);
  }

  private SparkRowBlocks(JavaSparkContext sc, JavaRDD<RowBlock> blocks, int cols, long rows,
      AtomicLong rowsRead, boolean isSubset) {
    this.rowsRead = rowsRead;
    this.isSubset = isSubset;
    this.sc = sc;
    this.blocks = blocks.getStorageLevel().equals(StorageLevel.NONE())
        ? blocks.persist(StorageLevel.MEMORY_AND_DISK()) : blocks;
    this.cols = cols;
    this.rows = rows;
    this.state = this.blocks.mapPartitions(SparkRowBlocks::emptyStates, true)
        .persist(StorageLevel.MEMORY_AND_DISK());
  }

  /** The states of one partition's blocks, in block order, and the last pass's accumulator. */
  static final class PartitionState implements Serializable {
    private static final long serialVersionUID = 1L;
    final BlockState[] states;
    final Object output;

    PartitionState(BlockState[] states, Object output) {
      this.states = states;
      this.output = output;
    }
  }

  private static Iterator<PartitionState> emptyStates(Iterator<RowBlock> it) {
    List<BlockState> s = new ArrayList<>();
    while (it.hasNext()) {
      it.next();
      s.add(new BlockState());
    }
    return Collections.singletonList(new PartitionState(s.toArray(new BlockState[0]), null))
        .iterator();
  }

  /**
   * The one state of a partition; the iterator is read to its end, which is what releases
   * Spark's read lock on the cached block.
   */
  private static PartitionState only(Iterator<PartitionState> it) {
    PartitionState s = it.next();
    if (it.hasNext()) {
      throw new IllegalStateException("a partition has more than one state element");
    }
    return s;
  }

  @Override
  public int cols() {
    return cols;
  }

  @Override
  public long rows() {
    return rows;
  }

  /** Passes (Spark jobs) run so far on these blocks (not on their subsets). */
  public long passes() {
    return passes;
  }

  /**
   * Rows gone through so far by the passes of these blocks and of their subsets, building the
   * subsets included; divided by {@link #rows()}, the fit's pass-equivalents.
   */
  public long rowsRead() {
    return rowsRead.get();
  }

  @Override
  public <A> A aggregate(BlockAggregator<A> aggregator) {
    if (Thread.currentThread().isInterrupted()) {
      throw new SolverInterruptedException();
    }
    passes++;
    rowsRead.addAndGet(rows);
    final Broadcast<BlockAggregator<A>> inputs = sc.broadcast(aggregator);
    if (!aggregator.updatesState()) {
      try {
        JavaRDD<A> parts = blocks.zipPartitions(state, (b, s) -> {
          BlockAggregator<A> agg = inputs.value();
          BlockState[] st = only(s).states;
          A acc = agg.zero();
          for (int i = 0; b.hasNext(); i++) {
            acc = agg.add(acc, b.next(), st[i]);
          }
          return Collections.singletonList(acc).iterator();
        });
        return OrderedMerge.of(parts, aggregator::merge);
      } finally {
        inputs.destroy();
      }
    }
    JavaRDD<PartitionState> next = blocks.zipPartitions(state, (b, s) -> {
      BlockAggregator<A> agg = inputs.value();
      BlockState[] old = only(s).states;
      BlockState[] fresh = new BlockState[old.length];
      A acc = agg.zero();
      for (int i = 0; b.hasNext(); i++) {
        fresh[i] = old[i].copy();
        acc = agg.add(acc, b.next(), fresh[i]);
      }
      return Collections.singletonList(new PartitionState(fresh, acc)).iterator();
    }).persist(StorageLevel.MEMORY_AND_DISK());
    lineageBroadcasts.add(inputs);
    boolean checkpoint = ++updatesSinceCheckpoint >= CHECKPOINT_INTERVAL
        && sc.getCheckpointDir().isPresent();
    if (checkpoint) {
      next.checkpoint();
    }
    @SuppressWarnings("unchecked")
    JavaRDD<A> parts = next.map(ps -> (A) ps.output);
    A result = OrderedMerge.of(parts, aggregator::merge);
    JavaRDD<PartitionState> old = state;
    state = next;
    old.unpersist(false);
    if (checkpoint) {
      // the checkpoint was written by the job above: the lineage now starts at it, and the
      // checkpoint before it is no longer read by anything
      deleteCheckpointOf(checkpointed);
      checkpointed = next;
      updatesSinceCheckpoint = 0;
      for (Broadcast<?> b : lineageBroadcasts) {
        b.destroy();
      }
      lineageBroadcasts.clear();
    }
    return result;
  }

  /** Deletes the checkpoint files of {@code rdd}, if it has any (best effort: they are temporary). */
  private void deleteCheckpointOf(JavaRDD<PartitionState> rdd) {
    if (rdd == null || !rdd.rdd().getCheckpointFile().isDefined()) {
      return;
    }
    try {
      org.apache.hadoop.fs.Path path =
          new org.apache.hadoop.fs.Path(rdd.rdd().getCheckpointFile().get());
      path.getFileSystem(sc.hadoopConfiguration()).delete(path, true);
    } catch (java.io.IOException e) {
      // an undeleted checkpoint costs disk space, not correctness
    }
  }

  /**
   * The kept rows of each partition, in blocks of {@link DesignMatrix#DEFAULT_BLOCK_ROWS} rows (on
   * one partition the blocks the in-memory back end builds), cached; one job builds and counts
   * them. {@link #release()} (or close) unpersists them.
   */
  @Override
  public RowBlocks subset(RowFilter filter) {
    if (Thread.currentThread().isInterrupted()) {
      throw new SolverInterruptedException();
    }
    final int p = cols;
    JavaRDD<RowBlock> kept = blocks.mapPartitions(it -> {
      DesignMatrix.Builder b = new DesignMatrix.Builder(p, 0, DesignMatrix.DEFAULT_BLOCK_ROWS);
      while (it.hasNext()) {
        RowBlock block = it.next();
        b.addRows(block, filter.keeps(block));
      }
      List<RowBlock> out = new ArrayList<>();
      if (b.rows() > 0) {
        DesignMatrix m = b.build(true);
        for (int k = 0; k < m.blockCount(); k++) {
          out.add(m.rowBlock(k));
        }
      }
      return out.iterator();
    }, true).persist(StorageLevel.MEMORY_AND_DISK());
    long n = kept.map(RowBlock::rows).fold(0, Integer::sum);
    rowsRead.addAndGet(rows);
    if (n == 0) {
      kept.unpersist(false);
      return null;
    }
    return new SparkRowBlocks(sc, kept, cols, n, rowsRead, true);
  }

  @Override
  public void release() {
    if (isSubset) {
      close();
    }
  }

  /** Releases the cached state, the blocks, the broadcasts and the checkpoint files. */
  @Override
  public void close() {
    deleteCheckpointOf(checkpointed);
    checkpointed = null;
    state.unpersist(false);
    blocks.unpersist(false);
    for (Broadcast<?> b : lineageBroadcasts) {
      b.destroy();
    }
    lineageBroadcasts.clear();
  }
}
