package polynomialnetwork.engine.kernel;

import polynomialnetwork.engine.data.RowBlock;
import polynomialnetwork.engine.linalg.Linalg;
import java.util.Arrays;

/**
 * The inner loop of every pass that reads x_i through projections: for each row of a block,
 * t = Bᵀx_i; a {@link RowKernel} turns t into output coefficients s; then x_i·s_c is added into
 * output column c. One read of the block serves both products, which is what makes the
 * matrix-free head cost O(m·p·k) per Krylov step (doc/algorithms.md §3). Rows are taken four at a
 * time so that each load of B and of the output columns serves four rows; the arithmetic of each
 * four-row group is done by a {@link PassKernel} (portable, or the Vector API when present).
 */
public final class FusedRowPass {

  /** Rows handled together: 4 rows share each load of B and of the output columns. */
  private static final int ROW_GROUP = 4;

  private FusedRowPass() {
  }

  /**
   * Adds one block's contribution.
   *
   * @param in the k input columns (each of length p); may be empty
   * @param out the output columns (each of length p) to add into
   * @param scalars the scalar accumulators to add into
   */
  public static void run(RowBlock block, double[][] in, RowKernel kernel, double[][] out,
      double[] scalars, PassKernel simd) {
    final int p = block.cols();
    final int k = in.length;
    final int outCols = out.length;
    final double[] blk = block.values();
    final int n = block.rows();
    double[] t = new double[ROW_GROUP * Math.max(k, 1)];
    double[] s = new double[ROW_GROUP * Math.max(outCols, 1)];
    RowGroup group = PassKernels.rowGroup(simd, p);
    int i = 0;
    for (; i + ROW_GROUP <= n; i += ROW_GROUP) {
      group.load(blk, i * p);
      group.project(in, k, t);
      Arrays.fill(s, 0.0);
      for (int r = 0; r < ROW_GROUP; r++) {
        kernel.row(i + r, t, r * k, s, r * outCols, scalars);
      }
      if (outCols == 0 || allZero(s)) {
        continue;
      }
      int c = 0;
      for (; c + 2 <= outCols; c += 2) {
        group.accumulate2(s[c], s[outCols + c], s[2 * outCols + c], s[3 * outCols + c], out[c],
            s[c + 1], s[outCols + c + 1], s[2 * outCols + c + 1], s[3 * outCols + c + 1],
            out[c + 1]);
      }
      if (c < outCols) {
        group.accumulate(s[c], s[outCols + c], s[2 * outCols + c], s[3 * outCols + c], out[c]);
      }
    }
    for (; i < n; i++) {
      int o = i * p;
      PassKernel.project1(blk, o, p, in, k, t);
      Arrays.fill(s, 0, Math.max(outCols, 1), 0.0);
      kernel.row(i, t, 0, s, 0, scalars);
      for (int c = 0; c < outCols; c++) {
        if (s[c] != 0) {
          PassKernel.accumulate1(blk, o, p, 0, s[c], out[c]);
        }
      }
    }
  }

  private static boolean allZero(double[] s) {
    for (double v : s) {
      if (v != 0) {
        return false;
      }
    }
    return true;
  }

  /** Adds the columns and scalars of one pass's partial result into another's. */
  public static void addInto(double[][] out, double[] scalars, double[][] otherOut,
      double[] otherScalars) {
    for (int c = 0; c < out.length; c++) {
      Linalg.axpy(1.0, otherOut[c], out[c]);
    }
    for (int j = 0; j < scalars.length; j++) {
      scalars[j] += otherScalars[j];
    }
  }
}
