package polynomialnetwork.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.sql.Row;

/**
 * A chunk of input rows read once into Weka's coding ({@link RowReader}): the values of the rows
 * with a class value (one per attribute, NaN for missing), row by row, and their weights. The
 * preparation caches these chunks in the memory of the executor that read them and computes the
 * summary, the standardization and the row blocks from them, so that the input is read, and its
 * Spark {@code Row}s converted and parsed, once: those are the costly part of a pass over the
 * input (measured at 10⁷ × 50 Parquet rows in {@code scripts/spark-scale.sh}), against a loop
 * over doubles for each later pass.
 *
 * <p>A partition becomes a sequence of chunks of at most {@link #CHUNK_VALUES} values, produced
 * one at a time, so that Spark's block manager caches (or spills) a partition piece by piece.
 * Rows without a class value are counted, their weights checked, and not kept: nothing uses them
 * after the summary. Rows marked invalid (typed rows from a DataFrame, {@link
 * RowReader#invalidMask}) are counted by what is invalid in them, and not kept. The first row
 * that does not fit the header ends its partition: its chunk carries the message, which the
 * summary brings to the driver.
 */
final class ParsedRows implements Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * Most values of a chunk (256 KB): big enough for a tight loop, small enough to cache piece by
   * piece and to stay an ordinary allocation for the garbage collector (G1 allocates an array of
   * half a heap region or more, 1 MB with a 4 GB heap, as a "humongous" object, in regions of its
   * own, each allocation starting a concurrent cycle).
   */
  static final int CHUNK_VALUES = 1 << 15;

  /** Values per row: the header's attributes, the class among them. */
  final int attributes;
  /** The rows with a class value kept here. */
  final int rows;
  /** Row i's value of attribute a at {@code i * attributes + a}. */
  final double[] values;
  /** Row i's instance weight; null when every row weighs 1. */
  final double[] weights;
  /** Rows read into this chunk that fit the header, with a class value or without. */
  final int rowsRead;
  /** What is wrong with the row after the last one read, or null when every row fits. */
  final String problem;
  /** CSV rows with another number of fields than the header's, left out as the user asked. */
  final int malformedSkipped;
  /**
   * Rows with an invalid value ({@link RowReader#invalidMask}), left out: in all, then with an
   * invalid input value, class value and weight.
   */
  final int[] invalid;

  private ParsedRows(int attributes, int rows, double[] values, double[] weights, int rowsRead,
      String problem, int malformedSkipped, int[] invalid) {
    this.invalid = invalid;
    this.attributes = attributes;
    this.rows = rows;
    this.values = values;
    this.weights = weights;
    this.rowsRead = rowsRead;
    this.problem = problem;
    this.malformedSkipped = malformedSkipped;
  }

  /** Copies row {@code i}'s values into {@code into} (one per attribute) and returns it. */
  double[] row(int i, double[] into) {
    System.arraycopy(values, i * attributes, into, 0, attributes);
    return into;
  }

  /** Row {@code i}'s instance weight. */
  double weight(int i) {
    return weights == null ? 1.0 : weights[i];
  }

  /**
   * The chunks of one partition's rows, read lazily.
   *
   * @param weighted whether {@code reader} reads a weight column
   * @param skipMalformed whether a CSV row with another number of fields than the header's is
   *     left out and counted (else it is the partition's problem)
   */
  static Iterator<ParsedRows> of(Iterator<Row> input, RowReader reader, boolean weighted,
      boolean skipMalformed) {
    final int attributes = reader.header().numAttributes();
    final int classIndex = reader.header().classIndex();
    return new Iterator<ParsedRows>() {
      private boolean ended;

      @Override
      public boolean hasNext() {
        return !ended && input.hasNext();
      }

      @Override
      public ParsedRows next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        final int chunkRows = Math.max(1, CHUNK_VALUES / attributes);
        double[] values = new double[chunkRows * attributes];
        double[] weights = weighted ? new double[chunkRows] : null;
        double[] row = new double[attributes];
        int kept = 0;
        int read = 0;
        int skipped = 0;
        int[] invalid = new int[4];
        String problem = null;
        while (kept < chunkRows && input.hasNext()) {
          Row r = input.next();
          int mask = reader.invalidMask(r);
          if (mask != 0) {
            invalid[0]++;
            invalid[1] += (mask & RowReader.INVALID_INPUT) != 0 ? 1 : 0;
            invalid[2] += (mask & RowReader.INVALID_CLASS) != 0 ? 1 : 0;
            invalid[3] += (mask & RowReader.INVALID_WEIGHT) != 0 ? 1 : 0;
            continue;
          }
          problem = reader.malformed(r);
          if (problem != null && skipMalformed) {
            problem = null;
            skipped++;
            continue;
          }
          if (problem == null) {
            problem = reader.read(r, row);
          }
          if (problem == null) {
            // every row's weight is checked, also a row without a class, as Weka checks them all
            problem = reader.weightProblem(r);
          }
          if (problem != null) {
            ended = true;
            break;
          }
          read++;
          if (Double.isNaN(row[classIndex])) {
            continue; // dropped, as Weka drops instances with a missing class before training
          }
          System.arraycopy(row, 0, values, kept * attributes, attributes);
          if (weighted) {
            weights[kept] = reader.weight(r);
          }
          kept++;
        }
        return new ParsedRows(attributes, kept,
            kept == chunkRows ? values : Arrays.copyOf(values, kept * attributes),
            weights == null || kept == chunkRows ? weights : Arrays.copyOf(weights, kept),
            read, problem, skipped, invalid);
      }
    };
  }
}
