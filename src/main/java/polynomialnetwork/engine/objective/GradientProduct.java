package polynomialnetwork.engine.objective;

import polynomialnetwork.engine.data.BlockAggregator;
import polynomialnetwork.engine.data.BlockState;
import polynomialnetwork.engine.data.RowBlock;
import polynomialnetwork.engine.kernel.FusedRowPass;
import polynomialnetwork.engine.kernel.PassKernels;

/**
 * The Krylov product's pass, Σ_i (w_i d_i / 2W) x_i (x_iᵀB) for a p×k block B (doc/algorithms.md
 * §3): one read of each row serves both products, from the weighted residual each block kept at
 * the last evaluation. The −(Σ w d / 2W)·B part of G·B needs no pass and is added by
 * DebiasedGradient.
 */
final class GradientProduct implements BlockAggregator<double[][]> {

  private static final long serialVersionUID = 1L;

  private final double[][] b;
  private final double scale;

  GradientProduct(double[][] b, double scale) {
    this.b = b;
    this.scale = scale;
  }

  @Override
  public double[][] zero() {
    return new double[b.length][b.length == 0 ? 0 : b[0].length];
  }

  @Override
  public double[][] add(double[][] acc, RowBlock block, BlockState state) {
    final int k = b.length;
    final double[] wd = SquaredLossRows.of(state).weightedResidual;
    final double f0 = scale;
    FusedRowPass.run(block, b, (i, t, tOff, out, oOff, sum) -> {
      double f = wd[i];
      if (f != 0) {
        f *= f0;
        for (int c = 0; c < k; c++) {
          out[oOff + c] = f * t[tOff + c];
        }
      }
    }, acc, new double[0], PassKernels.best());
    return acc;
  }

  @Override
  public double[][] merge(double[][] acc, double[][] other) {
    FusedRowPass.addInto(acc, new double[0], other, new double[0]);
    return acc;
  }
}
