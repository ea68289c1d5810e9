package polynomialnetwork.spark;

import polynomialnetwork.engine.Standardization;
import polynomialnetwork.engine.data.DesignMatrix;
import polynomialnetwork.engine.data.RowBlock;
import polynomialnetwork.engine.data.RowBlocks;
import polynomialnetwork.engine.data.WeightScaling;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import polynomialnetwork.weka.InstancesConverter;
import polynomialnetwork.weka.NominalClassModel;
import weka.classifiers.functions.PolynomialNetwork;
import weka.core.Instances;

/**
 * The training set on Spark, made as {@link InstancesConverter#fit} makes it in Weka, but with
 * every pass over the rows run on the executors. The input is read once, into cached chunks of
 * parsed rows ({@link ParsedRows}); from them come (1) a summary (rows fit the header; means and
 * modes for missing values; class range, or the rows of each class of a nominal class), (2) the
 * weighted means and deviations of the coded columns, (3) the standardized row blocks, cached
 * where they were built (a nominal class's target is the row's class index among the classes
 * with training rows, as {@code PolynomialNetwork.buildNominal} takes it), after which the
 * chunks are released. The driver receives
 * only the summaries; the converter it assembles is the one the Weka model keeps. A table with a
 * weight column ({@link InputTable#withWeight}) gives each row its instance weight in every pass,
 * scaled by {@link WeightScaling} as {@code InstancesConverter.fit} scales Weka's; without one,
 * every row weighs 1.
 */
final class TrainingData {

  final Instances header;
  final InstancesConverter converter;
  /**
   * The standardized row blocks, cached; null when there is nothing to train
   * ({@link #constantModel}).
   */
  final JavaRDD<RowBlock> blocks;
  /** The partitions the rows were read into (and the blocks built in). */
  final int partitions;
  /** CSV rows with another number of fields than the header's, left out as the user asked. */
  final long malformedSkipped;
  /**
   * What {@link DataFrameTraining.InvalidRows#check} said about the invalid rows left out, or
   * null.
   */
  final String invalidNote;
  final long rows;
  final double classMin;
  final double classMax;
  /** A nominal class's values; null for a numeric class. */
  final String[] classNames;
  /**
   * The training weight of each class value (its rows' weights, scaled as the blocks' are);
   * null for a numeric class.
   */
  final double[] classWeights;
  /**
   * The class values with training weight, in declared order: a row's target is its class's
   * index here; null for a numeric class.
   */
  final int[] trainedClasses;

  private TrainingData(Instances header, InstancesConverter converter, JavaRDD<RowBlock> blocks,
      int partitions, long malformedSkipped, String invalidNote, long rows, double classMin,
      double classMax, double[] classWeights, int[] trainedClasses) {
    this.header = header;
    this.converter = converter;
    this.blocks = blocks;
    this.partitions = partitions;
    this.malformedSkipped = malformedSkipped;
    this.invalidNote = invalidNote;
    this.rows = rows;
    this.classMin = classMin;
    this.classMax = classMax;
    this.classWeights = classWeights;
    this.trainedClasses = trainedClasses;
    if (classWeights == null) {
      this.classNames = null;
    } else {
      this.classNames = new String[header.classAttribute().numValues()];
      for (int c = 0; c < classNames.length; c++) {
        classNames[c] = header.classAttribute().value(c);
      }
    }
  }

  /** Whether the class is nominal (a classification). */
  boolean nominal() {
    return classWeights != null;
  }

  /**
   * Whether there is nothing to train: a nominal class with fewer than two classes with rows, or
   * no input column; {@link #buildConstant} then gives the model Weka makes of the same rows.
   */
  boolean constantModel() {
    return constantModel(trainedClasses, converter);
  }

  private static boolean constantModel(int[] trainedClasses, InstancesConverter converter) {
    return trainedClasses != null && (trainedClasses.length < 2 || converter.columns() == 0);
  }

  /**
   * Sets {@code classifier} to the constant model Weka makes of these rows (with no input column
   * Weka sums no class weights, and its distribution is uniform).
   */
  void buildConstant(PolynomialNetwork classifier) throws Exception {
    classifier.buildNominalConstant(converter, classNames,
        converter.columns() == 0 ? new double[classNames.length] : classWeights);
  }

  /** Trains {@code classifier} on these rows, held by {@code blocks}: the classifier's own fit. */
  void fit(PolynomialNetwork classifier, RowBlocks blocks) throws Exception {
    if (nominal()) {
      classifier.buildNominal(converter, blocks, classNames, classWeights, trainedClasses);
    } else {
      classifier.buildClassifier(converter, blocks, classMin, classMax);
    }
  }

  /**
   * Input bytes per partition below which partitions are merged: a pass over a partition this
   * small takes a few milliseconds, less than the scheduling of its task, so small data train
   * on one partition, where every sum runs in row order as it does inside Weka.
   */
  static final long MIN_PARTITION_BYTES = 32L << 20;

  /** The partitions to train on when the user does not say: one per 32 MB, at most 2 per core. */
  static int defaultPartitions(long inputBytes, int parallelism) {
    long wanted = (inputBytes + MIN_PARTITION_BYTES - 1) / MIN_PARTITION_BYTES;
    return (int) Math.max(1, Math.min(2L * parallelism, wanted));
  }

  /**
   * @param partitions the most partitions to train on (more partitions are merged without a
   *     shuffle, which keeps every row where it was read and the result reproducible)
   * @throws BadInputException when a row does not fit the header, there is no row, no row with a
   *     class value, or no input column
   */
  static TrainingData prepare(JavaSparkContext sc, InputTable table, Instances header,
      int partitions, boolean skipMalformed) throws Exception {
    JavaRDD<Row> rows = table.rows.select(table.selection(header)).javaRDD();
    RowReader reader = new RowReader(header, table.path, table.weight,
        table.hasMalformedColumn() ? table.columns.length + (table.weight == null ? 0 : 1) : 0);
    return prepare(rows, reader, "--input " + table.path,
        table.format == InputTable.Format.CSV ? " (only a header row)" : "", table.weight,
        partitions, " Choose the class with --class NAME.", skipMalformed, null);
  }

  /**
   * The same from rows already in the header's order (each attribute's column, then a column
   * naming the row's file, null when none, then the row's weight when {@code weightColumn} is
   * given).
   *
   * @param inputPath what {@link RowReader} names as the input in a message
   * @param source how a message names the data ("--input PATH")
   * @param emptyHint what follows "holds no data rows" in a message
   * @param weightColumn the name of the weight column, or null when every row weighs 1
   * @param noClassHint what follows the message that the class has no values
   */
  static TrainingData prepare(JavaRDD<Row> rows, Instances header, String inputPath,
      String source, String emptyHint, String weightColumn, int partitions, String noClassHint,
      DataFrameTraining.InvalidRows invalidRows) throws Exception {
    return prepare(rows, new RowReader(header, inputPath, weightColumn, 0, invalidRows != null),
        source, emptyHint, weightColumn, partitions, noClassHint, false, invalidRows);
  }

  private static TrainingData prepare(JavaRDD<Row> rows, RowReader reader, String source,
      String emptyHint, String weightColumn, int partitions, String noClassHint,
      boolean skipMalformed, DataFrameTraining.InvalidRows invalidRows) throws Exception {
    Instances header = reader.header();
    if (header.numAttributes() < 2) {
      throw new BadInputException(source + " has no input column besides the"
          + " class '" + header.classAttribute().name() + "'; PolynomialNetwork needs at least"
          + " one.");
    }
    if (rows.getNumPartitions() > partitions) {
      rows = rows.coalesce(partitions, false);
    }
    final boolean weighted = weightColumn != null;
    // the input read once: every pass below, and the row blocks, work from these chunks. They
    // are kept in memory only: they are as big as the blocks, and while the blocks are built
    // Spark drops chunks to make room for them (a dropped partition is read again), where chunks
    // kept also on disk pushed part of the blocks to disk for the whole fit (10^7 x 50 rows in
    // local[2], -Xmx10g: 3.4 GB spilled, each later pass 17 % slower), and chunks kept on disk
    // only cost more to write than to read the input again (27 s against 12 s)
    JavaRDD<ParsedRows> parsed = rows.mapPartitions(it -> ParsedRows.of(it, reader, weighted,
        skipMalformed), true).persist(StorageLevel.MEMORY_ONLY());
    try {
      return prepare(parsed, reader.header(), source, emptyHint, weightColumn, noClassHint,
          invalidRows);
    } finally {
      parsed.unpersist(false);
    }
  }

  private static TrainingData prepare(JavaRDD<ParsedRows> parsed, Instances header,
      String source, String emptyHint, String weightColumn, String noClassHint,
      DataFrameTraining.InvalidRows invalidRows) throws Exception {
    final int attributes = header.numAttributes();
    final int classIndex = header.classIndex();
    // with a weight column, the total weight of the rows with a class first (rows that do not
    // fit are left to the summary to report): the summary counts known weights down from it
    final boolean weighted = weightColumn != null;
    final double startWeight = !weighted ? 0 : OrderedMerge.summarise(parsed, it -> {
      double[] total = new double[1];
      while (it.hasNext()) {
        ParsedRows chunk = it.next();
        for (int i = 0; i < chunk.rows; i++) {
          total[0] += chunk.weight(i);
        }
      }
      return total;
    }, (x, y) -> {
      x[0] += y[0];
      return x;
    })[0];
    TrainingSummary summary = OrderedMerge.summarise(parsed, it -> {
      TrainingSummary s = new TrainingSummary(header, weighted,
          TaskContext.getPartitionId() == 0 ? startWeight : 0);
      while (it.hasNext()) {
        s.add(it.next());
      }
      return s;
    }, TrainingSummary::merge);
    if (summary.problem != null) {
      throw new BadInputException(summary.problem);
    }
    String invalidNote = invalidRows == null ? null
        : invalidRows.check(summary.rows + summary.invalid[0], summary.invalid);
    String className = header.classAttribute().name();
    if (summary.rows == 0) {
      throw new BadInputException(source + " holds no data rows" + (summary.malformedSkipped > 0
          ? " besides " + summary.malformedSkipped + " malformed ones, skipped as asked"
          : emptyHint) + ".");
    }
    if (summary.rowsWithClass == 0) {
      throw new BadInputException(source + ": the class column '" + className
          + "' has no values (it is missing in all " + summary.rows + " rows)." + noClassHint);
    }

    if (!(summary.totalWeight > 0)) {
      // Weka would make a constant model of no information; a weight column of zeros is a
      // mistake to report, not to train on
      throw new BadInputException(source + ": every row with a class value has"
          + " weight 0 in the weight column '" + weightColumn + "'; nothing to train on. Give "
          + "the rows to train on a positive weight.");
    }

    final InstancesConverter coding = InstancesConverter.coding(header,
        summary.meansAndModes());
    final int p = coding.columns();
    final boolean nominal = header.classAttribute().isNominal();
    // the weights the fit sees: brought near 1 by a power of two when they are extreme, as
    // InstancesConverter.fit brings Weka's
    final int weightShift = WeightScaling.shiftFor(summary.maxWeight);
    final int classValues = nominal ? header.classAttribute().numValues() : 0;
    Moments moments = OrderedMerge.summarise(parsed, it -> {
      Moments mo = new Moments(p, classValues);
      double[] values = new double[attributes];
      while (it.hasNext()) {
        ParsedRows chunk = it.next();
        for (int i = 0; i < chunk.rows; i++) {
          double[] x = coding.codedFeatures(chunk.row(i, values), header);
          double w = WeightScaling.apply(chunk.weight(i), weightShift);
          mo.acc.add(x, values[classIndex], w);
          if (nominal) {
            mo.classWeights[(int) values[classIndex]] += w;
          }
        }
      }
      return mo;
    }, Moments::merge);
    // a class index is a label: the standardization leaves a nominal class as it is, as
    // InstancesConverter.fit does
    final Standardization std = nominal ? moments.acc.build().withoutTargetScaling()
        : moments.acc.build();
    InstancesConverter converter = coding.withStandardization(std,
        Math.scalb(moments.acc.totalWeight(), -weightShift), summary.rowsWithClass);
    final double[] classWeights = nominal ? moments.classWeights : null;
    final int[] trainedClasses = nominal ? NominalClassModel.presentClasses(classWeights) : null;
    // a row's target: the standardized class value, or the index of its class among the
    // trained ones (the classes with training rows, in declared order)
    final int[] trainedIndex = nominal ? new int[classWeights.length] : null;
    for (int t = 0; nominal && t < trainedClasses.length; t++) {
      trainedIndex[trainedClasses[t]] = t;
    }

    if (constantModel(trainedClasses, converter)) {
      return new TrainingData(header, converter, null, parsed.getNumPartitions(),
          summary.malformedSkipped, invalidNote, summary.rowsWithClass, summary.classMin,
          summary.classMax, classWeights, trainedClasses);
    }
    JavaRDD<RowBlock> blocks = parsed.mapPartitions(it -> {
      DesignMatrix.Builder b = new DesignMatrix.Builder(p, DesignMatrix.DEFAULT_BLOCK_ROWS);
      double[] values = new double[attributes];
      while (it.hasNext()) {
        ParsedRows chunk = it.next();
        for (int i = 0; i < chunk.rows; i++) {
          double[] x = coding.codedFeatures(chunk.row(i, values), header);
          double y = values[classIndex];
          b.addRow(std.standardize(x, x), nominal ? trainedIndex[(int) y]
              : std.standardizeTarget(y), WeightScaling.apply(chunk.weight(i), weightShift));
        }
      }
      return blocksOf(b);
    }).persist(StorageLevel.MEMORY_AND_DISK());
    // built and cached now, while the parsed rows are, which are released after this
    blocks.count();
    return new TrainingData(header, converter, blocks, parsed.getNumPartitions(),
        summary.malformedSkipped, invalidNote, summary.rowsWithClass, summary.classMin,
        summary.classMax, classWeights, trainedClasses);
  }

  /**
   * The second pass's sums: the weighted moments of the coded columns and the class, and a
   * nominal class's weight per class value (the weights scaled as the blocks' are).
   */
  static final class Moments implements Serializable {
    private static final long serialVersionUID = 1L;
    final Standardization.Accumulator acc;
    final double[] classWeights;

    Moments(int p, int classValues) {
      acc = new Standardization.Accumulator(p);
      classWeights = new double[classValues];
    }

    /** Adds {@code later}'s rows, which come after these in partition order. */
    Moments merge(Moments later) {
      acc.merge(later.acc);
      for (int c = 0; c < classWeights.length; c++) {
        classWeights[c] += later.classWeights[c];
      }
      return this;
    }
  }

  private static Iterator<RowBlock> blocksOf(DesignMatrix.Builder b) {
    if (b.rows() == 0) {
      return Collections.emptyIterator();
    }
    DesignMatrix m = b.build(true);
    List<RowBlock> out = new ArrayList<>(m.blockCount());
    for (int i = 0; i < m.blockCount(); i++) {
      out.add(m.rowBlock(i));
    }
    return out.iterator();
  }
}
