package polynomialnetwork.weka;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;

/**
 * Writes the planted train/test ARFF pair of {@code test-data/}: a noiseless two-layer quadratic
 * network y = Σ_j α_j (w_jᵀz)² + βᵀz + c on z = (x − μ)/s, with orthonormal w_j, p = 20
 * inputs, r = 3 hidden units, 2000 training and 500 test instances; each input x_k = μ_k + s_k g
 * with g ~ N(0, 1) and its own μ_k, s_k, so the standardization has work to do.
 *
 * <p>Seeded: {@code scripts/generate-planted.sh} rewrites the committed files byte for byte.
 */
public final class PlantedArff {

  public static final int P = 20;
  public static final int R = 3;
  public static final int TRAIN = 2000;
  public static final int TEST = 500;
  public static final long SEED = 20180409L;
  public static final String TRAIN_FILE = "planted-p20-r3-train.arff";
  public static final String TEST_FILE = "planted-p20-r3-test.arff";

  private PlantedArff() {
  }

  public static void main(String[] args) throws IOException {
    File dir = new File(args.length > 0 ? args[0] : "test-data");
    if (!dir.isDirectory() && !dir.mkdirs()) {
      throw new IOException("cannot create " + dir);
    }
    Random rng = new Random(SEED);
    // orthonormal w_1..w_r by Gram-Schmidt on Gaussian vectors
    double[][] w = new double[R][P];
    for (int j = 0; j < R; j++) {
      for (int k = 0; k < P; k++) {
        w[j][k] = rng.nextGaussian();
      }
      for (int i = 0; i < j; i++) {
        double d = dot(w[i], w[j]);
        for (int k = 0; k < P; k++) {
          w[j][k] -= d * w[i][k];
        }
      }
      double n = Math.sqrt(dot(w[j], w[j]));
      for (int k = 0; k < P; k++) {
        w[j][k] /= n;
      }
    }
    double[] alpha = {3.0, -2.0, 1.0};
    double[] beta = new double[P];
    for (int k = 0; k < P; k++) {
      beta[k] = rng.nextGaussian() / Math.sqrt(P);
    }
    double bias = 5.0;
    double[] mu = new double[P];
    double[] s = new double[P];
    for (int k = 0; k < P; k++) {
      mu[k] = Math.rint(rng.nextGaussian() * 50) / 10;
      s[k] = Math.exp(rng.nextDouble() * 4 - 2);
    }
    write(new File(dir, TRAIN_FILE), "planted-p20-r3-train", TRAIN, rng, w, alpha, beta, bias, mu,
        s);
    write(new File(dir, TEST_FILE), "planted-p20-r3-test", TEST, rng, w, alpha, beta, bias, mu, s);
  }

  private static void write(File f, String relation, int m, Random rng, double[][] w,
      double[] alpha, double[] beta, double bias, double[] mu, double[] s) throws IOException {
    try (PrintWriter out = new PrintWriter(f, StandardCharsets.UTF_8.name())) {
      out.print("% Planted noiseless two-layer quadratic network, written by\n"
          + "% src/test/java/polynomialnetwork/weka/PlantedArff.java (seed " + SEED + ").\n"
          + "% y = sum_j alpha_j (w_j . z)^2 + beta . z + c with z_k = (x_k - mu_k) / s_k,\n"
          + "% alpha = (3, -2, 1), orthonormal w_j, p = " + P + ", r = " + R + ", c = 5.\n");
      out.print("@relation " + relation + "\n\n");
      for (int k = 0; k < P; k++) {
        out.print("@attribute x" + (k + 1) + " numeric\n");
      }
      out.print("@attribute y numeric\n\n@data\n");
      double[] z = new double[P];
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < m; i++) {
        line.setLength(0);
        for (int k = 0; k < P; k++) {
          // the value written is the value used: round to 6 significant digits first
          double x = Double.parseDouble(String.format(Locale.ROOT, "%.6g",
              mu[k] + s[k] * rng.nextGaussian()));
          z[k] = (x - mu[k]) / s[k];
          line.append(x).append(',');
        }
        double y = bias + dot(beta, z);
        for (int j = 0; j < alpha.length; j++) {
          double t = dot(w[j], z);
          y += alpha[j] * t * t;
        }
        line.append(y).append('\n');
        out.print(line);
      }
    }
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      s += a[k] * b[k];
    }
    return s;
  }
}
