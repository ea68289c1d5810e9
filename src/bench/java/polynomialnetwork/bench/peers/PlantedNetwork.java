package polynomialnetwork.bench.peers;

import java.util.ArrayList;
import java.util.Random;

import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;

/**
 * The planted model of the peer benchmark and the scale run: y = Σ_j α_j (w_jᵀx)², noiseless, with r
 * orthonormal hidden weight vectors w_j ∈ ℝᵖ, α_j = +1, −1, +1, … (alternating, so both signs
 * occur), x ~ N(0, I). Everything is seeded: the network from {@code seed}, each data set from its
 * own stream, so a test set does not depend on the size of the training set.
 */
public final class PlantedNetwork {

  public final int p;
  public final int r;
  public final long seed;
  public final double[][] w;
  public final double[] alpha;

  public PlantedNetwork(int p, int r, long seed) {
    if (r > p) {
      throw new IllegalArgumentException("r > p");
    }
    this.p = p;
    this.r = r;
    this.seed = seed;
    Random rng = new Random(seed);
    w = new double[r][p];
    alpha = new double[r];
    for (int j = 0; j < r; j++) {
      alpha[j] = j % 2 == 0 ? 1 : -1;
      // Gram-Schmidt (twice, for orthogonality to rounding) on a Gaussian vector
      for (int k = 0; k < p; k++) {
        w[j][k] = rng.nextGaussian();
      }
      for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < j; i++) {
          double d = dot(w[i], w[j]);
          for (int k = 0; k < p; k++) {
            w[j][k] -= d * w[i][k];
          }
        }
      }
      double n = Math.sqrt(dot(w[j], w[j]));
      for (int k = 0; k < p; k++) {
        w[j][k] /= n;
      }
    }
  }

  /** y = Σ_j α_j (w_jᵀx)². */
  public double response(double[] x) {
    double y = 0;
    for (int j = 0; j < r; j++) {
      double t = dot(w[j], x);
      y += alpha[j] * t * t;
    }
    return y;
  }

  /** A random stream for data set number {@code stream} (0 = train, 1 = test, ...). */
  public Random dataStream(int stream) {
    return new Random(seed * 1_000_003L + 7919L * (stream + 1));
  }

  /** m rows x ~ N(0, I) and their responses as Weka instances (attributes x1..xp, class y). */
  public Instances instances(String relation, int m, int stream) {
    ArrayList<Attribute> atts = new ArrayList<>(p + 1);
    for (int k = 0; k < p; k++) {
      atts.add(new Attribute("x" + (k + 1)));
    }
    atts.add(new Attribute("y"));
    Instances data = new Instances(relation, atts, m);
    data.setClassIndex(p);
    Random rng = dataStream(stream);
    double[] x = new double[p];
    for (int i = 0; i < m; i++) {
      double[] v = new double[p + 1];
      for (int k = 0; k < p; k++) {
        x[k] = rng.nextGaussian();
        v[k] = x[k];
      }
      v[p] = response(x);
      data.add(new DenseInstance(1.0, v));
    }
    return data;
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      s += a[k] * b[k];
    }
    return s;
  }
}
