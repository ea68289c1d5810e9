package polynomialnetwork.engine;

/**
 * The pass that forms Σ_i w_i d_i x_i x_iᵀ explicitly (upper triangle), for EP-ROM and BK-SVD:
 * O(p²) per row, a symmetric rank-n update per row block (what BLAS calls dsyrk), on as many
 * threads as {@link ThreadedRowBlocks} runs (each range of blocks into its own accumulator,
 * merged in range order, so a fixed thread count gives a fixed result).
 *
 * <p>Tiled so that the p×p accumulator is not streamed through memory once per four rows: for
 * each tile of G ({@link #TILE_ROWS} × {@link #TILE_COLS}, 128 KB, held in L2) all rows of the
 * block are added four at a time, each four-row segment x[J] (8 KB) staying in L1 across the
 * tile's rows. {@code scripts/dense-kernels.sh}, one block of 1024 rows, one thread, 512-bit
 * Vector API kernel, shared 2-core machine, min / median of 3–5 repeats in two runs:
 *
 * <pre>
 *    p   untiled rank-4 loop   tiled (this class)   F2J BLAS dsyrk (pure Java, weka-stable's)
 *  800   0.042–0.049 s         0.042–0.050 s        0.15–0.25 s
 * 1600   0.16–0.20 s           0.11–0.16 s          0.45–0.58 s
 * </pre>
 *
 * (portable kernel at p = 1600: 0.39 s untiled, 0.29 s tiled). F2J's dsyrk is the reference
 * BLAS loop nest translated to Java, unblocked and scalar, so it loses; a native BLAS is not
 * something a Weka installation can be assumed to have. The same tiling serves the quadratic
 * forms of the step search ({@link StepGram#quadraticForms}).
 */
final class ExplicitGradient implements BlockAggregator<double[][]> {

  private static final long serialVersionUID = 1L;

  /** Rows of G per tile. */
  static final int TILE_ROWS = 64;
  /** Columns of G per tile. */
  static final int TILE_COLS = 256;

  private final int p;

  ExplicitGradient(int p) {
    this.p = p;
  }

  @Override
  public double[][] zero() {
    return new double[p][p];
  }

  @Override
  public double[][] add(double[][] g, RowBlock block, RowState state) {
    addRows(g, block.values(), block.rows(), p, state.weightedResidual, PassKernel.best());
    return g;
  }

  /** G += Σ_i f_i x_i x_iᵀ (upper triangle) for the n rows of a row-major block (stride p). */
  static void addRows(double[][] g, double[] blk, int n, int p, double[] f, PassKernel simd) {
    int n4 = n - n % 4;
    for (int j0 = 0; j0 < p; j0 += TILE_COLS) {
      int j1 = Math.min(p, j0 + TILE_COLS);
      for (int a0 = 0; a0 < j1; a0 += TILE_ROWS) {
        int a1 = Math.min(j1, a0 + TILE_ROWS);
        for (int i = 0; i < n4; i += 4) {
          double f0 = f[i];
          double f1 = f[i + 1];
          double f2 = f[i + 2];
          double f3 = f[i + 3];
          if (f0 == 0 && f1 == 0 && f2 == 0 && f3 == 0) {
            continue;
          }
          int o0 = i * p;
          for (int a = a0; a < a1; a++) {
            simd.accumulate4(blk, o0, p, Math.max(a, j0), j1, f0 * blk[o0 + a],
                f1 * blk[o0 + p + a], f2 * blk[o0 + 2 * p + a], f3 * blk[o0 + 3 * p + a], g[a]);
          }
        }
        for (int i = n4; i < n; i++) {
          double fi = f[i];
          if (fi == 0) {
            continue;
          }
          int o = i * p;
          for (int a = a0; a < a1; a++) {
            double s = fi * blk[o + a];
            double[] ga = g[a];
            for (int j = Math.max(a, j0); j < j1; j++) {
              ga[j] += s * blk[o + j];
            }
          }
        }
      }
    }
  }

  @Override
  public double[][] merge(double[][] total, double[][] part) {
    for (int i = 0; i < p; i++) {
      for (int j = i; j < p; j++) {
        total[i][j] += part[i][j];
      }
    }
    return total;
  }
}
