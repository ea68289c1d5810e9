package polynomialnetwork.engine;

import java.util.concurrent.ExecutorService;

/**
 * One fused pass over the rows of a {@link DesignMatrix}: Z = Σ_i x_i s_iᵀ where s_i is computed
 * by a {@link RowKernel} from t_i = Bᵀx_i. One read of X serves both products, which is what
 * makes the matrix-free head cost O(m·p·k) per Krylov step (algorithms.md §3.5, §3.7).
 *
 * <p>Row blocks are split into contiguous ranges, one per thread, each with private output
 * buffers merged in a fixed order, so a run is repeatable for a given thread count.
 */
public final class RowBlockPass {

  /** Rows handled together: 4 rows share each load of B and of the output columns. */
  private static final int ROW_GROUP = 4;

  private final DesignMatrix x;
  private final ExecutorService executor;
  private final int threads;
  private final PassKernel simd;

  /** Passes run so far in this JVM (all instances; for benchmarks that count the work). */
  private static final java.util.concurrent.atomic.AtomicLong PASSES =
      new java.util.concurrent.atomic.AtomicLong();

  /**
   * @param executor pool to run on, or null to run on the calling thread
   * @param threads number of row ranges to split the blocks into (1 = sequential)
   */
  public RowBlockPass(DesignMatrix x, ExecutorService executor, int threads) {
    this(x, executor, threads, PassKernel.best());
  }

  /** As above with a chosen inner-loop kernel (tests and benchmarks compare them). */
  public RowBlockPass(DesignMatrix x, ExecutorService executor, int threads, PassKernel simd) {
    this.simd = simd;
    this.x = x;
    this.executor = executor;
    this.threads = executor == null ? 1 : Math.max(1, Math.min(threads, x.blockCount()));
  }

  /** Number of {@link #run} calls so far in this JVM, over all instances. */
  public static long passesRun() {
    return PASSES.get();
  }

  public PassKernel kernel() {
    return simd;
  }

  public DesignMatrix data() {
    return x;
  }

  /** The result of a pass. */
  public static final class Result {
    /** outCols columns of length p. */
    public final double[][] out;
    public final double[] scalars;

    Result(double[][] out, double[] scalars) {
      this.out = out;
      this.scalars = scalars;
    }
  }

  /**
   * Runs the pass.
   *
   * @param in the k input columns (each of length p); may be empty
   * @param outCols number of output columns
   * @param nScalars number of scalar accumulators
   */
  public Result run(final double[][] in, final RowKernel kernel, final int outCols,
      final int nScalars) {
    PASSES.incrementAndGet();
    return BlockRanges.mapReduce(x.blockCount(), threads, executor,
        (from, to) -> runRange(in, kernel, outCols, nScalars, from, to),
        (total, part) -> {
          for (int c = 0; c < outCols; c++) {
            double[] a = total.out[c];
            double[] b = part.out[c];
            for (int j = 0; j < a.length; j++) {
              a[j] += b[j];
            }
          }
          for (int s = 0; s < nScalars; s++) {
            total.scalars[s] += part.scalars[s];
          }
        });
  }

  private Result runRange(double[][] in, RowKernel kernel, int outCols, int nScalars, int fromBlock,
      int toBlock) {
    final int p = x.cols();
    final int k = in.length;
    double[][] out = new double[outCols][p];
    double[] scalars = new double[nScalars];
    double[] t = new double[ROW_GROUP * Math.max(k, 1)];
    double[] s = new double[ROW_GROUP * Math.max(outCols, 1)];
    for (int b = fromBlock; b < toBlock; b++) {
      if (Thread.currentThread().isInterrupted()) {
        throw new SolverInterruptedException();
      }
      double[] blk = x.block(b);
      int n = x.blockSize(b);
      int row0 = x.blockStart(b);
      int i = 0;
      for (; i + ROW_GROUP <= n; i += ROW_GROUP) {
        int o = i * p;
        simd.project4(blk, o, p, in, k, t);
        java.util.Arrays.fill(s, 0.0);
        for (int r = 0; r < ROW_GROUP; r++) {
          kernel.row(row0 + i + r, t, r * k, s, r * outCols, scalars);
        }
        boolean any = false;
        for (double v : s) {
          if (v != 0) {
            any = true;
            break;
          }
        }
        if (any) {
          int c = 0;
          for (; c + 2 <= outCols; c += 2) {
            simd.accumulate4x2(blk, o, p, s[c], s[outCols + c], s[2 * outCols + c],
                s[3 * outCols + c], out[c], s[c + 1], s[outCols + c + 1],
                s[2 * outCols + c + 1], s[3 * outCols + c + 1], out[c + 1]);
          }
          if (c < outCols) {
            simd.accumulate4(blk, o, p, 0, s[c], s[outCols + c], s[2 * outCols + c],
                s[3 * outCols + c], out[c]);
          }
        }
      }
      for (; i < n; i++) {
        int o = i * p;
        PassKernel.project1(blk, o, p, in, k, t);
        java.util.Arrays.fill(s, 0, Math.max(outCols, 1), 0.0);
        kernel.row(row0 + i, t, 0, s, 0, scalars);
        for (int c = 0; c < outCols; c++) {
          if (s[c] != 0) {
            PassKernel.accumulate1(blk, o, p, 0, s[c], out[c]);
          }
        }
      }
    }
    return new Result(out, scalars);
  }
}
