package polynomialnetwork.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;
import weka.core.Attribute;
import weka.core.Instances;

/**
 * The pass that finds a header when the user gives none: a column is numeric when every value
 * it holds is a number (or missing), and nominal otherwise, with the distinct values it holds,
 * sorted (so that the header does not depend on how the rows are partitioned; an ARFF header
 * given with {@code --header} fixes another order). Typed Parquet columns need no pass: numbers
 * are numeric, booleans nominal {false, true}. The class column is nominal (a classification)
 * when it holds text, with its values sorted the same way (String order), and numeric (a
 * regression) when it holds numbers only, unless {@code --nominal-class} says it is nominal: its
 * numbers are then its classes, in numeric order (a typed Parquet column then needs the pass).
 */
final class ColumnKinds implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Most distinct values a nominal column found here may have. */
  static final int MAX_NOMINAL_VALUES = 10_000;
  /**
   * Most distinct number-like texts remembered per column: enough for the numbers of a column
   * that also holds text (a code such as 1, 2, x), small enough that a numeric column's values
   * are not all carried to the driver.
   */
  static final int MAX_NUMBER_TEXTS = 1_000;

  private final boolean[] textual;
  private final TreeSet<String>[] texts;
  private final TreeSet<String>[] numberTexts;
  private final boolean[] overflow;
  long rows;

  @SuppressWarnings("unchecked")
  ColumnKinds(int columns) {
    textual = new boolean[columns];
    texts = new TreeSet[columns];
    numberTexts = new TreeSet[columns];
    overflow = new boolean[columns];
    for (int c = 0; c < columns; c++) {
      texts[c] = new TreeSet<>();
      numberTexts[c] = new TreeSet<>();
    }
  }

  /** Adds a row whose first {@code textual.length} fields are the table's columns. */
  ColumnKinds add(Row row) {
    rows++;
    for (int c = 0; c < textual.length; c++) {
      Object o = row.get(c);
      String s = o == null ? null : o.toString().trim();
      if (s == null || s.isEmpty() || s.equals("?")
          || (o instanceof Number && Double.isNaN(((Number) o).doubleValue()))) {
        continue; // missing (a typed NaN is missing also in a nominal class; see RowReader)
      }
      if (o instanceof Number || isNumber(s)) {
        rememberNumber(c, s);
      } else {
        textual[c] = true;
        if (texts[c].size() <= MAX_NOMINAL_VALUES) {
          texts[c].add(s);
        }
      }
    }
    return this;
  }

  ColumnKinds merge(ColumnKinds other) {
    rows += other.rows;
    for (int c = 0; c < textual.length; c++) {
      textual[c] |= other.textual[c];
      overflow[c] |= other.overflow[c];
      texts[c].addAll(other.texts[c]);
      for (String s : other.numberTexts[c]) {
        rememberNumber(c, s);
      }
    }
    return this;
  }

  /** Keeps number-like text s of column c, up to MAX_NUMBER_TEXTS distinct ones. */
  private void rememberNumber(int c, String s) {
    if (numberTexts[c].size() < MAX_NUMBER_TEXTS) {
      numberTexts[c].add(s);
    } else if (!numberTexts[c].contains(s)) {
      overflow[c] = true;
    }
  }

  private static boolean isNumber(String s) {
    try {
      Double.parseDouble(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * The header of {@code table}: typed columns from its schema, text columns from this pass.
   * The class column follows the same rules, except that a text column holding both numbers and
   * other text is refused (a numeric class with a typo must not quietly become a classification),
   * and that {@code nominalClass} makes it nominal also when it holds numbers only (codes such as
   * 0/1): its values are then the numbers as written, in numeric order.
   *
   * @param className the class column, or null for the last
   * @param nominalClass whether the class is nominal whatever it holds ({@code --nominal-class})
   */
  Instances header(InputTable table, String className, boolean nominalClass) {
    StructType schema = table.rows.schema();
    int classColumn = className == null ? table.columns.length - 1 : table.indexOf(className);
    ArrayList<Attribute> atts = new ArrayList<>();
    for (int c = 0; c < table.columns.length; c++) {
      String name = table.columns[c];
      DataType type = schema.apply(name).dataType();
      if (c == classColumn && !type.equals(DataTypes.BooleanType)) {
        atts.add(classAttribute(table, c, type instanceof NumericType, nominalClass));
      } else if (type instanceof NumericType) {
        atts.add(new Attribute(name));
      } else if (type.equals(DataTypes.BooleanType)) {
        ArrayList<String> values = new ArrayList<>();
        values.add("false");
        values.add("true");
        atts.add(new Attribute(name, values));
      } else if (!textual[c]) {
        atts.add(new Attribute(name));
      } else {
        atts.add(new Attribute(name, new ArrayList<>(nominalValues(table, c, "attribute"))));
      }
    }
    Instances header = new Instances("input", atts, 0);
    table.setClass(header, className, "--input " + table.path);
    return header;
  }

  /** The sorted values of text column c (its texts and the numbers it also holds). */
  private TreeSet<String> nominalValues(InputTable table, int c, String what) {
    String name = table.columns[c];
    TreeSet<String> values = new TreeSet<>(texts[c]);
    if (overflow[c]) {
      throw new BadInputException("--input " + table.path + ": column '" + name + "' holds"
          + " text (e.g. '" + texts[c].first() + "') and more than " + MAX_NUMBER_TEXTS
          + " different numbers. If it is numeric, correct the text (or write ? for a "
          + "missing value); if it is nominal, list its values in an ARFF header "
          + "(--header).");
    }
    values.addAll(numberTexts[c]);
    if (values.size() > MAX_NOMINAL_VALUES) {
      throw new BadInputException("--input " + table.path + ": column '" + name + "' holds "
          + "more than " + MAX_NOMINAL_VALUES + " different texts (e.g. '"
          + texts[c].first() + "'), too many for a nominal " + what + ". Drop it, or correct "
          + "it if it should be numeric.");
    }
    return values;
  }

  /**
   * The class attribute of column c: numeric when it holds numbers only (typed or text) and
   * {@code nominalClass} is false, else nominal with the values found.
   */
  private Attribute classAttribute(InputTable table, int c, boolean typedNumbers,
      boolean nominalClass) {
    String name = table.columns[c];
    if (!nominalClass) {
      if (typedNumbers || !textual[c]) {
        return new Attribute(name);
      }
      if (!numberTexts[c].isEmpty()) {
        throw new BadInputException("--input " + table.path + ": the class column '" + name
            + "' holds numbers (e.g. '" + numberTexts[c].first() + "') and text (e.g. '"
            + texts[c].first() + "'). For a numeric class (regression), correct the text or "
            + "write ? for a missing value; for a nominal class (classification) whose values "
            + "include numbers, give --nominal-class or declare it in an ARFF header "
            + "(--header).");
      }
      return new Attribute(name, new ArrayList<>(nominalValues(table, c, "class")));
    }
    if (textual[c]) {
      return new Attribute(name, new ArrayList<>(nominalValues(table, c, "class")));
    }
    if (overflow[c]) {
      throw new BadInputException("--nominal-class: the class column '" + name + "' of --input "
          + table.path + " holds more than " + MAX_NUMBER_TEXTS + " different numbers, too "
          + "many for the classes of a nominal class. Leave out --nominal-class to predict it "
          + "as a number, or list its classes in an ARFF header (--header).");
    }
    ArrayList<String> values = new ArrayList<>(numberTexts[c]);
    Comparator<String> byNumber = Comparator.comparingDouble(Double::parseDouble);
    values.sort(byNumber.thenComparing(Comparator.naturalOrder()));
    return new Attribute(name, values);
  }
}
