package polynomialnetwork.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Random;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;

/** Data sets for the Spark tests, each as Weka Instances and as the CSV file Spark reads. */
final class SparkTestData {

  private SparkTestData() {
  }

  /**
   * A planted network with a linear term and noise: y = Σ_j α_j (w_jᵀx)² + βᵀx + 0.5 + noise,
   * x ~ N(0, I), seeded.
   */
  static Instances planted(int m, int p, int r, double noise, long seed) {
    Random rng = new Random(seed);
    double[][] w = new double[r][p];
    double[] alpha = new double[r];
    for (int j = 0; j < r; j++) {
      alpha[j] = (j % 2 == 0 ? 1 : -1) * (1.0 + j);
      for (int k = 0; k < p; k++) {
        w[j][k] = rng.nextGaussian() / Math.sqrt(p);
      }
    }
    double[] beta = new double[p];
    for (int k = 0; k < p; k++) {
      beta[k] = 0.3 * rng.nextGaussian() / Math.sqrt(p);
    }
    ArrayList<Attribute> atts = new ArrayList<>();
    for (int k = 0; k < p; k++) {
      atts.add(new Attribute("x" + (k + 1)));
    }
    atts.add(new Attribute("y"));
    Instances data = new Instances("planted", atts, m);
    data.setClassIndex(p);
    for (int i = 0; i < m; i++) {
      double[] v = new double[p + 1];
      double y = 0.5;
      for (int k = 0; k < p; k++) {
        v[k] = rng.nextGaussian();
        y += beta[k] * v[k];
      }
      for (int j = 0; j < r; j++) {
        double a = 0;
        for (int k = 0; k < p; k++) {
          a += w[j][k] * v[k];
        }
        y += alpha[j] * a * a;
      }
      v[p] = y + noise * rng.nextGaussian();
      data.add(new DenseInstance(1.0, v));
    }
    return data;
  }

  static Instances arff(String file) throws Exception {
    Instances data = DataSource.read(file);
    data.setClassIndex(data.numAttributes() - 1);
    return data;
  }

  /**
   * Writes {@code data} as CSV with a header row: numbers in full precision (so Spark reads the
   * same doubles), nominal values by name, missing values as {@code missing}.
   */
  static Path csv(Instances data, Path file, String missing) throws IOException {
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
      StringBuilder sb = new StringBuilder();
      for (int a = 0; a < data.numAttributes(); a++) {
        sb.append(a == 0 ? "" : ",").append(data.attribute(a).name());
      }
      out.println(sb);
      for (Instance inst : data) {
        sb.setLength(0);
        for (int a = 0; a < data.numAttributes(); a++) {
          sb.append(a == 0 ? "" : ",");
          if (inst.isMissing(a)) {
            sb.append(missing);
          } else if (data.attribute(a).isNominal()) {
            sb.append(inst.stringValue(a));
          } else {
            sb.append(Double.toString(inst.value(a)));
          }
        }
        out.println(sb);
      }
    }
    return file;
  }

  /** Writes the ARFF header (no rows) of {@code data}. */
  static Path header(Instances data, Path file) throws IOException {
    Files.write(file, new Instances(data, 0).toString().getBytes(StandardCharsets.UTF_8));
    return file;
  }

  /** A copy of {@code data} with about {@code fraction} of the input values made missing. */
  static Instances withMissing(Instances data, double fraction, long seed) {
    Random rng = new Random(seed);
    Instances copy = new Instances(data);
    for (Instance inst : copy) {
      for (int a = 0; a < copy.numAttributes(); a++) {
        if (a != copy.classIndex() && rng.nextDouble() < fraction) {
          inst.setMissing(a);
        }
      }
    }
    return copy;
  }
}
