package polynomialnetwork.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import weka.core.Attribute;
import weka.core.Instances;

/**
 * The user's training data as Spark reads it (CSV with a header row, or Parquet), and the Weka
 * header that says what each column is: given as an ARFF header ({@code --header}), or found in
 * a pass over the data (numeric columns numeric, the others nominal with the values they hold,
 * sorted; see {@link ColumnKinds} for the class column). Nothing here reads rows on the driver.
 */
final class InputTable {

  /** Data formats TrainOnSpark reads. */
  enum Format {
    CSV, PARQUET
  }

  /** Name of the extra column that tells a row's file (for error messages). */
  static final String FILE_COLUMN = "__polynomialnetwork_file";

  /**
   * Name of the extra column of a CSV table that holds the text of a row whose number of fields
   * is not the header's (Spark's corrupt-record column), null for a row that fits.
   */
  static final String MALFORMED_COLUMN = "__polynomialnetwork_malformed";

  final String path;
  final Format format;
  /**
   * The columns as Spark read them (the attribute columns), then {@link #FILE_COLUMN}, then the
   * weight column if there is one, then, for CSV, {@link #MALFORMED_COLUMN}.
   */
  final Dataset<Row> rows;
  /** The columns that can be attributes (all but the weight column). */
  final String[] columns;
  /** Bytes of the files the path matches. */
  final long bytes;
  /** The column of instance weights ({@code --weight}), not an attribute; null for none. */
  final String weight;

  private InputTable(String path, Format format, Dataset<Row> rows, String[] columns,
      long bytes, String weight) {
    this.path = path;
    this.format = format;
    this.rows = rows;
    this.columns = columns;
    this.bytes = bytes;
    this.weight = weight;
  }

  /**
   * This table with column {@code name} as the instance weights: no longer one of the
   * {@link #columns}, read after {@link #FILE_COLUMN} (see {@link RowReader#weight}).
   *
   * @throws BadInputException when the table has no such column
   */
  InputTable withWeight(String name) {
    int w = indexOf(name);
    if (w < 0) {
      throw new BadInputException("--weight " + name + ": --input " + path + " has no column "
          + "of that name; its columns are " + String.join(", ", columns) + ".");
    }
    if (columns.length == 1) {
      throw new BadInputException("--weight " + name + ": it is the only column of --input "
          + path + "; the data need a class column and input columns besides the weights.");
    }
    String[] others = new String[columns.length - 1];
    Column[] sel = new Column[columns.length + (hasMalformedColumn() ? 2 : 1)];
    for (int c = 0, o = 0; c < columns.length; c++) {
      if (c != w) {
        others[o] = columns[c];
        sel[o++] = functions.col(quoted(columns[c]));
      }
    }
    sel[columns.length - 1] = functions.col(FILE_COLUMN);
    sel[columns.length] = functions.col(quoted(name));
    if (hasMalformedColumn()) {
      sel[columns.length + 1] = functions.col(MALFORMED_COLUMN);
    }
    return new InputTable(path, format, rows.select(sel), others, bytes, name);
  }

  /**
   * Opens {@code path} (a file, folder or glob on any file system Spark reads) without reading
   * its rows.
   *
   * @param format the format, or null to take it from the name (Parquet for "*.parquet" or a
   *     folder of them, else CSV)
   * @throws BadInputException when nothing matches the path, or it is not a table Spark can read
   */
  static InputTable open(SparkSession spark, String path, Format format) {
    FileStatus[] matches = matches(spark, path);
    if (format == null) {
      format = looksLikeParquet(spark, path, matches) ? Format.PARQUET : Format.CSV;
    }
    Dataset<Row> data;
    try {
      data = format == Format.PARQUET ? spark.read().parquet(path) : csv(spark, path);
    } catch (RuntimeException e) {
      throw new BadInputException("--input " + path + ": Spark cannot read it as "
          + format.name().toLowerCase(Locale.ROOT) + " (" + firstLine(e) + ")."
          + (format == Format.CSV ? " Give --format parquet for Parquet data." : ""));
    }
    String[] columns = data.columns();
    if (format == Format.CSV && columns.length > 0) {
      columns = Arrays.copyOf(columns, columns.length - 1); // without MALFORMED_COLUMN
    }
    if (columns.length == 0) {
      throw new BadInputException("--input " + path + " has no columns: "
          + (format == Format.CSV ? "a CSV file needs a header row naming its columns."
              : "it holds no data."));
    }
    for (StructField f : data.schema().fields()) {
      DataType t = f.dataType();
      if (f.name().equals(MALFORMED_COLUMN)) {
        continue;
      }
      if (!(t instanceof NumericType) && !t.equals(DataTypes.StringType)
          && !t.equals(DataTypes.BooleanType)) {
        throw new BadInputException("--input " + path + ": column '" + f.name() + "' is of type "
            + t.simpleString() + "; PolynomialNetwork reads numbers, text and booleans. "
            + "Cast or drop it before training.");
      }
    }
    Dataset<Row> withFile = data.withColumn(FILE_COLUMN, functions.input_file_name());
    return new InputTable(path, format, withFile, columns, bytes(spark, matches), null);
  }

  /**
   * A CSV table: every column as text (the header, given or inferred, decides what it is), named
   * by the first line, and {@link #MALFORMED_COLUMN}, where Spark puts the text of a row with
   * more or fewer fields than the header (such a row's columns are otherwise filled with nulls,
   * which would read as missing values). Sets the session's
   * {@code spark.sql.csv.parser.columnPruning.enabled} to false, so that every row's fields are
   * counted.
   */
  private static Dataset<Row> csv(SparkSession spark, String path) {
    String[] names = spark.read().option("header", "true").option("inferSchema", "false")
        .csv(path).columns();
    StructType schema = new StructType();
    for (String name : names) {
      schema = schema.add(name, DataTypes.StringType, true);
    }
    if (names.length == 0) {
      return spark.read().option("header", "true").schema(schema).csv(path);
    }
    schema = schema.add(MALFORMED_COLUMN, DataTypes.StringType, true);
    // Spark parses only the columns a query uses, and then counts only their fields: a row
    // short of a column the header (--header) leaves out would pass as well-formed
    spark.conf().set("spark.sql.csv.parser.columnPruning.enabled", "false");
    return spark.read().option("header", "true").option("mode", "PERMISSIVE")
        .option("columnNameOfCorruptRecord", MALFORMED_COLUMN).schema(schema).csv(path);
  }

  /** Whether the rows carry {@link #MALFORMED_COLUMN} (a CSV table). */
  boolean hasMalformedColumn() {
    return format == Format.CSV;
  }

  /** The rows whose number of fields is the header's (all rows of a Parquet table). */
  Dataset<Row> wellFormedRows() {
    return hasMalformedColumn() ? rows.filter(functions.col(MALFORMED_COLUMN).isNull()) : rows;
  }

  private static FileStatus[] matches(SparkSession spark, String path) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    try {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
      FileSystem fs = p.getFileSystem(conf);
      FileStatus[] found = fs.globStatus(p);
      if (found == null || found.length == 0) {
        throw new BadInputException("--input " + path + " does not exist (no file or folder "
            + "matches it on " + fs.getUri() + "). Check the path; a glob such as "
            + "'data/part-*.csv' is allowed.");
      }
      return found;
    } catch (IOException | IllegalArgumentException e) {
      throw new BadInputException("--input " + path + " cannot be opened: " + firstLine(e));
    }
  }

  private static long bytes(SparkSession spark, FileStatus[] matches) {
    long total = 0;
    try {
      for (FileStatus s : matches) {
        FileSystem fs = s.getPath().getFileSystem(spark.sparkContext().hadoopConfiguration());
        total += s.isDirectory() ? fs.getContentSummary(s.getPath()).getLength() : s.getLen();
      }
    } catch (IOException e) {
      return Long.MAX_VALUE; // unknown: treat as large
    }
    return total;
  }

  private static boolean looksLikeParquet(SparkSession spark, String path, FileStatus[] found) {
    if (path.toLowerCase(Locale.ROOT).endsWith(".parquet")) {
      return true;
    }
    try {
      for (FileStatus s : found) {
        if (s.isDirectory()) {
          FileSystem fs = s.getPath().getFileSystem(spark.sparkContext().hadoopConfiguration());
          for (FileStatus inside : fs.listStatus(s.getPath())) {
            if (inside.getPath().getName().toLowerCase(Locale.ROOT).endsWith(".parquet")) {
              return true;
            }
          }
        } else if (s.getPath().getName().toLowerCase(Locale.ROOT).endsWith(".parquet")) {
          return true;
        }
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }

  /**
   * The Weka header read from an ARFF file: its attributes, in its order, must all be columns of
   * the data; the class is {@code className}, else the header's last attribute. A nominal class
   * has the classes the header declares, in its order.
   *
   * @param nominalClass whether the user asked for a nominal class ({@code --nominal-class}):
   *     the header must then declare it nominal
   */
  Instances headerFromArff(String arffFile, String className, boolean nominalClass) {
    Path file = Paths.get(arffFile);
    if (!Files.isRegularFile(file)) {
      throw new BadInputException("--header " + arffFile + " does not exist or is not a file.");
    }
    Instances header;
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      header = new Instances(new BufferedReader(r), 0); // reads the header, no data
    } catch (IOException | RuntimeException e) {
      throw new BadInputException("--header " + arffFile + " is not an ARFF header: "
          + firstLine(e));
    }
    header = new Instances(header, 0);
    if (weight != null && header.attribute(weight) != null) {
      throw new BadInputException("--header " + arffFile + " declares attribute '" + weight
          + "', the --weight column; instance weights are not an attribute. Remove it from the"
          + " header.");
    }
    List<String> missing = new ArrayList<>();
    for (int a = 0; a < header.numAttributes(); a++) {
      Attribute att = header.attribute(a);
      if (indexOf(att.name()) < 0) {
        missing.add(att.name());
      }
      if (!att.isNumeric() && !att.isNominal()) {
        throw new BadInputException("--header " + arffFile + ": attribute '" + att.name()
            + "' is " + Attribute.typeToString(att) + "; PolynomialNetwork uses numeric and "
            + "nominal attributes only. Declare it numeric or nominal, or remove it.");
      }
    }
    if (!missing.isEmpty()) {
      throw new BadInputException("--header " + arffFile + " names attribute(s) " + missing
          + " that --input " + path + " has no column for; its columns are "
          + String.join(", ", columns) + ".");
    }
    setClass(header, className, "--header " + arffFile);
    if (nominalClass && !header.classAttribute().isNominal()) {
      throw new BadInputException("--nominal-class: --header " + arffFile + " declares the class '"
          + header.classAttribute().name() + "' " + Attribute.typeToString(
              header.classAttribute()) + ". Declare it nominal there, with its classes (e.g. "
          + "@attribute " + header.classAttribute().name() + " {0,1}), or leave out "
          + "--nominal-class to predict it as a number.");
    }
    return header;
  }

  /** True when some column is text (every CSV column is; Parquet strings). */
  boolean hasTextColumns() {
    for (StructField f : rows.schema().fields()) {
      if (!f.name().equals(FILE_COLUMN) && !f.name().equals(weight)
          && !f.name().equals(MALFORMED_COLUMN)
          && f.dataType().equals(DataTypes.StringType)) {
        return true;
      }
    }
    return false;
  }

  /** Index of column {@code name}, or -1. */
  int indexOf(String name) {
    for (int c = 0; c < columns.length; c++) {
      if (columns[c].equals(name)) {
        return c;
      }
    }
    return -1;
  }

  /**
   * Sets the class of {@code header} to {@code className}, or its last attribute when null. A
   * numeric class is predicted as a number (regression), a nominal one as class probabilities
   * (classification).
   */
  void setClass(Instances header, String className, String where) {
    if (className == null) {
      header.setClassIndex(header.numAttributes() - 1);
    } else {
      Attribute c = header.attribute(className);
      if (c == null) {
        throw new BadInputException("--class " + className + ": " + where + " has no column of "
            + "that name; its columns are " + names(header) + ".");
      }
      header.setClass(c);
    }
  }

  /**
   * The columns of the table, for reading in the order of {@code header}'s attributes, then the
   * file name, then the weight column if there is one, then, for CSV, the malformed row's text.
   */
  Column[] selection(Instances header) {
    int n = header.numAttributes();
    Column[] sel = new Column[n + 1 + (weight == null ? 0 : 1) + (hasMalformedColumn() ? 1 : 0)];
    for (int a = 0; a < n; a++) {
      sel[a] = functions.col(quoted(header.attribute(a).name()));
    }
    sel[n] = functions.col(FILE_COLUMN);
    if (weight != null) {
      sel[n + 1] = functions.col(quoted(weight));
    }
    if (hasMalformedColumn()) {
      sel[sel.length - 1] = functions.col(MALFORMED_COLUMN);
    }
    return sel;
  }

  /** A column name as Spark's col() takes it literally (dots and spaces included). */
  static String quoted(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  private static String names(Instances header) {
    StringBuilder sb = new StringBuilder();
    for (int a = 0; a < header.numAttributes(); a++) {
      sb.append(a == 0 ? "" : ", ").append(header.attribute(a).name());
    }
    return sb.toString();
  }

  static String firstLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
