package polynomialnetwork.engine.kernel;

import polynomialnetwork.engine.data.BlockAggregator;
import polynomialnetwork.engine.data.BlockState;
import polynomialnetwork.engine.data.RowBlock;
import polynomialnetwork.engine.data.RowBlocks;
import polynomialnetwork.engine.linalg.Linalg;

/**
 * A pass for the kernel tests and the data-pass benchmark: Σ_i y_i x_i (x_iᵀb_c) for each input
 * column c, and Σ_i y_i (x_iᵀb_0) as a scalar — the Krylov product's shape with the target in the
 * residual's place — on a chosen {@link PassKernel}.
 */
public final class TargetWeightedProducts implements BlockAggregator<double[][]> {

  private static final long serialVersionUID = 1L;

  private final double[][] in;
  private final transient PassKernel kernel;

  public TargetWeightedProducts(double[][] in, PassKernel kernel) {
    this.in = in;
    this.kernel = kernel;
  }

  /** Runs it: the k product columns, then {Σ y (x·b_0)}. */
  public static double[][] run(RowBlocks blocks, double[][] in, PassKernel kernel) {
    return blocks.aggregate(new TargetWeightedProducts(in, kernel));
  }

  @Override
  public double[][] zero() {
    double[][] z = new double[in.length + 1][];
    for (int c = 0; c < in.length; c++) {
      z[c] = new double[in[c].length];
    }
    z[in.length] = new double[1];
    return z;
  }

  @Override
  public double[][] add(double[][] acc, final RowBlock block, BlockState state) {
    final int k = in.length;
    double[][] out = java.util.Arrays.copyOf(acc, k);
    FusedRowPass.run(block, in, (i, t, tOff, s, sOff, sum) -> {
      double d = block.target(i);
      for (int c = 0; c < k; c++) {
        s[sOff + c] = d * t[tOff + c];
      }
      sum[0] += d * t[tOff];
    }, out, acc[k], kernel);
    return acc;
  }

  @Override
  public double[][] merge(double[][] acc, double[][] other) {
    for (int c = 0; c < acc.length; c++) {
      Linalg.axpy(1.0, other[c], acc[c]);
    }
    return acc;
  }
}
