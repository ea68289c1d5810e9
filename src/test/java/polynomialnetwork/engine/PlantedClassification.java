package polynomialnetwork.engine;

import polynomialnetwork.engine.data.DesignMatrix;
import polynomialnetwork.engine.linalg.DenseSymmetricMatrix;
import polynomialnetwork.engine.linalg.FactoredSymmetric;
import polynomialnetwork.engine.linalg.Linalg;
import polynomialnetwork.engine.objective.ClassScores;
import java.util.Random;

/**
 * Planted classification data (doc/algorithms.md §13): Gaussian rows and, per score, a true
 * network f(x) = Σ_j α_j((w_jᵀx)² − 1) + βᵀx + c of rank r (the −1 centres each unit, whose
 * square has mean 1); labels y ~ Bernoulli(σ(s·f)) for two classes, softmax(s·f_c) for k, or
 * y = [f &gt; 0] for the deterministic boundary. The training and test rows' targets are class
 * indices; the Bayes classifier knows the true scores.
 */
public final class PlantedClassification {

  public final DesignMatrix train;
  public final DesignMatrix test;
  /** s·L per score: the quadratic part the data identify. */
  public final FactoredSymmetric[] truth;
  /** The true scores s·f of every test row, per score. */
  public final double[][] testScores;
  public final int classes;

  private PlantedClassification(DesignMatrix train, DesignMatrix test, FactoredSymmetric[] truth,
      double[][] testScores, int classes) {
    this.train = train;
    this.test = test;
    this.truth = truth;
    this.testScores = testScores;
    this.classes = classes;
  }

  /**
   * @param classes k ≥ 2
   * @param scale s, the sharpness of the labels (ignored when {@code deterministic})
   * @param linear whether the true scores have a linear part β, c
   */
  public static PlantedClassification of(int p, int r, int m, int testRows, int classes,
      double scale, boolean linear, boolean deterministic, long seed) {
    return of(p, r, m, testRows, classes, scale, linear, deterministic, false, seed);
  }

  /**
   * @param sharedUnits for k ≥ 3: every class's network uses the same hidden weights w_j (drawn
   *     once) with its own output weights α_cj = ±s (random signs), instead of its own w_j
   */
  public static PlantedClassification of(int p, int r, int m, int testRows, int classes,
      double scale, boolean linear, boolean deterministic, boolean sharedUnits, long seed) {
    Random rng = new Random(seed);
    double[][] shared = null;
    int k = classes == 2 ? 1 : classes;
    FactoredSymmetric[] truth = new FactoredSymmetric[k];
    double[][] beta = new double[k][];
    double[] bias = new double[k];
    for (int s = 0; s < k; s++) {
      double[][] g = new double[r][p];
      for (double[] col : g) {
        for (int i = 0; i < p; i++) {
          col[i] = rng.nextGaussian();
        }
      }
      double[][] w = Linalg.orthonormalize(g, new double[0][], 1e-12);
      if (sharedUnits) {
        shared = shared == null ? w : shared;
        w = shared;
      }
      double[] alpha = new double[r];
      for (int j = 0; j < r; j++) {
        double sign = sharedUnits && s > 0 ? (rng.nextBoolean() ? 1 : -1) : (j % 2 == 0 ? 1 : -1);
        alpha[j] = sign * (deterministic ? 1 : scale);
      }
      truth[s] = new FactoredSymmetric(p, w, alpha);
      if (linear) {
        beta[s] = new double[p];
        for (int i = 0; i < p; i++) {
          beta[s][i] = (deterministic ? 1 : scale) * rng.nextGaussian() / Math.sqrt(p);
        }
        bias[s] = (deterministic ? 1 : scale) * 0.3 * rng.nextGaussian();
      }
    }
    DesignMatrix.Builder tr = new DesignMatrix.Builder(p, m);
    DesignMatrix.Builder te = new DesignMatrix.Builder(p, testRows);
    double[][] testScores = new double[k][testRows];
    double[] x = new double[p];
    double[] f = new double[k];
    for (int i = 0; i < m + testRows; i++) {
      for (int j = 0; j < p; j++) {
        x[j] = rng.nextGaussian();
      }
      for (int s = 0; s < k; s++) {
        f[s] = truth[s].quadraticForm(x) - truth[s].trace() + bias[s]
            + (beta[s] == null ? 0 : Linalg.dot(beta[s], x));
      }
      int y;
      if (deterministic) {
        y = k == 1 ? (f[0] > 0 ? 1 : 0) : argmax(f);
      } else {
        double[] prob = ClassScores.probabilities(f.clone(), classes);
        double u = rng.nextDouble();
        y = 0;
        double acc = prob[0];
        while (u > acc && y < classes - 1) {
          acc += prob[++y];
        }
      }
      if (i < m) {
        tr.addRow(x, y, 1.0);
      } else {
        te.addRow(x, y, 1.0);
        for (int s = 0; s < k; s++) {
          testScores[s][i - m] = f[s];
        }
      }
    }
    return new PlantedClassification(tr.build(false), te.build(false), truth, testScores,
        classes);
  }

  static int argmax(double[] v) {
    int best = 0;
    for (int c = 1; c < v.length; c++) {
      best = v[c] > v[best] ? c : best;
    }
    return best;
  }

  /** The predicted class of scores: [f &gt; 0] for one score, argmax for k. */
  static int predicted(double[] f) {
    return f.length == 1 ? (f[0] > 0 ? 1 : 0) : argmax(f);
  }

  /** The Bayes classifier's accuracy on the test rows (it knows the true scores). */
  public double bayesAccuracy() {
    int n = test.rows();
    int right = 0;
    double[] targets = test.target();
    double[] f = new double[testScores.length];
    for (int i = 0; i < n; i++) {
      for (int s = 0; s < f.length; s++) {
        f[s] = testScores[s][i];
      }
      right += predicted(f) == (int) targets[i] ? 1 : 0;
    }
    return right / (double) n;
  }

  /** A classifier's accuracy on the test rows. */
  public double accuracy(ClassificationNetwork net) {
    int n = test.rows();
    int right = 0;
    double[] targets = test.target();
    for (int i = 0; i < n; i++) {
      right += predicted(net.scores(test.row(i))) == (int) targets[i] ? 1 : 0;
    }
    return right / (double) n;
  }

  /**
   * ‖L̂ − sL‖_F / ‖sL‖_F over the scores' quadratic parts (for k ≥ 3 up to the common shift the
   * softmax ignores, which L does not have), and the same up to a positive scale of L̂:
   * {relative error, scale-free relative error}.
   */
  public double[] relativeError(ClassificationNetwork net) {
    double diff = 0;
    double norm = 0;
    double cross = 0;
    double est = 0;
    int k = truth.length;
    int p = train.cols();
    double[][][] t = new double[k][][];
    double[][][] e = new double[k][][];
    for (int s = 0; s < k; s++) {
      t[s] = DenseSymmetricMatrix.of(truth[s]).rows();
      QuadraticNetwork n = net.score(s);
      e[s] = n.hiddenUnits() == 0 ? new double[p][p] : n.interactionMatrix();
    }
    if (k > 1) {
      center(t);
      center(e);
    }
    for (int s = 0; s < k; s++) {
      for (int a = 0; a < p; a++) {
        for (int b = 0; b < p; b++) {
          double ev = e[s][a][b];
          double tv = t[s][a][b];
          diff += (ev - tv) * (ev - tv);
          norm += tv * tv;
          cross += ev * tv;
          est += ev * ev;
        }
      }
    }
    double cos = est > 0 ? cross / Math.sqrt(est * norm) : 0;
    return new double[] {Math.sqrt(diff / norm), Math.sqrt(Math.max(0, 1 - cos * cos))};
  }

  /** Subtracts the mean over the scores (the part the softmax cannot see). */
  private static void center(double[][][] l) {
    int p = l[0].length;
    for (int a = 0; a < p; a++) {
      for (int b = 0; b < p; b++) {
        double mean = 0;
        for (double[][] m : l) {
          mean += m[a][b] / l.length;
        }
        for (double[][] m : l) {
          m[a][b] -= mean;
        }
      }
    }
  }
}
