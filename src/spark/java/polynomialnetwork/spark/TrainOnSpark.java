package polynomialnetwork.spark;

import polynomialnetwork.engine.data.RowBlocks;
import polynomialnetwork.engine.optimizer.FitResult;
import polynomialnetwork.engine.optimizer.SolverSettings;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;
import weka.classifiers.functions.PolynomialNetwork;
import weka.core.Instances;

/**
 * Trains a {@link PolynomialNetwork} on data held by Spark and writes a Weka model file (the
 * classifier, then the header, as the Explorer saves one):
 *
 * <pre>
 * spark-submit --class polynomialnetwork.spark.TrainOnSpark polynomialNetwork-spark-VERSION.jar \
 *   --input PATH --model OUT.model [--class NAME] [--nominal-class] [--header FILE.arff]
 *   [--weight NAME] [--format csv|parquet] [--skip-malformed] [--partitions N]
 *   [--checkpoint-dir DIR] [--master URL] [-- PolynomialNetwork options]
 * </pre>
 *
 * The fit is the classifier's own, with the rows on the executors behind {@link SparkRowBlocks}:
 * {@link PolynomialNetwork#buildClassifier(polynomialnetwork.weka.InstancesConverter, RowBlocks,
 * double, double)} for a numeric class, {@link PolynomialNetwork#buildNominal(
 * polynomialnetwork.weka.InstancesConverter, RowBlocks, String[], double[], int[])} for a nominal
 * one (or {@link PolynomialNetwork#buildNominalConstant} when fewer than two classes have rows).
 * A weight column ({@code --weight}) gives each row the instance weight Weka's instance weights
 * give it, in the preparation and in the fit. The model text goes to standard output, progress
 * to standard error; a problem with the input is one line on standard error, exit status 2, and
 * no model file.
 */
public final class TrainOnSpark {

  static final String USAGE = "Usage: TrainOnSpark --input PATH --model OUT.model [--class NAME]"
      + " [--nominal-class] [--header FILE.arff] [--weight NAME] [--format csv|parquet]"
      + " [--skip-malformed] [--partitions N]"
      + " [--checkpoint-dir DIR] [--master URL] [-- PolynomialNetwork options]\n"
      + "  --input           a CSV file with a header row, or Parquet: file, folder or glob on"
      + " any file system Spark reads\n"
      + "  --model           the Weka model file to write (local path)\n"
      + "  --class           the class column (default: the last column other than --weight's)."
      + " A numeric class is predicted as a number (regression), a nominal one as class"
      + " probabilities"
      + " (classification)\n"
      + "  --nominal-class   the class is nominal even if its values are numbers (codes such as"
      + " 0/1); its classes are the values found, in numeric order\n"
      + "  --header          an ARFF header fixing attribute types and nominal values, the"
      + " class's classes and their order included (default: numeric columns numeric, text"
      + " columns nominal with their values sorted as text; a class column holding text is"
      + " nominal, one holding both numbers and text is refused)\n"
      + "  --weight          a numeric column of instance weights, as Weka's: finite numbers >= 0"
      + " (0 leaves a row out), in every row (a missing, negative, NaN, infinite or text weight"
      + " is an error). It is not an input attribute (default: every row weighs 1)\n"
      + "  --format          csv or parquet (default: parquet for *.parquet, else csv)\n"
      + "  --skip-malformed  leave out CSV rows with more or fewer fields than the header row,"
      + " counting them in the output and the model (default: such a row is an error naming"
      + " it)\n"
      + "  --partitions      at most this many partitions (default: one per 32 MB of input, at"
      + " most 2 per core; the input's partitions are merged, never shuffled)\n"
      + "  --checkpoint-dir  a folder on a shared file system for Spark checkpoints of the"
      + " per-row state (default: a temporary local folder with a local master)\n"
      + "  --master          the Spark master when run without spark-submit (default:"
      + " local[*])\n"
      + "  after --          options of weka.classifiers.functions.PolynomialNetwork (-N, -I,"
      + " -S, ...)";

  /** Name prefix of the temporary checkpoint folder made with a local master. */
  static final String TEMP_CHECKPOINTS = "polynomialnetwork-checkpoints";

  private TrainOnSpark() {
  }

  public static void main(String[] args) {
    // Weka's matrix library looks for native BLAS/LAPACK/ARPACK, warns on standard error when it
    // finds none, and uses the pure-Java ones; PolynomialNetwork needs none of them: say so
    for (String lib : new String[] {"BLAS", "LAPACK", "ARPACK"}) {
      if (System.getProperty("com.github.fommil.netlib." + lib) == null) {
        System.setProperty("com.github.fommil.netlib." + lib,
            "com.github.fommil.netlib.F2j" + lib);
      }
    }
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs TrainOnSpark; returns the exit status (0 trained and written, 2 bad input or options,
   * 1 anything else).
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    SparkCommandLine a;
    try {
      a = SparkCommandLine.parse(args);
    } catch (BadInputException e) {
      err.println("TrainOnSpark: " + e.getMessage());
      err.println(USAGE);
      return 2;
    }
    if (a == null) {
      out.println(USAGE);
      return 0;
    }
    boolean ownSession = !SparkSession.getActiveSession().isDefined();
    SparkSession spark = null;
    try {
      a.checkModelPath();
      spark = session(a);
      PolynomialNetwork model = train(spark, a, err, UnaryOperator.identity());
      a.writeModel(model, out);
      return 0;
    } catch (BadInputException e) {
      err.println("TrainOnSpark: " + e.getMessage());
      return 2;
    } catch (Exception e) {
      BadInputException bad = badInputIn(e);
      if (bad != null) {
        err.println("TrainOnSpark: " + bad.getMessage());
        return 2;
      }
      err.println("TrainOnSpark failed: " + e);
      e.printStackTrace(err);
      return 1;
    } finally {
      if (spark != null && ownSession) {
        spark.stop();
      }
    }
  }

  static BadInputException badInputIn(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BadInputException) {
        return (BadInputException) t;
      }
    }
    return null;
  }

  private static SparkSession session(SparkCommandLine a) {
    SparkConf conf = new SparkConf();
    SparkSession.Builder b = SparkSession.builder().appName("PolynomialNetwork");
    boolean plainJava = !conf.contains("spark.master");
    if (plainJava) {
      b.master(a.master == null ? "local[*]" : a.master);
    }
    SparkSession s = b.getOrCreate();
    if (plainJava) {
      // run with plain java there is no log4j configuration, and Spark's default logs every job
      // at INFO: keep standard error for the progress lines. (Set only now: a level set before
      // Spark configured its logging makes Spark skip that, and log4j's own default then writes
      // to standard output, into the model text.)
      s.sparkContext().setLogLevel("WARN");
    }
    return s;
  }

  /**
   * Reads the input, prepares the training set on the executors and fits the classifier.
   *
   * @param decorate wraps the Spark row blocks (tests inject faults through it)
   */
  static PolynomialNetwork train(SparkSession spark, SparkCommandLine a, PrintStream err,
      UnaryOperator<RowBlocks> decorate) throws Exception {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Path tempCheckpoints = checkpoints(sc, a.checkpointDir, err);
    JobCounter jobs = new JobCounter();
    spark.sparkContext().addSparkListener(jobs);
    PolynomialNetwork classifier = new PolynomialNetwork();
    try {
      try {
        classifier.setOptions(a.wekaOptions.toArray(new String[0]));
      } catch (Exception e) {
        throw new BadInputException("PolynomialNetwork options " + a.wekaOptions + ": "
            + e.getMessage());
      }
      long start = System.nanoTime();
      InputTable table = InputTable.open(spark, a.input, a.format);
      if (a.weight != null) {
        table = table.withWeight(a.weight);
      }
      Instances header;
      if (a.header != null) {
        header = table.headerFromArff(a.header, a.className, a.nominalClass);
      } else {
        int columns = table.columns.length; // the weight column is not among them
        // typed columns (Parquet numbers, booleans) say what they are: a pass over the data is
        // needed only to find the kinds and values of text columns, and the classes of a
        // numeric column made the nominal class
        ColumnKinds kinds = !table.hasTextColumns() && !a.nominalClass ? new ColumnKinds(columns)
            : OrderedMerge.summarise(a.skipMalformed ? table.wellFormedRows().javaRDD()
                : table.rows.javaRDD(), it -> {
              ColumnKinds k = new ColumnKinds(columns);
              while (it.hasNext()) {
                k.add(it.next());
              }
              return k;
            }, ColumnKinds::merge);
        header = kinds.header(table, a.className, a.nominalClass);
      }
      boolean nominal = header.classAttribute().isNominal();
      if (nominal && header.classAttribute().numValues() == 0 && a.header == null) {
        throw new BadInputException("--input " + a.input + ": the class column '"
            + header.classAttribute().name() + "' has no values (it is missing in every row). "
            + "Choose the class with --class NAME.");
      }
      if (nominal && header.classAttribute().numValues() < 2) {
        // Weka refuses such a class too (a unary class is not a capability of the classifier)
        throw new BadInputException("the class '" + header.classAttribute().name() + "' is "
            + "nominal with " + (header.classAttribute().numValues() == 0 ? "no classes"
                : "one class only, " + classList(header)) + (a.header != null ? " (as --header "
                + a.header + " declares it)" : " (the only value in --input " + a.input + ")")
            + "; a classification needs at least two. Declare all its classes in an ARFF "
            + "header (--header) if the data hold only one of them, or choose another class "
            + "column with --class.");
      }
      if (nominal) {
        if (classifier.getStepRule().getSelectedTag().getID() == PolynomialNetwork.STEP_UNIT) {
          throw new BadInputException("PolynomialNetwork options " + a.wekaOptions + ": -step "
              + "unit is for a numeric class only; the class '" + header.classAttribute().name()
              + "' is nominal. Leave out -step unit (the default, -step search, suits both).");
        }
        err.printf(Locale.ROOT, "TrainOnSpark: the class '%s' is nominal (%s): %d classes %s;"
            + " training a classifier%n", header.classAttribute().name(), a.header != null
                ? "classes as declared in --header " + a.header
                : a.nominalClass ? "--nominal-class; classes found in the data, in numeric order"
                    : "it holds text; classes found in the data, sorted",
            header.classAttribute().numValues(), classList(header));
      }
      int partitions = a.partitions > 0 ? a.partitions
          : TrainingData.defaultPartitions(table.bytes, sc.defaultParallelism());
      TrainingData data = TrainingData.prepare(sc, table, header, partitions, a.skipMalformed);
      String dataNote = null;
      long prepJobs = jobs.count();
      if (data.malformedSkipped > 0) {
        String note = data.malformedSkipped + " malformed row" + (data.malformedSkipped == 1
            ? "" : "s") + " (more or fewer fields than the header row) of --input " + a.input
            + " skipped (--skip-malformed)";
        err.printf(Locale.ROOT, "TrainOnSpark: %s%n", note);
        dataNote = note + ".";
      }
      err.printf(Locale.ROOT, "TrainOnSpark: %d rows with a class value%s, %d input columns after"
          + " coding, %d partitions; prepared in %.1f s (%d Spark jobs)%n", data.rows,
          a.weight == null ? "" : String.format(Locale.ROOT, " (total weight %.6g in column '%s')",
              data.converter.trainingWeight(), a.weight),
          data.converter.columns(), data.partitions,
          (System.nanoTime() - start) / 1e9, prepJobs);
      if (data.constantModel()) {
        data.buildConstant(classifier);
        err.printf(Locale.ROOT, "TrainOnSpark: %s: the model is the constant distribution of "
            + "the classes' rows%n", data.trainedClasses.length == 1 ? "only one class has rows"
                : "no input column");
        classifier.noteOnTrainingData(dataNote);
        a.trainedHeader = new Instances(header, 0);
        return classifier;
      }
      try (SparkRowBlocks blocks = new SparkRowBlocks(sc, data.blocks,
          data.converter.columns(), data.rows)) {
        long fitStart = System.nanoTime();
        classifier.setIterationListener(new SolverSettings.IterationListener() {
          @Override
          public void iterationDone(FitResult.IterationRecord r) {
            // the record's error is the weighted RMSE for a numeric class, the weighted mean
            // log-loss (nats) for a nominal one, whose relative error is that over log k
            String error = nominal ? String.format(Locale.ROOT, "mean log-loss %.6g nats (%.4f"
                + " of the uniform guess's)", r.rmse, r.relativeResidual)
                : String.format(Locale.ROOT, "relative residual %.4e", r.relativeResidual);
            err.printf(Locale.ROOT, "%s: %s, %.1f s, %d passes, %d Spark jobs%n",
                r.progressLabel(), error, (System.nanoTime() - fitStart) / 1e9, blocks.passes(),
                jobs.count() - prepJobs);
          }
        });
        data.fit(classifier, decorate.apply(blocks));
        long fitJobs = jobs.count() - prepJobs;
        int iterations = iterations(classifier);
        err.printf(Locale.ROOT, "TrainOnSpark: trained in %.1f s: %d passes over all rows, %.1f "
            + "pass-equivalents with the row samples (rows read / rows), %d Spark jobs%s%n",
            (System.nanoTime() - fitStart) / 1e9, blocks.passes(),
            blocks.rowsRead() / (double) Math.max(1, blocks.rows()), fitJobs,
            iterations > 0 ? String.format(Locale.ROOT,
                " (%.1f jobs per iteration of the final fit's %d)", fitJobs / (double) iterations,
                iterations) : "");
      }
      classifier.setIterationListener(null);
      classifier.noteOnTrainingData(dataNote);
      a.trainedHeader = new Instances(header, 0);
      return classifier;
    } catch (SparkException e) {
      BadInputException bad = badInputIn(e);
      throw bad != null ? bad : e;
    } finally {
      spark.sparkContext().removeSparkListener(jobs);
      if (tempCheckpoints != null) {
        deleteTree(tempCheckpoints.toFile());
      }
    }
  }

  /**
   * Sets the checkpoint folder of the per-row state: {@code checkpointDir} when given; else, with
   * a local master and no folder set (or one made here before), a temporary folder of its own,
   * which the caller deletes at the end ({@link #deleteTree}); else none is set, which is said on
   * {@code err}.
   *
   * @return the temporary folder made, or null
   */
  static Path checkpoints(JavaSparkContext sc, String checkpointDir, PrintStream err)
      throws IOException {
    boolean ownCheckpoints = sc.getCheckpointDir().isPresent()
        && sc.getCheckpointDir().get().contains(TEMP_CHECKPOINTS);
    if (checkpointDir != null) {
      sc.setCheckpointDir(checkpointDir);
    } else if ((!sc.getCheckpointDir().isPresent() || ownCheckpoints) && sc.isLocal()) {
      // a folder of its own, deleted at the end (also when an earlier run in this session made
      // one: that one is gone)
      Path temp = Files.createTempDirectory(TEMP_CHECKPOINTS);
      sc.setCheckpointDir(temp.toString());
      return temp;
    } else if (!sc.getCheckpointDir().isPresent() && err != null) {
      err.println("TrainOnSpark: no --checkpoint-dir: the per-row state is not checkpointed, so"
          + " a lost executor is recovered by recomputing every pass since the start. Give a"
          + " folder on a shared file system (HDFS, S3) for long fits.");
    }
    return null;
  }

  /** The iterations of the final fit (0 for a constant model). */
  static int iterations(PolynomialNetwork classifier) {
    return (int) classifier.getMeasure("measureNumIterations");
  }

  /** A nominal class's values as {a, b, c} (the first 20). */
  private static String classList(Instances header) {
    weka.core.Attribute c = header.classAttribute();
    StringBuilder sb = new StringBuilder("{");
    for (int v = 0; v < c.numValues() && v < 20; v++) {
      sb.append(v == 0 ? "" : ", ").append(c.value(v));
    }
    return sb.append(c.numValues() > 20 ? ", ...}" : "}").toString();
  }

  static void deleteTree(File f) {
    File[] inside = f.listFiles();
    if (inside != null) {
      for (File g : inside) {
        deleteTree(g);
      }
    }
    f.delete();
  }

  /** Counts the Spark jobs started (one per pass, plus checkpoints and the preparation). */
  static final class JobCounter extends SparkListener {
    private final AtomicLong jobs = new AtomicLong();

    @Override
    public void onJobStart(SparkListenerJobStart jobStart) {
      jobs.incrementAndGet();
    }

    long count() {
      return jobs.get();
    }
  }
}
