package polynomialnetwork.engine;

/**
 * The pass that forms Σ_i w_i d_i x_i x_iᵀ explicitly (upper triangle), for EP-ROM and BK-SVD:
 * O(p²) per row. Four rows are accumulated at a time (a rank-4 update whose inner loop is an
 * axpy over the row).
 */
final class ExplicitGradient implements BlockAggregator<double[][]> {

  private static final long serialVersionUID = 1L;

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
    PassKernel simd = PassKernel.best();
    double[] wd = state.weightedResidual;
    double[] blk = block.values();
    int n = block.rows();
    int i = 0;
    for (; i + 4 <= n; i += 4) {
      double f0 = wd[i];
      double f1 = wd[i + 1];
      double f2 = wd[i + 2];
      double f3 = wd[i + 3];
      if (f0 == 0 && f1 == 0 && f2 == 0 && f3 == 0) {
        continue;
      }
      int o0 = i * p;
      for (int a = 0; a < p; a++) {
        simd.accumulate4(blk, o0, p, a, f0 * blk[o0 + a], f1 * blk[o0 + p + a],
            f2 * blk[o0 + 2 * p + a], f3 * blk[o0 + 3 * p + a], g[a]);
      }
    }
    for (; i < n; i++) {
      double f = wd[i];
      if (f == 0) {
        continue;
      }
      int o = i * p;
      for (int a = 0; a < p; a++) {
        PassKernel.accumulate1(blk, o, p, a, f * blk[o + a], g[a]);
      }
    }
    return g;
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
