package polynomialnetwork.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import scala.Tuple2;

/**
 * Merges one accumulator per partition in partition order, so that a floating-point sum comes
 * out bit for bit the same however often the job runs or its tasks are retried. Spark's own
 * {@code treeAggregate} and {@code fold} merge task results in the order the tasks finish, which
 * changes the last bits from run to run. Up to {@link #FAN_IN} partitions are collected and
 * merged on the driver (one job, one stage); beyond that, consecutive groups of partitions are
 * first merged on the executors (one shuffle of one accumulator per partition, sorted by
 * partition), which keeps the driver's share small.
 */
final class OrderedMerge {

  /** Accumulators the driver merges itself. */
  static final int FAN_IN = 64;

  /** An associative merge of {@code later} into {@code acc}. */
  interface Merge<A> extends Serializable {
    A into(A acc, A later);
  }

  /** What one partition's rows add up to. */
  interface PartitionSummary<T, A> extends Serializable {
    A of(Iterator<T> rows) throws Exception;
  }

  private OrderedMerge() {
  }

  /**
   * One pass over {@code rows}: each partition summarised on its executor, the summaries merged
   * in partition order ({@link #of}).
   */
  static <T, A> A summarise(JavaRDD<T> rows, PartitionSummary<T, A> summary, Merge<A> merge) {
    return of(rows.mapPartitions(it -> {
      List<A> one = new ArrayList<>(1);
      one.add(summary.of(it));
      return one.iterator();
    }), merge);
  }

  /** The merge of every element of {@code parts} (one per partition), in partition order. */
  static <A> A of(JavaRDD<A> parts, Merge<A> merge) {
    int n = parts.getNumPartitions();
    JavaRDD<A> level = parts;
    if (n > FAN_IN) {
      final int groups = (n + FAN_IN - 1) / FAN_IN;
      final int perGroup = (n + groups - 1) / groups;
      JavaPairRDD<Integer, A> keyed = parts.mapPartitionsWithIndex((i, it) -> {
        List<Tuple2<Integer, A>> out = new ArrayList<>();
        while (it.hasNext()) {
          out.add(new Tuple2<>(i, it.next()));
        }
        return out.iterator();
      }, true).mapToPair(t -> t);
      level = keyed.repartitionAndSortWithinPartitions(new GroupPartitioner(groups, perGroup))
          .mapPartitions(it -> mergeAll(it, merge));
    }
    List<A> top = level.collect();
    A acc = null;
    for (A a : top) {
      acc = acc == null ? a : merge.into(acc, a);
    }
    if (acc == null) {
      throw new IllegalStateException("no partition gave an accumulator");
    }
    return acc;
  }

  private static <A> Iterator<A> mergeAll(Iterator<Tuple2<Integer, A>> it, Merge<A> merge) {
    A acc = null;
    while (it.hasNext()) {
      A a = it.next()._2();
      acc = acc == null ? a : merge.into(acc, a);
    }
    List<A> out = new ArrayList<>(1);
    if (acc != null) {
      out.add(acc);
    }
    return out.iterator();
  }

  /** Sends partition i's accumulator to group i / perGroup. */
  static final class GroupPartitioner extends HashPartitioner {
    private static final long serialVersionUID = 1L;
    private final int perGroup;

    GroupPartitioner(int groups, int perGroup) {
      super(groups);
      this.perGroup = perGroup;
    }

    @Override
    public int getPartition(Object key) {
      return (Integer) key / perGroup;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof GroupPartitioner && ((GroupPartitioner) other).perGroup == perGroup
          && ((GroupPartitioner) other).numPartitions() == numPartitions();
    }

    @Override
    public int hashCode() {
      return 31 * numPartitions() + perGroup;
    }
  }
}
