package polynomialnetwork.engine.objective;

import polynomialnetwork.engine.data.BlockAggregator;
import polynomialnetwork.engine.data.BlockState;
import polynomialnetwork.engine.data.RowBlock;
import polynomialnetwork.engine.data.ThreadedRowBlocks;
import polynomialnetwork.engine.kernel.PassKernel;
import polynomialnetwork.engine.kernel.PassKernels;

/**
 * The pass that forms Σ_i w_i d_i x_i x_iᵀ explicitly (upper triangle), for EP-ROM and BK-SVD:
 * O(p²) per row, a symmetric rank-n update per row block (what BLAS calls dsyrk), on as many
 * threads as {@link ThreadedRowBlocks} runs (each range of blocks into its own accumulator,
 * merged in range order, so a fixed thread count gives a fixed result).
 *
 * <p>Blocked as a GEMM is: the rows of a block are packed, {@link #CHUNK_ROWS} at a time, into
 * micro-panels, and each 4 × w micro-tile of G (w = 16 with 512-bit vectors) is summed over the
 * chunk in registers ({@link PassKernel#rankUpdateTile}) and added to G once, instead of
 * streaming G through memory once per four rows as the rank-4 axpy loop did. Rows with
 * w_i d_i = 0 (held out, or outside the batch) are left out when packing.
 * {@code scripts/dense-kernels.sh}: one block of 1024 rows, one thread, 512-bit Vector API
 * kernel, on a 2-core machine shared with other jobs; min over 5–7 repeats, range over four
 * runs (the spread is mostly whether C2 had compiled the micro-kernel yet, and the other load):
 *
 * <pre>
 *    p   rank-4 axpy loop (before)   micro-tiles (this class)   F2J BLAS dsyrk
 *  800   0.026–0.050 s               0.010–0.044 s              0.11–0.15 s
 * 1600   0.13–0.24 s                 0.039–0.15 s               0.44–0.61 s
 * </pre>
 *
 * (portable kernel at p = 1600: 0.43 s before, 0.37 s). F2J's dsyrk (weka-stable's pure-Java
 * BLAS) is the reference loop nest translated to Java, unblocked and scalar, so it loses; a
 * native BLAS is not something a Weka installation can be assumed to have.
 */
final class ExplicitGradient implements BlockAggregator<double[][]> {

  private static final long serialVersionUID = 1L;

  /**
   * Rows per pass of the micro-tiles: the column panel a micro-tile reads (128 rows × w doubles,
   * 16 KB at w = 16) stays in L1 while the tiles of one column strip sweep down G.
   */
  static final int CHUNK_ROWS = 128;

  private final int p;

  ExplicitGradient(int p) {
    this.p = p;
  }

  @Override
  public double[][] zero() {
    return new double[p][p];
  }

  @Override
  public double[][] add(double[][] g, RowBlock block, BlockState state) {
    addRows(g, block.values(), block.rows(), p, SquaredLossRows.of(state).weightedResidual, PassKernels.best());
    return g;
  }

  /** G += Σ_i f_i x_i x_iᵀ (upper triangle) for the n rows of a row-major block (stride p). */
  static void addRows(double[][] g, double[] blk, int n, int p, double[] f, PassKernel simd) {
    int used = 0;
    for (int i = 0; i < n; i++) {
      if (f[i] != 0) {
        used++;
      }
    }
    if (used == 0) {
      return;
    }
    if (used < n) {
      // rows outside the batch or held out have f = 0: pack the others (O(n·p) against O(n·p²))
      double[] packed = new double[used * p];
      double[] fp = new double[used];
      int u = 0;
      for (int i = 0; i < n; i++) {
        if (f[i] != 0) {
          System.arraycopy(blk, i * p, packed, u * p, p);
          fp[u++] = f[i];
        }
      }
      blk = packed;
      f = fp;
      n = used;
    }
    int w = simd.tileWidth();
    int pw = p - p % w; // columns covered by full micro-tiles
    int p4 = p - p % 4; // rows covered by full micro-tiles
    int chunk = Math.min(n, CHUNK_ROWS);
    double[] xj = new double[pw * chunk];
    double[] sa = new double[p4 * chunk];
    for (int i0 = 0; i0 < n; i0 += CHUNK_ROWS) {
      int i1 = Math.min(n, i0 + CHUNK_ROWS);
      int c = i1 - i0;
      // Pack the chunk by micro-panels (strip j0: rows of w columns; group a0: rows of the four
      // scaled entries f_i x_i[a0..a0+3]) so that the micro-kernel reads contiguous memory:
      // strided rows p doubles apart would each fall on their own page.
      for (int i = 0; i < c; i++) {
        int o = (i0 + i) * p;
        double fi = f[i0 + i];
        for (int j0 = 0; j0 < pw; j0 += w) {
          System.arraycopy(blk, o + j0, xj, j0 * c + i * w, w);
        }
        for (int a0 = 0; a0 < p4; a0 += 4) {
          int to = a0 * c + 4 * i;
          sa[to] = fi * blk[o + a0];
          sa[to + 1] = fi * blk[o + a0 + 1];
          sa[to + 2] = fi * blk[o + a0 + 2];
          sa[to + 3] = fi * blk[o + a0 + 3];
        }
      }
      for (int j0 = 0; j0 < pw; j0 += w) {
        int aEnd = Math.min(p4, j0 + w);
        for (int a0 = 0; a0 < aEnd; a0 += 4) {
          simd.rankUpdateTile(sa, a0 * c, xj, j0 * c, c, a0, j0, g);
        }
      }
      // the edges: rows past the last full group of four, columns past the last full tile
      for (int a = 0; a < p; a++) {
        int from = a >= p4 ? a : Math.max(a, pw);
        double[] ga = g[a];
        for (int j = from; j < p; j++) {
          double sum = 0;
          for (int i = i0; i < i1; i++) {
            int o = i * p;
            sum += f[i] * blk[o + a] * blk[o + j];
          }
          ga[j] += sum;
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
