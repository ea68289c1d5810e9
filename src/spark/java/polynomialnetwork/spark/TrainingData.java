package polynomialnetwork.spark;

import polynomialnetwork.engine.Standardization;
import polynomialnetwork.engine.data.DesignMatrix;
import polynomialnetwork.engine.data.RowBlock;
import polynomialnetwork.engine.data.WeightScaling;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import polynomialnetwork.weka.InstancesConverter;
import polynomialnetwork.weka.NominalClassModel;
import weka.core.Instances;

/**
 * The training set on Spark, made as {@link InstancesConverter#fit} makes it in Weka, but with
 * every pass over the rows run on the executors: (1) a summary (rows fit the header; means and
 * modes for missing values; class range, or the rows of each class of a nominal class), (2) the
 * weighted means and deviations of the coded columns, (3) the standardized row blocks, cached
 * where they were built (a nominal class's target is the row's class index among the classes
 * with training rows, as {@code PolynomialNetwork.buildNominal} takes it). The driver receives
 * only the summaries; the converter it assembles is the one the Weka model keeps.
 */
final class TrainingData {

  final Instances header;
  final InstancesConverter converter;
  final JavaRDD<RowBlock> blocks;
  final long rows;
  final double classMin;
  final double classMax;
  /** A nominal class's values; null for a numeric class. */
  final String[] classNames;
  /** The training weight of each class value (its rows); null for a numeric class. */
  final double[] classWeights;
  /**
   * The class values with training weight, in declared order: a row's target is its class's
   * index here; null for a numeric class.
   */
  final int[] trainedClasses;

  private TrainingData(Instances header, InstancesConverter converter, JavaRDD<RowBlock> blocks,
      long rows, double classMin, double classMax, double[] classWeights, int[] trainedClasses) {
    this.header = header;
    this.converter = converter;
    this.blocks = blocks;
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
      int partitions) throws Exception {
    JavaRDD<Row> rows = table.rows.select(table.selection(header)).javaRDD();
    return prepare(rows, header, table.path, "--input " + table.path,
        table.format == InputTable.Format.CSV ? " (only a header row)" : "", false, partitions,
        " Choose the class with --class NAME.");
  }

  /**
   * The same from rows already in the header's order (each attribute's column, then a column
   * naming the row's file, null when none, then the row's weight when {@code weighted}).
   *
   * @param inputPath what {@link RowReader} names as the input in a message
   * @param source how a message names the data ("--input PATH")
   * @param emptyHint what follows "holds no data rows" in a message
   * @param weighted whether the rows carry weights (finite and >= 0, checked by the caller)
   * @param noClassHint what follows the message that the class has no values
   */
  static TrainingData prepare(JavaRDD<Row> rows, Instances header, String inputPath,
      String source, String emptyHint, boolean weighted, int partitions, String noClassHint)
      throws Exception {
    if (header.numAttributes() < 2) {
      throw new BadInputException(source + " has no input column besides the"
          + " class '" + header.classAttribute().name() + "'; PolynomialNetwork needs at least"
          + " one.");
    }
    if (rows.getNumPartitions() > partitions) {
      rows = rows.coalesce(partitions, false);
    }
    final RowReader reader = new RowReader(header, inputPath);
    final int weightColumn = weighted ? header.numAttributes() + 1 : -1;
    final int attributes = header.numAttributes();
    final int classIndex = header.classIndex();

    TrainingSummary summary = OrderedMerge.summarise(rows, it -> {
      TrainingSummary s = new TrainingSummary(reader.header());
      double[] values = new double[attributes];
      while (it.hasNext()) {
        Row row = it.next();
        s.add(reader, row, values, weightOf(row, weightColumn));
      }
      return s;
    }, TrainingSummary::merge);
    if (summary.problem != null) {
      throw new BadInputException(summary.problem);
    }
    String className = header.classAttribute().name();
    if (summary.rows == 0) {
      throw new BadInputException(source + " holds no data rows" + emptyHint + ".");
    }
    if (summary.rowsWithClass == 0) {
      throw new BadInputException(source + ": the class column '" + className
          + "' has no values (it is missing in all " + summary.rows + " rows)." + noClassHint);
    }

    final InstancesConverter coding = InstancesConverter.coding(header,
        summary.meansAndModes());
    final int p = coding.columns();
    // weights near the ends of the double range are scaled by a power of two, as Weka's are
    final int weightShift = WeightScaling.shiftFor(summary.maxWeight);
    Standardization.Accumulator moments = OrderedMerge.summarise(rows, it -> {
      Standardization.Accumulator acc = new Standardization.Accumulator(p);
      double[] values = new double[attributes];
      while (it.hasNext()) {
        Row row = it.next();
        double[] x = coded(reader, coding, row, values);
        if (x != null) {
          acc.add(x, values[classIndex],
              WeightScaling.apply(weightOf(row, weightColumn), weightShift));
        }
      }
      return acc;
    }, Standardization.Accumulator::merge);
    final boolean nominal = header.classAttribute().isNominal();
    // a class index is a label: the standardization leaves a nominal class as it is, as
    // InstancesConverter.fit does
    final Standardization std = nominal ? moments.build().withoutTargetScaling()
        : moments.build();
    InstancesConverter converter = coding.withStandardization(std,
        Math.scalb(moments.totalWeight(), -weightShift), moments.rows());
    final double[] classWeights = nominal ? summary.classCounts() : null;
    for (int c = 0; nominal && c < classWeights.length; c++) {
      classWeights[c] = WeightScaling.apply(classWeights[c], weightShift);
    }
    final int[] trainedClasses = nominal ? NominalClassModel.presentClasses(classWeights) : null;
    // a row's target: the standardized class value, or the index of its class among the
    // trained ones (the classes with training rows, in declared order)
    final int[] trainedIndex = nominal ? new int[classWeights.length] : null;
    for (int t = 0; nominal && t < trainedClasses.length; t++) {
      trainedIndex[trainedClasses[t]] = t;
    }

    JavaRDD<RowBlock> blocks = rows.mapPartitions(it -> {
      DesignMatrix.Builder b = new DesignMatrix.Builder(p, DesignMatrix.DEFAULT_BLOCK_ROWS);
      double[] values = new double[attributes];
      while (it.hasNext()) {
        Row row = it.next();
        double[] x = coded(reader, coding, row, values);
        if (x != null) {
          double y = values[classIndex];
          b.addRow(std.standardize(x, x), nominal ? trainedIndex[(int) y]
              : std.standardizeTarget(y),
              WeightScaling.apply(weightOf(row, weightColumn), weightShift));
        }
      }
      return blocksOf(b);
    });
    return new TrainingData(header, converter, blocks, summary.rowsWithClass,
        summary.classMin, summary.classMax, classWeights, trainedClasses);
  }

  /** The weight of a row: its weight column's value, or 1 when there is none (-1). */
  private static double weightOf(Row row, int weightColumn) {
    return weightColumn < 0 ? 1.0 : ((Number) row.get(weightColumn)).doubleValue();
  }

  /** The coded columns of a row with a class value (null for a row without). */
  private static double[] coded(RowReader reader, InstancesConverter coding, Row row,
      double[] values) throws Exception {
    reader.read(row, values);
    if (Double.isNaN(values[reader.header().classIndex()])) {
      return null;
    }
    return coding.codedFeatures(values, reader.header());
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
