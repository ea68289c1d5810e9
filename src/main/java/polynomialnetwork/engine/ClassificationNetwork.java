package polynomialnetwork.engine;

import polynomialnetwork.engine.data.BlockAggregator;
import polynomialnetwork.engine.data.BlockState;
import polynomialnetwork.engine.data.EvenIfInterrupted;
import polynomialnetwork.engine.data.RowBlock;
import polynomialnetwork.engine.data.RowBlocks;
import polynomialnetwork.engine.linalg.ExactTail;
import polynomialnetwork.engine.linalg.FactoredSymmetric;
import polynomialnetwork.engine.objective.ClassScores;
import java.io.Serializable;

/**
 * The learned classifier (doc/algorithms.md §13): one quadratic network per score,
 * f_s(x) = Σ_j α_sj (w_sjᵀx)² + β_sᵀx + b_s — one score for two classes, P(class 1) = σ(f),
 * and one per class for k ≥ 3, P(class c) = softmax_c(f). Plain arrays only, so it serializes
 * anywhere.
 */
public final class ClassificationNetwork implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Units whose |α| is below this fraction of the model's largest are rounding, not learned. */
  private static final double NEGLIGIBLE_UNIT = 1e-13;

  private final int classes;
  private final QuadraticNetwork[] scores;

  /**
   * @param classes k ≥ 2
   * @param scores one network for k = 2, k networks for k ≥ 3
   */
  public ClassificationNetwork(int classes, QuadraticNetwork[] scores) {
    if (classes < 2 || scores.length != (classes == 2 ? 1 : classes)) {
      throw new IllegalArgumentException(scores.length + " score networks for " + classes
          + " classes (need 1 for 2 classes, k for k >= 3)");
    }
    this.classes = classes;
    this.scores = scores.clone();
  }

  /**
   * The networks of the optimizer's point (L, β, c) laid out as {@code layout} says: for k ≥ 3,
   * class c's network is the eigen-form of L's c-th diagonal block (rank ≤ rank L).
   */
  public static ClassificationNetwork of(FactoredSymmetric l, double[] beta, double c,
      ClassScores layout) {
    int k = layout.scores();
    int p = layout.inputs();
    QuadraticNetwork[] nets = new QuadraticNetwork[k];
    if (k == 1) {
      nets[0] = QuadraticNetwork.fromFactored(l, layout.linearTerm(beta, 0), c);
      return new ClassificationNetwork(layout.classes(), nets);
    }
    double largest = 0;
    FactoredSymmetric[] blocks = new FactoredSymmetric[k];
    for (int s = 0; s < k; s++) {
      double[][] u = new double[l.rank()][];
      for (int a = 0; a < u.length; a++) {
        u[a] = layout.block(l.vectors()[a], s);
      }
      blocks[s] = ExactTail.truncateSum(p, Math.max(1, l.rank()), new double[][][] {u},
          new double[][] {l.values()});
      for (double v : blocks[s].values()) {
        largest = Math.max(largest, Math.abs(v));
      }
    }
    for (int s = 0; s < k; s++) {
      FactoredSymmetric b = blocks[s];
      int kept = 0;
      for (double v : b.values()) {
        kept += Math.abs(v) > NEGLIGIBLE_UNIT * largest ? 1 : 0;
      }
      double[][] u = new double[kept][];
      double[] vals = new double[kept];
      int t = 0;
      for (int a = 0; a < b.rank(); a++) {
        if (Math.abs(b.values()[a]) > NEGLIGIBLE_UNIT * largest) {
          u[t] = b.vectors()[a];
          vals[t++] = b.values()[a];
        }
      }
      nets[s] = QuadraticNetwork.fromFactored(new FactoredSymmetric(p, u, vals),
          layout.linearTerm(beta, s), layout.bias(beta, c, s));
    }
    return new ClassificationNetwork(layout.classes(), nets);
  }

  /** k. */
  public int classes() {
    return classes;
  }

  /** The number of score networks: 1 for two classes, k for more. */
  public int scoreCount() {
    return scores.length;
  }

  /** Score network s. */
  public QuadraticNetwork score(int s) {
    return scores[s];
  }

  /** The raw scores f_s(x) of standardized inputs. */
  public double[] scores(double[] x) {
    double[] f = new double[scores.length];
    for (int s = 0; s < f.length; s++) {
      f[s] = scores[s].predict(x);
      if (Double.isNaN(f[s])) {
        f[s] = scores[s].saturatedPrediction(x);
      }
    }
    return f;
  }

  /** The k class probabilities of standardized inputs: finite, in [0, 1], summing to 1. */
  public double[] probabilities(double[] x) {
    return ClassScores.probabilities(scores(x), classes);
  }

  /** This classifier with every score network's activations clamped to the rows' range. */
  public ClassificationNetwork withActivationRange(RowBlocks blocks, double margin) {
    QuadraticNetwork[] nets = new QuadraticNetwork[scores.length];
    for (int s = 0; s < nets.length; s++) {
      nets[s] = scores[s].withActivationRange(blocks, margin);
    }
    return new ClassificationNetwork(classes, nets);
  }

  /** This classifier in the original units of the inputs. */
  public ClassificationNetwork inOriginalUnits(Standardization std) {
    QuadraticNetwork[] nets = new QuadraticNetwork[scores.length];
    for (int s = 0; s < nets.length; s++) {
      nets[s] = std.toOriginalUnits(scores[s]);
    }
    return new ClassificationNetwork(classes, nets);
  }

  /**
   * {weighted mean log-loss (nats), weighted accuracy} of this classifier on rows whose targets
   * are class indices, as it predicts (clamping included); one pass, run even when interrupted.
   */
  public double[] trainingError(RowBlocks blocks) {
    double[] s = EvenIfInterrupted.run(() -> blocks.aggregate(new Error(this)));
    return new double[] {s[0] / s[2], s[1] / s[2]};
  }

  /** The pass of {@link #trainingError}: {Σ w (−log P(y)), Σ w [argmax = y], Σ w}. */
  private static final class Error implements BlockAggregator<double[]> {
    private static final long serialVersionUID = 1L;
    private final ClassificationNetwork net;

    Error(ClassificationNetwork net) {
      this.net = net;
    }

    @Override
    public double[] zero() {
      return new double[3];
    }

    @Override
    public double[] add(double[] acc, RowBlock block, BlockState state) {
      int p = block.cols();
      double[] row = new double[p];
      for (int i = 0; i < block.rows(); i++) {
        System.arraycopy(block.values(), block.offset(i), row, 0, p);
        double[] prob = net.probabilities(row);
        int y = (int) block.target(i);
        int best = 0;
        for (int c = 1; c < prob.length; c++) {
          best = prob[c] > prob[best] ? c : best;
        }
        double w = block.weight(i);
        acc[0] += w * -Math.log(Math.max(prob[y], Double.MIN_NORMAL));
        acc[1] += best == y ? w : 0;
        acc[2] += w;
      }
      return acc;
    }

    @Override
    public double[] merge(double[] acc, double[] other) {
      for (int j = 0; j < acc.length; j++) {
        acc[j] += other[j];
      }
      return acc;
    }
  }
}
