package polynomialnetwork.spark.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.evaluation.RegressionEvaluator;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.CrossValidator;
import org.apache.spark.ml.tuning.CrossValidatorModel;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import polynomialnetwork.engine.PlantedProblem;
import polynomialnetwork.engine.data.DesignMatrix;
import weka.classifiers.functions.PolynomialNetwork;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.SerializationHelper;

/**
 * PolynomialNetworkRegressor in Spark ML pipelines (local[2]): on planted data (p = 10, r = 3,
 * noise 0.1, with a linear term) cross-validation over the rank finds rank 1 clearly worse and
 * the tuned pipeline predicts new rows within the noise; a saved and loaded PipelineModel
 * predicts the same to the bit; a fit equals the Weka classifier's and TrainOnSpark's on the same
 * rows, weighted or not; bad params and bad rows (null or short feature vectors too) are refused
 * with their names, or skipped and counted.
 */
class PolynomialNetworkRegressorTest {

  static final int P = 10;
  static SparkSession spark;
  static PlantedProblem train;
  static PlantedProblem test;

  @TempDir
  static Path dir;

  @BeforeAll
  static void startSpark() {
    spark = SparkSession.builder().master("local[2]").appName("polynomialNetwork-ml-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    train = PlantedProblem.spec().p(P).r(3).m(3000).noise(0.1).linear(true).seed(11).build();
    // the same network (same seed) on fresh rows: the first 3000 rows are the training rows,
    // the test rows are those after them
    test = PlantedProblem.spec().p(P).r(3).m(4000).noise(0.1).linear(true).seed(11).build();
  }

  @AfterAll
  static void stopSpark() {
    if (spark != null) {
      spark.stop();
    }
    SparkSession.clearActiveSession();
    SparkSession.clearDefaultSession();
  }

  static String[] inputNames() {
    String[] names = new String[P];
    for (int j = 0; j < P; j++) {
      names[j] = "x" + j;
    }
    return names;
  }

  /** Rows from..to of a planted problem as a DataFrame x0..x9, y, w (w: a weight in (0, 2]). */
  static Dataset<Row> frame(DesignMatrix d, int from, int to, int partitions) {
    List<StructField> fields = new ArrayList<>();
    for (String n : inputNames()) {
      fields.add(DataTypes.createStructField(n, DataTypes.DoubleType, false));
    }
    fields.add(DataTypes.createStructField("y", DataTypes.DoubleType, true));
    fields.add(DataTypes.createStructField("w", DataTypes.DoubleType, false));
    List<Row> rows = new ArrayList<>();
    for (int i = from; i < to; i++) {
      Object[] v = new Object[P + 2];
      double[] x = d.row(i);
      for (int j = 0; j < P; j++) {
        v[j] = x[j];
      }
      v[P] = d.target()[i];
      v[P + 1] = weight(i);
      rows.add(RowFactory.create(v));
    }
    return spark.createDataFrame(rows, DataTypes.createStructType(fields))
        .repartition(partitions).sortWithinPartitions("x0");
  }

  static double weight(int i) {
    return 0.05 + new Random(i).nextDouble() * 1.95;
  }

  /** The same rows as Weka instances (attributes x0..x9, class y), weighted or not. */
  static Instances instances(Dataset<Row> frame, boolean weighted) {
    ArrayList<Attribute> atts = new ArrayList<>();
    for (String n : inputNames()) {
      atts.add(new Attribute(n));
    }
    atts.add(new Attribute("y"));
    Instances data = new Instances("planted", atts, 0);
    data.setClassIndex(P);
    for (Row r : frame.collectAsList()) {
      double[] v = new double[P + 1];
      for (int j = 0; j <= P; j++) {
        v[j] = r.getDouble(j);
      }
      data.add(new DenseInstance(weighted ? r.getDouble(P + 1) : 1.0, v));
    }
    return data;
  }

  static VectorAssembler assembler() {
    return new VectorAssembler().setInputCols(inputNames()).setOutputCol("features");
  }

  static double[] predictions(Dataset<Row> predicted) {
    List<Row> rows = predicted.select("prediction").collectAsList();
    double[] out = new double[rows.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = rows.get(i).getDouble(0);
    }
    return out;
  }

  @Test
  void crossValidatedPipelineFindsTheRankAndSavesAndLoads() throws Exception {
    long start = System.nanoTime();
    Dataset<Row> training = frame(train.data, 0, 3000, 2).cache();
    Dataset<Row> testRows = frame(test.data, 3000, 4000, 2).cache();
    // one validation split (not the default five) and 50 iterations keep the ten fits short
    PolynomialNetworkRegressor net = new PolynomialNetworkRegressor().setLabelCol("y")
        .setValidationRuns(1).setMaxIter(50);
    Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {assembler(), net});
    ParamMap[] grid = new ParamGridBuilder().addGrid(net.rank(), new int[] {1, 3, 5}).build();
    RegressionEvaluator rmse = new RegressionEvaluator().setLabelCol("y")
        .setMetricName("rmse");
    CrossValidator cv = new CrossValidator().setEstimator(pipeline).setEstimatorParamMaps(grid)
        .setEvaluator(rmse).setNumFolds(3).setSeed(5);
    CrossValidatorModel tuned = cv.fit(training);
    double[] metrics = tuned.avgMetrics();
    System.out.printf("cross-validated RMSE by rank {1, 3, 5}: %s (%.1f s)%n",
        Arrays.toString(metrics), (System.nanoTime() - start) / 1e9);
    // rank 1 misses two of the three directions; ranks 3 and 5 fit to the noise
    assertTrue(metrics[0] > 3 * metrics[1], Arrays.toString(metrics));
    assertTrue(metrics[1] < 0.2 && metrics[2] < 0.2, Arrays.toString(metrics));

    PipelineModel best = (PipelineModel) tuned.bestModel();
    PolynomialNetworkRegressionModel bestNet =
        (PolynomialNetworkRegressionModel) best.stages()[1];
    assertTrue(bestNet.wekaModel().getNumHiddenUnits() >= 3);
    double[] predicted = predictions(best.transform(testRows));
    double testRmse = rmse.evaluate(best.transform(testRows));
    System.out.printf("test RMSE of the tuned pipeline: %.4f (noise 0.1)%n", testRmse);
    assertTrue(testRmse < 0.15, "test RMSE " + testRmse);

    String saved = dir.resolve("pipeline").toString();
    best.write().overwrite().save(saved);
    PipelineModel loaded = PipelineModel.load(saved);
    double[] again = predictions(loaded.transform(testRows));
    assertEquals(predicted.length, again.length);
    for (int i = 0; i < predicted.length; i++) {
      assertEquals(Double.doubleToLongBits(predicted[i]), Double.doubleToLongBits(again[i]),
          "row " + i);
    }
    PolynomialNetworkRegressionModel loadedNet =
        (PolynomialNetworkRegressionModel) loaded.stages()[1];
    assertEquals(bestNet.uid(), loadedNet.uid());
    assertEquals(bestNet.getOrDefault(bestNet.rank()), loadedNet.getOrDefault(loadedNet.rank()));
    assertEquals("y", loadedNet.getLabelCol());

    // the Weka model file the Explorer opens: classifier, then header, predicting the same
    String wekaFile = dir.resolve("tuned.model").toString();
    loadedNet.writeWekaModel(wekaFile);
    Object[] read = SerializationHelper.readAll(wekaFile);
    Instances header = (Instances) read[1];
    assertEquals("x0", header.attribute(0).name());
    assertEquals("y", header.classAttribute().name());
    Instances testInstances = instances(testRows.select(cols()), false);
    for (int i = 0; i < 20; i++) {
      Instance row = testInstances.instance(i);
      row.setDataset(header);
      assertEquals(predicted[i], ((PolynomialNetwork) read[0]).classifyInstance(row), 0.0);
    }
    training.unpersist();
    testRows.unpersist();
  }

  private static org.apache.spark.sql.Column[] cols() {
    org.apache.spark.sql.Column[] c = new org.apache.spark.sql.Column[P + 2];
    for (int j = 0; j < P; j++) {
      c[j] = org.apache.spark.sql.functions.col("x" + j);
    }
    c[P] = org.apache.spark.sql.functions.col("y");
    c[P + 1] = org.apache.spark.sql.functions.col("w");
    return c;
  }

  /** Fits the estimator and Weka on the same rows; their test predictions agree to 1e-9. */
  private static void assertSameAsWeka(PolynomialNetworkRegressor net, boolean weighted)
      throws Exception {
    Dataset<Row> training = frame(train.data, 0, 1200, 3);
    Dataset<Row> testRows = frame(test.data, 3000, 3300, 1);
    Dataset<Row> assembled = assembler().transform(training);
    PolynomialNetworkRegressionModel model = net.setLabelCol("y").fit(assembled);

    PolynomialNetwork weka = new PolynomialNetwork();
    weka.setOptions(net.wekaClassifier().getOptions());
    weka.buildClassifier(instances(training, weighted));
    assertEquals(weka.getNumHiddenUnits(), model.wekaModel().getNumHiddenUnits());
    assertEquals(weka.getMeasure("measureNumIterations"),
        model.wekaModel().getMeasure("measureNumIterations"), "iterations");

    double[] spark = predictions(model.transform(assembler().transform(testRows)));
    Instances testInstances = instances(testRows, false);
    for (int i = 0; i < spark.length; i++) {
      double w = weka.classifyInstance(testInstances.instance(i));
      assertEquals(w, spark[i], 1e-9 * Math.max(1, Math.abs(w)), "row " + i);
    }
  }

  @Test
  void aFitEqualsWekasOnTheSameRows() throws Exception {
    assertSameAsWeka(new PolynomialNetworkRegressor().setRank(3).setMaxIter(30)
        .setValidationRuns(2), false);
  }

  @Test
  void aWeightedFitEqualsWekasWeightedFit() throws Exception {
    assertSameAsWeka(new PolynomialNetworkRegressor().setRank(3).setMaxIter(30)
        .setValidationRuns(1).setWeightCol("w"), true);
  }

  /**
   * The estimator and TrainOnSpark are two doors to one fit: the same weighted rows, as a
   * DataFrame and as a CSV file, give the same model.
   */
  @Test
  void aFitEqualsTrainOnSparksOnTheSameRows() throws Exception {
    Dataset<Row> training = frame(train.data, 0, 1200, 2);
    PolynomialNetworkRegressor net = new PolynomialNetworkRegressor().setLabelCol("y")
        .setWeightCol("w").setRank(3).setMaxIter(30).setValidationRuns(2);
    PolynomialNetworkRegressionModel model = net.fit(assembler().transform(training));

    StringBuilder csv = new StringBuilder(String.join(",", inputNames())).append(",y,w\n");
    for (Row r : training.collectAsList()) {
      for (int j = 0; j < P + 2; j++) {
        csv.append(j == 0 ? "" : ",").append(r.getDouble(j));
      }
      csv.append('\n');
    }
    Path input = dir.resolve("same-rows.csv");
    java.nio.file.Files.write(input,
        csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Path modelFile = dir.resolve("same-rows.model");
    List<String> args = new ArrayList<>(Arrays.asList("--input", input.toString(), "--model",
        modelFile.toString(), "--class", "y", "--weight", "w", "--partitions", "2", "--"));
    args.addAll(Arrays.asList(net.wekaClassifier().getOptions()));
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    int status = polynomialnetwork.spark.TrainOnSpark.run(args.toArray(new String[0]),
        new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true),
        new java.io.PrintStream(err, true));
    assertEquals(0, status, err.toString());
    PolynomialNetwork onSpark = (PolynomialNetwork) SerializationHelper.readAll(
        modelFile.toString())[0];
    assertEquals(onSpark.getMeasure("measureNumIterations"),
        model.wekaModel().getMeasure("measureNumIterations"), "iterations");

    Instances testInstances = instances(frame(test.data, 3000, 3300, 1), false);
    for (int i = 0; i < testInstances.numInstances(); i++) {
      double a = onSpark.classifyInstance(testInstances.instance(i));
      double b = model.wekaModel().classifyInstance(testInstances.instance(i));
      assertEquals(a, b, 1e-9 * Math.max(1, Math.abs(a)), "row " + i);
    }
  }

  @Test
  void paramsHaveWekasDefaultsAndRefuseInvalidValues() {
    PolynomialNetworkRegressor net = new PolynomialNetworkRegressor();
    PolynomialNetwork weka = new PolynomialNetwork();
    assertEquals(weka.getNumHiddenUnits(), net.getRank());
    assertEquals(weka.getMaxIterations(), net.getMaxIter());
    assertEquals(weka.getTolerance(), net.getTol());
    assertEquals(weka.getRidge(), net.getRidge());
    assertEquals(weka.getSeed(), net.getSeed());
    assertEquals(weka.getValidationFraction(), net.getValidationFraction());
    assertEquals(weka.getValidationRuns(), net.getValidationRuns());
    assertEquals(weka.getSolver().getSelectedTag().getIDStr(), net.getSolver());
    assertEquals(weka.getStepRule().getSelectedTag().getIDStr(), net.getStepRule());
    assertArrayEquals(weka.getOptions(), net.wekaClassifier().getOptions());

    assertInvalid("rank", () -> net.setRank(-1));
    assertInvalid("maxIter", () -> net.setMaxIter(0));
    assertInvalid("tol", () -> net.setTol(Double.NaN));
    assertInvalid("ridge", () -> net.setRidge(-1));
    assertInvalid("solver", () -> net.setSolver("newton"));
    assertInvalid("stepRule", () -> net.setStepRule("big"));
    assertInvalid("validationFraction", () -> net.setValidationFraction(1.5));
    // the setter says why, not only Spark's "given invalid value"
    assertInvalid("must be at least 1, or 0 for the automatic choice", () -> net.setRank(-1));
    assertInvalid("is not one of [EP-ROM, AP-ROM-BK, AP-ROM-MBK]", () -> net.setSolver("x"));
    assertInvalid("wekaOptions '-bogus 3': Illegal options", () -> net.setWekaOptions("-bogus 3"));
    assertInvalid("-N is the param rank", () -> net.setWekaOptions("-N 3"));

    // copy keeps the uid and takes the extra params
    PolynomialNetworkRegressor copy = net.copy(new ParamMap().put(net.rank().w(4)));
    assertEquals(net.uid(), copy.uid());
    assertEquals(4, copy.getRank());
    assertEquals(weka.getNumHiddenUnits(), net.getRank());
  }

  @Test
  void theEstimatorSavesAndLoadsWithItsParams() throws Exception {
    PolynomialNetworkRegressor net = new PolynomialNetworkRegressor().setRank(4)
        .setSolver("EP-ROM").setWekaOptions("-no-linear").setWeightCol("w").setLabelCol("y");
    String path = dir.resolve("estimator").toString();
    net.write().overwrite().save(path);
    PolynomialNetworkRegressor loaded = PolynomialNetworkRegressor.load(path);
    assertEquals(net.uid(), loaded.uid());
    assertEquals(4, loaded.getRank());
    assertEquals("EP-ROM", loaded.getSolver());
    assertEquals("w", loaded.getWeightCol());
    assertEquals("y", loaded.getLabelCol());
    assertArrayEquals(net.wekaClassifier().getOptions(), loaded.wekaClassifier().getOptions());
  }

  private static void assertInvalid(String param, Runnable set) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, set::run);
    assertTrue(e.getMessage().contains(param), e.getMessage());
  }

  @Test
  void badOptionsAndRowsAreRefusedAtFitNamingTheColumn() {
    Dataset<Row> training = assembler().transform(frame(train.data, 0, 200, 2));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new PolynomialNetworkRegressor().setLabelCol("y").setWekaOptions("-N 3")
            .fit(training));
    assertTrue(e.getMessage().contains("-N is the param rank"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new PolynomialNetworkRegressor().setLabelCol("y").setWekaOptions("-bogus")
            .fit(training));
    assertTrue(e.getMessage().contains("wekaOptions"), e.getMessage());

    Dataset<Row> nanLabels = training.withColumn("y", org.apache.spark.sql.functions.when(
        org.apache.spark.sql.functions.col("x0").gt(1.5), Double.NaN)
        .otherwise(org.apache.spark.sql.functions.col("y")));
    long bad = training.filter("x0 > 1.5").count();
    e = assertThrows(IllegalArgumentException.class,
        () -> new PolynomialNetworkRegressor().setLabelCol("y").fit(nanLabels));
    assertTrue(e.getMessage().contains("labelCol 'y'") && e.getMessage().contains(
        bad + " of the 200 rows"), e.getMessage());

    Dataset<Row> negative = training.withColumn("w", org.apache.spark.sql.functions.lit(-1.0));
    e = assertThrows(IllegalArgumentException.class,
        () -> new PolynomialNetworkRegressor().setLabelCol("y").setWeightCol("w")
            .fit(negative));
    assertTrue(e.getMessage().contains("weightCol 'w'") && e.getMessage().contains(
        "200 of the 200 rows"), e.getMessage());
  }

  @Test
  void handleInvalidSkipLeavesOutAndCountsTheRowsWithInvalidValues() throws Exception {
    Dataset<Row> training = assembler().transform(frame(train.data, 0, 200, 2));
    Dataset<Row> nanLabels = training.withColumn("y", org.apache.spark.sql.functions.when(
        org.apache.spark.sql.functions.col("x0").gt(1.5), Double.NaN)
        .otherwise(org.apache.spark.sql.functions.col("y")));
    long bad = training.filter("x0 > 1.5").count();
    assertTrue(bad > 0);
    assertInvalid("handleInvalid", () -> new PolynomialNetworkRegressor().setHandleInvalid("keep"));
    PolynomialNetworkRegressionModel skipped = assertSkippedAsTheValidRows(nanLabels, training,
        200, bad, "labelCol 'y'");
    assertEquals("skip", skipped.getHandleInvalid(), "the model keeps the estimator's params");
    assertEquals(5, skipped.getMaxIter());

    Dataset<Row> allBad = training.withColumn("y", org.apache.spark.sql.functions.lit(
        Double.NaN));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new PolynomialNetworkRegressor().setLabelCol("y").setHandleInvalid("skip")
            .fit(allBad));
    assertTrue(e.getMessage().contains("every one of the 200 rows has an invalid value "
        + "(labelCol 'y' in 200 rows)"), e.getMessage());
  }

  /**
   * Rows whose features vector is null or shorter than the others (a DataFrame's ragged rows)
   * are refused at fit, naming the column and the count, or left out and counted with
   * handleInvalid = skip: no row is lost silently.
   */
  @Test
  void nullAndShortFeatureVectorsAreRefusedOrSkippedAndCounted() throws Exception {
    Dataset<Row> training = assembler().transform(frame(train.data, 0, 200, 2));
    Dataset<Row> nullFeatures = training.withColumn("features", org.apache.spark.sql.functions
        .when(org.apache.spark.sql.functions.col("x0").gt(1.5),
            org.apache.spark.sql.functions.lit(null))
        .otherwise(org.apache.spark.sql.functions.col("features")));
    long nulls = training.filter("x0 > 1.5").count();
    assertTrue(nulls > 0);
    Dataset<Row> shortRows = new VectorAssembler().setInputCols(new String[] {"x0", "x1", "x2"})
        .setOutputCol("features").transform(frame(train.data, 200, 210, 1))
        .select(columns(training.columns()));
    Dataset<Row> ragged = nullFeatures.union(shortRows);
    long bad = nulls + 10;

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new PolynomialNetworkRegressor().setLabelCol("y").fit(ragged));
    assertTrue(e.getMessage().contains("featuresCol 'features'") && e.getMessage().contains(
        bad + " of the 210 rows"), e.getMessage());

    assertSkippedAsTheValidRows(ragged, training, 210, bad, "featuresCol 'features'");
  }

  /**
   * Fits {@code withInvalid} with handleInvalid = skip: the model text counts the {@code bad}
   * rows of {@code total} by column, and the model is the fit on the valid rows of
   * {@code training} (those with x0 <= 1.5).
   */
  private static PolynomialNetworkRegressionModel assertSkippedAsTheValidRows(
      Dataset<Row> withInvalid, Dataset<Row> training, int total, long bad, String column) {
    PolynomialNetworkRegressionModel skipped = new PolynomialNetworkRegressor().setLabelCol("y")
        .setHandleInvalid("skip").setMaxIter(5).fit(withInvalid);
    String text = skipped.wekaModel().toString();
    assertTrue(text.contains("Training data: " + bad + " of the " + total + " rows skipped for "
        + "invalid values (handleInvalid = skip; " + column + " in " + bad + " rows)"), text);
    PolynomialNetworkRegressionModel valid = new PolynomialNetworkRegressor().setLabelCol("y")
        .setMaxIter(5).fit(training.filter("x0 <= 1.5"));
    assertArrayEquals(predictions(valid.transform(training)),
        predictions(skipped.transform(training)), 0.0, "the same fit as on the valid rows");
    return skipped;
  }

  private static org.apache.spark.sql.Column[] columns(String[] names) {
    org.apache.spark.sql.Column[] c = new org.apache.spark.sql.Column[names.length];
    for (int i = 0; i < names.length; i++) {
      c[i] = org.apache.spark.sql.functions.col(names[i]);
    }
    return c;
  }

  @Test
  void aFeaturesColumnOfTheWrongTypeOrSizeIsNamed() {
    Dataset<Row> training = assembler().transform(frame(train.data, 0, 200, 2));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new PolynomialNetworkRegressor().setLabelCol("y").setFeaturesCol("x0")
            .fit(training));
    assertTrue(e.getMessage().contains("featuresCol 'x0' is of type double; it must be a Vector"
        + " column") && e.getMessage().contains("VectorAssembler"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new PolynomialNetworkRegressor().setLabelCol("y").setFeaturesCol("nowhere")
            .fit(training));
    assertTrue(e.getMessage().contains("featuresCol 'nowhere' is not a column of the data")
        && e.getMessage().contains("x0, x1"), e.getMessage());
    Dataset<Row> arrays = training.withColumn("arr", org.apache.spark.ml.functions
        .vector_to_array(org.apache.spark.sql.functions.col("features"), "float64"));
    e = assertThrows(IllegalArgumentException.class,
        () -> new PolynomialNetworkRegressor().setLabelCol("y").setFeaturesCol("arr")
            .fit(arrays));
    assertTrue(e.getMessage().contains("featuresCol 'arr' is of type array<double>"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new PolynomialNetworkRegressor().setLabelCol("x0").setFeaturesCol("features")
            .fit(training.withColumn("x0", org.apache.spark.sql.functions.lit("text"))));
    // Spark's own check comes first, and names the column
    assertTrue(e.getMessage().contains("x0") && e.getMessage().contains("numeric")
        && e.getMessage().contains("string"), e.getMessage());

    PolynomialNetworkRegressionModel model = new PolynomialNetworkRegressor().setLabelCol("y")
        .setMaxIter(3).fit(training);
    Dataset<Row> shorter = new VectorAssembler().setInputCols(new String[] {"x0", "x1", "x2"})
        .setOutputCol("features").transform(frame(train.data, 0, 20, 1));
    e = assertThrows(IllegalArgumentException.class, () -> model.transform(shorter));
    assertTrue(e.getMessage().contains("featuresCol 'features' holds vectors of length 3; the "
        + "model was trained on " + P + " features"), e.getMessage());
  }

  @Test
  void loadingAMissingOrDamagedModelFolderSaysWhatIsWrong() throws Exception {
    Dataset<Row> training = assembler().transform(frame(train.data, 0, 200, 2));
    PolynomialNetworkRegressionModel model = new PolynomialNetworkRegressor().setLabelCol("y")
        .setMaxIter(3).fit(training);
    String missing = dir.resolve("no-such-model").toString();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PolynomialNetworkRegressionModel.load(missing));
    assertTrue(e.getMessage().contains("PolynomialNetworkRegressionModel.load(\"" + missing
        + "\"): there is no saved model there"), e.getMessage());

    java.nio.file.Path empty = java.nio.file.Files.createDirectories(dir.resolve("empty-model"));
    e = assertThrows(IllegalArgumentException.class,
        () -> PolynomialNetworkRegressionModel.load(empty.toString()));
    assertTrue(e.getMessage().contains("holds no saved Spark ML model"), e.getMessage());

    String saved = dir.resolve("saved-model").toString();
    model.write().overwrite().save(saved);
    e = assertThrows(IllegalArgumentException.class,
        () -> PolynomialNetworkClassificationModel.load(saved));
    assertTrue(e.getMessage().contains("its metadata cannot be read as a "
        + "PolynomialNetworkClassificationModel's") && e.getMessage().contains(
            "PolynomialNetworkRegressionModel"), e.getMessage());

    java.nio.file.Path data = java.nio.file.Paths.get(saved, "data", "model.bin");
    java.nio.file.Files.write(data,
        "not a model".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    e = assertThrows(IllegalArgumentException.class,
        () -> PolynomialNetworkRegressionModel.load(saved));
    assertTrue(e.getMessage().contains("data/model.bin is not a PolynomialNetwork model"),
        e.getMessage());
    java.nio.file.Files.delete(data);
    e = assertThrows(IllegalArgumentException.class,
        () -> PolynomialNetworkRegressionModel.load(saved));
    assertTrue(e.getMessage().contains("has no data/model.bin"), e.getMessage());
  }
}
