package polynomialnetwork.spark;

import polynomialnetwork.engine.data.BlockAggregator;
import polynomialnetwork.engine.data.BlockState;
import polynomialnetwork.engine.data.DelegatingRowBlocks;
import polynomialnetwork.engine.data.RowBlock;
import polynomialnetwork.engine.data.RowBlocks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.classifiers.functions.PolynomialNetwork;
import weka.core.Instances;

/**
 * A task that fails once is retried and the model is the same, bit for bit: Spark's
 * {@code local[2,4]} master retries a failed task up to 4 times, and the first attempt of one
 * task of a pass that updates the per-row state throws. The retried task recomputes the state
 * from the state before the pass, and the partition-ordered merge makes the sums exactly those
 * of the undisturbed run.
 */
class SparkFaultToleranceTest {

  static SparkSession spark;

  @TempDir
  static Path dir;

  /** Failures injected so far (local mode: the tasks run in this JVM). */
  static final AtomicInteger INJECTED = new AtomicInteger();

  @BeforeAll
  static void start() {
    spark = SparkSessions.local("local[2,4]");
  }

  @AfterAll
  static void stop() {
    SparkSessions.stop(spark);
  }

  @Test
  void aTaskThatFailsOnceIsRetriedAndTheModelIsTheSame() throws Exception {
    Instances data = SparkTestData.planted(6_000, 12, 2, 0.05, 21);
    Path csv = SparkTestData.csv(data, dir.resolve("planted.csv"), "?");
    String[] args = {"--input", csv.toString(), "--model", dir.resolve("x.model").toString(),
      "--partitions", "2", "--", "-N", "2", "-S", "4"};
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true);

    PolynomialNetwork undisturbed = TrainOnSpark.train(spark, SparkCommandLine.parse(args),
        quiet, UnaryOperator.identity());
    assertEquals(0, INJECTED.get());
    java.util.concurrent.atomic.AtomicReference<FailOnceAt> failing =
        new java.util.concurrent.atomic.AtomicReference<>();
    PolynomialNetwork retried = TrainOnSpark.train(spark, SparkCommandLine.parse(args),
        quiet, blocks -> {
          failing.set(new FailOnceAt(blocks, 6));
          return failing.get();
        });
    assertEquals(1, INJECTED.get(), "one task failed once");

    assertEquals(undisturbed.getMeasure("measureNumIterations"),
        retried.getMeasure("measureNumIterations"));
    for (int i = 0; i < data.numInstances(); i += 7) {
      assertEquals(undisturbed.classifyInstance(data.instance(i)),
          retried.classifyInstance(data.instance(i)), 0.0, "instance " + (i + 1));
    }
    // the failure came in the middle of the fit, not at its end
    assertTrue(failing.get().passes > failing.get().failedAt + 10,
        failing.get().passes + " passes, failed at " + failing.get().failedAt);
    assertTrue(undisturbed.getMeasure("measureNumIterations") > 2);
  }

  /** Makes the first state-updating pass from pass {@code from} on fail once in partition 1. */
  static final class FailOnceAt extends DelegatingRowBlocks {
    private final int from;
    private int passes;
    /** The pass that failed once (0 before). */
    private int failedAt;
    private boolean armed = true;

    FailOnceAt(RowBlocks inner, int from) {
      super(inner);
      this.from = from;
    }

    @Override
    public <A> A aggregate(BlockAggregator<A> aggregator) {
      if (++passes >= from && armed && aggregator.updatesState()) {
        armed = false;
        failedAt = passes;
        return inner.aggregate(new FailingFirstAttempt<>(aggregator));
      }
      return inner.aggregate(aggregator);
    }
  }

  static final class FailingFirstAttempt<A> implements BlockAggregator<A> {
    private static final long serialVersionUID = 1L;
    private final BlockAggregator<A> inner;

    FailingFirstAttempt(BlockAggregator<A> inner) {
      this.inner = inner;
    }

    @Override
    public A zero() {
      return inner.zero();
    }

    @Override
    public A add(A acc, RowBlock block, BlockState state) {
      TaskContext task = TaskContext.get();
      if (task != null && task.partitionId() == 1 && task.attemptNumber() == 0) {
        INJECTED.incrementAndGet();
        throw new IllegalStateException("injected failure in the first attempt");
      }
      return inner.add(acc, block, state);
    }

    @Override
    public A merge(A acc, A other) {
      return inner.merge(acc, other);
    }

    @Override
    public boolean updatesState() {
      return inner.updatesState();
    }
  }
}
