package polynomialnetwork.spark;

import polynomialnetwork.engine.Standardization;
import polynomialnetwork.engine.data.DesignMatrix;
import polynomialnetwork.engine.data.ThreadedRowBlocks;
import polynomialnetwork.engine.optimizer.FitResult;
import polynomialnetwork.engine.optimizer.SolverSettings;
import polynomialnetwork.bench.PassCounter;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import polynomialnetwork.weka.InstancesConverter;
import weka.classifiers.functions.PolynomialNetwork;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;

/**
 * The two halves of {@code scripts/spark-scale.sh} (Spark against the in-memory engine at
 * m = 10^7): not a test, a {@code main} on the test class path, which has Spark, Weka and our
 * classes.
 *
 * <ul>
 *   <li>{@code generate OUT m p r seed noise files}: writes the planted rows as Parquet (columns
 *       x1..xp, y, all double) with Spark in local[2]. Row i is drawn from its own seeded
 *       generator, so the rows do not depend on how they are partitioned.</li>
 *   <li>{@code inmemory m p r seed noise [-- PolynomialNetwork options]}: regenerates the same
 *       rows into a {@link DesignMatrix} (no Spark) prepared as {@link TrainingData} prepares
 *       them on Spark (summary and moments in one pass, then the standardized blocks in a
 *       second), and fits with the classifier's own path,
 *       {@link PolynomialNetwork#buildClassifier(InstancesConverter,
 *       polynomialnetwork.engine.data.RowBlocks, double, double)} over {@link ThreadedRowBlocks}, so
 *       the solver settings are exactly those TrainOnSpark's fit gets from the same options. It
 *       prints the same progress lines as TrainOnSpark on standard error (0 Spark jobs) and the
 *       model text on standard output.</li>
 * </ul>
 *
 * <p>The planted network is that of {@link SparkTestData#planted}: y = 0.5 + βᵀx + Σ_j α_j
 * (w_jᵀx)² + noise·N(0, 1), α_j = ±(1 + j), w_j ~ N(0, I/p), β ~ N(0, 0.09 I/p), x ~ N(0, I);
 * the network is drawn from {@code new Random(seed)}, row i from a SplittableRandom seeded by a
 * mix of (seed, i) (Gaussians by the polar method).
 */
public final class ScaleRun {

  private ScaleRun() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      usage();
    }
    switch (args[0]) {
      case "generate":
        if (args.length != 8) {
          usage();
        }
        generate(args[1], Long.parseLong(args[2]), Integer.parseInt(args[3]),
            Integer.parseInt(args[4]), Long.parseLong(args[5]), Double.parseDouble(args[6]),
            Integer.parseInt(args[7]));
        break;
      case "inmemory":
        if (args.length < 6) {
          usage();
        }
        List<String> options = new ArrayList<>();
        if (args.length > 6) {
          if (!args[6].equals("--")) {
            usage();
          }
          options.addAll(Arrays.asList(args).subList(7, args.length));
        }
        System.exit(inMemory(Long.parseLong(args[1]), Integer.parseInt(args[2]),
            Integer.parseInt(args[3]), Long.parseLong(args[4]), Double.parseDouble(args[5]),
            options));
        break;
      default:
        usage();
    }
  }

  private static void usage() {
    System.err.println("usage: ScaleRun generate OUT m p r seed noise files\n"
        + "       ScaleRun inmemory m p r seed noise [-- PolynomialNetwork options]");
    System.exit(2);
  }

  /** The planted network and the seeded row generator. */
  static final class Planted implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    final int p;
    final int r;
    final long seed;
    final double noise;
    final double[][] w;
    final double[] alpha;
    final double[] beta;

    Planted(int p, int r, long seed, double noise) {
      this.p = p;
      this.r = r;
      this.seed = seed;
      this.noise = noise;
      Random rng = new Random(seed);
      w = new double[r][p];
      alpha = new double[r];
      for (int j = 0; j < r; j++) {
        alpha[j] = (j % 2 == 0 ? 1 : -1) * (1.0 + j);
        for (int k = 0; k < p; k++) {
          w[j][k] = rng.nextGaussian() / Math.sqrt(p);
        }
      }
      beta = new double[p];
      for (int k = 0; k < p; k++) {
        beta[k] = 0.3 * rng.nextGaussian() / Math.sqrt(p);
      }
    }

    /** Fills x with row i's inputs and returns its target. */
    double row(long i, double[] x) {
      Gaussians rng = new Gaussians(mix64(seed * 0x9E3779B97F4A7C15L + i));
      double y = 0.5;
      for (int k = 0; k < p; k++) {
        x[k] = rng.nextGaussian();
        y += beta[k] * x[k];
      }
      for (int j = 0; j < r; j++) {
        double a = 0;
        double[] wj = w[j];
        for (int k = 0; k < p; k++) {
          a += wj[k] * x[k];
        }
        y += alpha[j] * a * a;
      }
      return y + noise * rng.nextGaussian();
    }

    /** N(0, 1) draws by the polar method from a SplittableRandom (Java 8 has no nextGaussian). */
    private static final class Gaussians {
      private final SplittableRandom u;
      private double spare;
      private boolean haveSpare;

      Gaussians(long seed) {
        u = new SplittableRandom(seed);
      }

      double nextGaussian() {
        if (haveSpare) {
          haveSpare = false;
          return spare;
        }
        double a;
        double b;
        double s;
        do {
          a = 2 * u.nextDouble() - 1;
          b = 2 * u.nextDouble() - 1;
          s = a * a + b * b;
        } while (s >= 1 || s == 0);
        double f = Math.sqrt(-2 * Math.log(s) / s);
        spare = b * f;
        haveSpare = true;
        return a * f;
      }
    }

    private static long mix64(long z) {
      z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
      z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
      return z ^ (z >>> 33);
    }
  }

  private static void generate(String out, long m, int p, int r, long seed, double noise,
      int files) throws IOException {
    long t0 = System.nanoTime();
    // plain java has no log4j configuration, and Spark's default logs every step at INFO
    org.apache.logging.log4j.core.config.Configurator.setRootLevel(
        org.apache.logging.log4j.Level.WARN);
    SparkSession spark = SparkSession.builder().master("local[2]").appName("ScaleRun-generate")
        .config("spark.ui.enabled", "false").getOrCreate();
    try {
      spark.sparkContext().setLogLevel("WARN");
      JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      final Planted net = new Planted(p, r, seed, noise);
      List<Integer> parts = new ArrayList<>();
      for (int f = 0; f < files; f++) {
        parts.add(f);
      }
      JavaRDD<Row> rows = sc.parallelize(parts, files).flatMap(f -> {
        final long from = m * f / files;
        final long to = m * (f + 1) / files;
        return new Iterator<Row>() {
          long i = from;
          final double[] x = new double[p];

          @Override
          public boolean hasNext() {
            return i < to;
          }

          @Override
          public Row next() {
            double y = net.row(i++, x);
            Object[] v = new Object[p + 1];
            for (int k = 0; k < p; k++) {
              v[k] = x[k];
            }
            v[p] = y;
            return RowFactory.create(v);
          }
        };
      });
      List<StructField> fields = new ArrayList<>();
      for (int k = 0; k < p; k++) {
        fields.add(DataTypes.createStructField("x" + (k + 1), DataTypes.DoubleType, false));
      }
      fields.add(DataTypes.createStructField("y", DataTypes.DoubleType, false));
      StructType schema = DataTypes.createStructType(fields);
      spark.createDataFrame(rows, schema).write().mode(SaveMode.ErrorIfExists).parquet(out);
    } finally {
      spark.stop();
    }
    System.err.printf(Locale.ROOT, "ScaleRun: wrote %s: m = %d, p = %d, r = %d, seed %d, noise %s,"
        + " %d files in %.1f s%n", out, m, p, r, seed, noise, files, (System.nanoTime() - t0) / 1e9);
  }

  private static int inMemory(long mLong, int p, int r, long seed, double noise,
      List<String> options) throws Exception {
    if (mLong > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("m too large for the in-memory engine: " + mLong);
    }
    final int m = (int) mLong;
    PrintStream err = System.err;
    Planted net = new Planted(p, r, seed, noise);
    PolynomialNetwork classifier = new PolynomialNetwork();
    classifier.setOptions(options.toArray(new String[0]));

    long start = System.nanoTime();
    ArrayList<Attribute> atts = new ArrayList<>();
    for (int k = 0; k < p; k++) {
      atts.add(new Attribute("x" + (k + 1)));
    }
    atts.add(new Attribute("y"));
    Instances header = new Instances("planted", atts, 0);
    header.setClassIndex(p);

    // pass 1: what TrainingData's summary and moments passes compute (no missing values here)
    double[] x = new double[p];
    double[] sums = new double[p + 1];
    double classMin = Double.POSITIVE_INFINITY;
    double classMax = Double.NEGATIVE_INFINITY;
    Standardization.Accumulator moments = new Standardization.Accumulator(p);
    for (int i = 0; i < m; i++) {
      double y = net.row(i, x);
      for (int k = 0; k < p; k++) {
        sums[k] += x[k];
      }
      sums[p] += y;
      classMin = Math.min(classMin, y);
      classMax = Math.max(classMax, y);
      moments.add(x, y, 1.0);
    }
    double[] meansAndModes = new double[p + 1];
    for (int a = 0; a <= p; a++) {
      meansAndModes[a] = sums[a] / m;
    }
    InstancesConverter coding = InstancesConverter.coding(header, meansAndModes);
    // the coding of this all-numeric header without missing values is the identity: check it
    // on row 0 rather than run Weka's filters on every row
    double y0 = net.row(0, x);
    double[] v0 = Arrays.copyOf(x, p + 1);
    v0[p] = y0;
    DenseInstance inst = new DenseInstance(1.0, v0);
    inst.setDataset(header);
    if (!Arrays.equals(coding.codedFeatures(inst), x) || coding.columns() != p) {
      throw new IllegalStateException("the coding of the planted header is not the identity");
    }
    final Standardization std = moments.build();
    InstancesConverter converter = coding.withStandardization(std, moments.totalWeight(),
        moments.rows());

    // pass 2: the standardized blocks, as TrainingData builds them on each partition
    DesignMatrix.Builder b = new DesignMatrix.Builder(p, m);
    for (int i = 0; i < m; i++) {
      double y = net.row(i, x);
      b.addRow(std.standardize(x, x), std.standardizeTarget(y), 1.0);
    }
    DesignMatrix matrix = b.build(true);
    b = null;
    err.printf(Locale.ROOT, "InMemory: %d rows, %d input columns, %d blocks; prepared in %.1f s"
        + " (2 passes of the seeded generator, one thread)%n", m, p, matrix.blockCount(),
        (System.nanoTime() - start) / 1e9);

    int threads = polynomialnetwork.engine.optimizer.SolverSettings.DEFAULTS.threads(classifier.getNumThreads()).effectiveThreads();
    try (ThreadedRowBlocks blocks = new ThreadedRowBlocks(matrix, threads)) {
      final long passes0 = PassCounter.installed().passes();
      final long rows0 = PassCounter.installed().rowsTouched();
      final long fitStart = System.nanoTime();
      classifier.setIterationListener(new SolverSettings.IterationListener() {
        @Override
        public void iterationDone(FitResult.IterationRecord rec) {
          err.printf(Locale.ROOT, "%s: relative residual %.4e, %.1f s, %d passes, "
              + "0 Spark jobs%n", rec.progressLabel(), rec.relativeResidual,
              (System.nanoTime() - fitStart) / 1e9, PassCounter.installed().passes() - passes0);
        }
      });
      classifier.buildClassifier(converter, blocks, classMin, classMax);
      double iterations = classifier.getMeasure("measureNumIterations");
      err.printf(Locale.ROOT, "InMemory: trained in %.1f s: %d passes over the data, %.1f "
          + "pass-equivalents with the row samples (rows read / rows), %d threads, %d iterations%n",
          (System.nanoTime() - fitStart) / 1e9, PassCounter.installed().passes() - passes0,
          (PassCounter.installed().rowsTouched() - rows0) / (double) m, threads,
          (int) iterations);
    }
    classifier.setIterationListener(null);
    System.out.println(classifier);
    return 0;
  }
}
