package polynomialnetwork.engine.objective;

import polynomialnetwork.engine.data.BlockAggregator;
import polynomialnetwork.engine.data.BlockState;
import polynomialnetwork.engine.data.RowBlock;
import polynomialnetwork.engine.data.RowBlocks;
import polynomialnetwork.engine.kernel.FusedRowPass;
import polynomialnetwork.engine.kernel.PassKernels;
import polynomialnetwork.engine.linalg.DenseSymmetricMatrix;

/**
 * The log-loss's gradient at an evaluated point (doc/algorithms.md §13): in L the plain
 * G = ∇_L F / 4W, whose class-c block is (1/2W) Σ w g_c x xᵀ (no debiasing: the identity shift
 * is 0), in β the directions Σ w g_c x / W and Σ w g_c / W, in c the plain Σ w g / W for one
 * score and 0 for k (the softmax ignores a common shift).
 *
 * <p>A product G·B is one pass for all classes: each row is projected once onto every class's
 * block of B and adds (w g_c / 2W)(xᵀB_c) x into class c's block of the result, from the
 * weighted gradients the evaluation kept.
 */
final class LogLossGradient implements LossGradient {

  private final RowBlocks blocks;
  private final ClassScores layout;
  private final double weight;
  private final double[] sumWg;
  private final double[][] linearSums;

  /**
   * @param weight W of the rows the gradient is taken over
   * @param sumWg Σ w g_c per score
   * @param linearSums Xᵀ(w g_c) per score, or null without linear terms
   */
  LogLossGradient(RowBlocks blocks, ClassScores layout, double weight, double[] sumWg,
      double[][] linearSums) {
    this.blocks = blocks;
    this.layout = layout;
    this.weight = weight;
    this.sumWg = sumWg;
    this.linearSums = linearSums;
  }

  @Override
  public int dimension() {
    return layout.dimension();
  }

  @Override
  public double[][] apply(double[][] b) {
    int k = layout.scores();
    int p = layout.inputs();
    int cols = b.length;
    double[][] in = new double[k * cols][];
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < cols; j++) {
        in[c * cols + j] = k == 1 ? b[j] : layout.block(b[j], c);
      }
    }
    double[][] sums = blocks.aggregate(new Product(in, k, 1 / (2 * weight)));
    double[][] out = new double[cols][layout.dimension()];
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < cols; j++) {
        System.arraycopy(sums[c * cols + j], 0, out[j], c * p, p);
      }
    }
    return out;
  }

  /** The product's pass: Σ (w g_c / 2W) x (xᵀB_c) per class block, all classes per read. */
  private static final class Product implements BlockAggregator<double[][]> {
    private static final long serialVersionUID = 1L;
    private final double[][] in;
    private final int scores;
    private final double scale;

    Product(double[][] in, int scores, double scale) {
      this.in = in;
      this.scores = scores;
      this.scale = scale;
    }

    @Override
    public double[][] zero() {
      return new double[in.length][in.length == 0 ? 0 : in[0].length];
    }

    @Override
    public double[][] add(double[][] acc, RowBlock block, BlockState state) {
      final double[] wg = LogLossRows.of(state).weightedGradient;
      final int k = scores;
      final int cols = in.length / k;
      final double f0 = scale;
      FusedRowPass.run(block, in, (i, t, tOff, out, oOff, sum) -> {
        for (int c = 0; c < k; c++) {
          double f = wg[i * k + c];
          if (f != 0) {
            f *= f0;
            for (int j = 0; j < cols; j++) {
              out[oOff + c * cols + j] = f * t[tOff + c * cols + j];
            }
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

  @Override
  public double[][] plannedProduct() {
    return null;
  }

  @Override
  public double batchWeight() {
    return weight;
  }

  @Override
  public double[] linearDirection() {
    int k = layout.scores();
    if (k == 1) {
      return linearSums == null ? new double[layout.inputs()] : scaled(linearSums[0]);
    }
    double[] d = new double[layout.linearDimension()];
    int p = layout.inputs();
    for (int c = 0; c < k; c++) {
      if (linearSums != null) {
        double[] v = scaled(linearSums[c]);
        System.arraycopy(v, 0, d, c * p, p);
      }
      d[layout.biasIndex(c)] = sumWg[c] / weight;
    }
    return d;
  }

  private double[] scaled(double[] v) {
    double[] out = new double[v.length];
    for (int j = 0; j < v.length; j++) {
      out[j] = v[j] / weight;
    }
    return out;
  }

  @Override
  public double constantDirection() {
    return plainConstantGradient();
  }

  @Override
  public double plainConstantGradient() {
    return layout.scores() == 1 ? sumWg[0] / weight : 0.0;
  }

  @Override
  public double identityShift() {
    return 0;
  }

  /** G explicitly, block-diagonal over the classes: O(m·k·p²). */
  @Override
  public DenseSymmetricMatrix formExplicit() {
    final int k = layout.scores();
    final int p = layout.inputs();
    final double scale = 1 / (2 * weight);
    double[][] blocksSum = blocks.aggregate(new BlockAggregator<double[][]>() {
      private static final long serialVersionUID = 1L;

      @Override
      public double[][] zero() {
        return new double[k][p * p];
      }

      @Override
      public double[][] add(double[][] acc, RowBlock block, BlockState state) {
        double[] wg = LogLossRows.of(state).weightedGradient;
        double[] x = block.values();
        for (int i = 0; i < block.rows(); i++) {
          int o = block.offset(i);
          for (int c = 0; c < k; c++) {
            double f = wg[i * k + c] * scale;
            if (f == 0) {
              continue;
            }
            double[] g = acc[c];
            for (int a = 0; a < p; a++) {
              double fa = f * x[o + a];
              for (int j = a; j < p; j++) {
                g[a * p + j] += fa * x[o + j];
              }
            }
          }
        }
        return acc;
      }

      @Override
      public double[][] merge(double[][] acc, double[][] other) {
        for (int c = 0; c < k; c++) {
          for (int j = 0; j < acc[c].length; j++) {
            acc[c][j] += other[c][j];
          }
        }
        return acc;
      }
    });
    int d = layout.dimension();
    double[][] g = new double[d][d];
    for (int c = 0; c < k; c++) {
      for (int a = 0; a < p; a++) {
        for (int j = a; j < p; j++) {
          double v = blocksSum[c][a * p + j];
          g[c * p + a][c * p + j] = v;
          g[c * p + j][c * p + a] = v;
        }
      }
    }
    return new DenseSymmetricMatrix(g);
  }
}
