package polynomialnetwork.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bad input gets one clear line naming the file, column, value or option, exit status 2, and no
 * model file (an existing one is left as it was).
 */
class TrainOnSparkInputTest extends LocalSparkTest {

  private static Path write(String name, String... lines) throws IOException {
    return Files.write(dir.resolve(name), Arrays.asList(lines), StandardCharsets.UTF_8);
  }

  /** Runs TrainOnSpark, expects status 2 and no change to the model file; returns the error. */
  private static String refused(String... args) throws IOException {
    Path model = dir.resolve("kept.model");
    Files.write(model, "an earlier model".getBytes(StandardCharsets.UTF_8));
    List<String> all = new ArrayList<>(Arrays.asList("--model", model.toString()));
    all.addAll(Arrays.asList(args));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = TrainOnSpark.run(all.toArray(new String[0]),
        new PrintStream(new ByteArrayOutputStream(), true), new PrintStream(err, true));
    String message = new String(err.toByteArray(), StandardCharsets.UTF_8);
    assertEquals(2, status, message);
    assertEquals("an earlier model", new String(Files.readAllBytes(model),
        StandardCharsets.UTF_8), "the model file is untouched");
    try (java.util.stream.Stream<Path> files = Files.list(dir)) {
      assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp")),
          "no temporary file is left");
    }
    assertFalse(message.contains("\tat "), "no stack trace: " + message);
    return message;
  }

  @Test
  void aPathThatDoesNotExist() throws IOException {
    String msg = refused("--input", dir.resolve("nowhere.csv").toString());
    assertTrue(msg.contains("nowhere.csv does not exist"), msg);
  }

  @Test
  void anEmptyDataSet() throws IOException {
    Path csv = write("empty.csv", "a,b,y");
    String msg = refused("--input", csv.toString());
    assertTrue(msg.contains("empty.csv holds no data rows"), msg);
  }

  @Test
  void noSuchClassColumn() throws IOException {
    Path csv = write("small.csv", "a,b,y", "1,2,3", "2,3,5");
    String msg = refused("--input", csv.toString(), "--class", "price");
    assertTrue(msg.contains("--class price") && msg.contains("a, b, y"), msg);
  }

  @Test
  void textInANumericColumnUnderAHeader() throws IOException {
    Path csv = write("text.csv", "a,b,y", "1,2,3", "2,abc,5", "3,4,7");
    Path header = write("text.arff", "@relation t", "@attribute a numeric",
        "@attribute b numeric", "@attribute y numeric", "@data");
    String msg = refused("--input", csv.toString(), "--header", header.toString());
    assertTrue(msg.contains("column 'b' holds 'abc', which is not a number")
        && msg.contains("text.csv") && msg.contains("[2, abc, 5]"), msg);
  }

  @Test
  void aNominalValueMissingFromTheHeader() throws IOException {
    Path csv = write("colour.csv", "colour,x,y", "red,1,2", "blue,2,3", "green,3,4");
    Path header = write("colour.arff", "@relation t", "@attribute colour {red,blue}",
        "@attribute x numeric", "@attribute y numeric", "@data");
    String msg = refused("--input", csv.toString(), "--header", header.toString());
    assertTrue(msg.contains("column 'colour' holds 'green', which is not one of the values "
        + "the header lists for it {red,blue}"), msg);
  }

  @Test
  void aClassColumnWithNoValues() throws IOException {
    Path csv = write("noclass.csv", "a,b,y", "1,2,", "2,3,?", "3,4,");
    String msg = refused("--input", csv.toString());
    assertTrue(msg.contains("the class column 'y' has no values"), msg);
  }

  @Test
  void aClassColumnWithNumbersAndText() throws IOException {
    // a numeric class with a typo must not quietly become a classification
    Path csv = write("mixedclass.csv", "a,b,y", "1,2,3.5", "2,3,4.5", "3,4,abc");
    String msg = refused("--input", csv.toString());
    assertTrue(msg.contains("mixedclass.csv") && msg.contains("the class column 'y' holds "
        + "numbers (e.g. '3.5') and text (e.g. 'abc')") && msg.contains("--nominal-class"), msg);
  }

  @Test
  void aClassValueTheHeaderDoesNotDeclare() throws IOException {
    Path csv = write("undeclared.csv", "a,b,y", "1,2,yes", "2,3,no", "3,4,maybe");
    Path header = write("undeclared.arff", "@relation t", "@attribute a numeric",
        "@attribute b numeric", "@attribute y {no,yes}", "@data");
    String msg = refused("--input", csv.toString(), "--header", header.toString());
    assertTrue(msg.contains("undeclared.csv") && msg.contains("[3, 4, maybe]")
        && msg.contains("the class column 'y' holds 'maybe', which is not one of the classes "
            + "the header lists for it {no,yes}") && msg.contains("write ?"), msg);
  }

  @Test
  void aClassColumnWithOneTextValue() throws IOException {
    // Weka refuses a unary class as well
    Path csv = write("unary.csv", "a,b,y", "1,2,yes", "2,3,yes");
    String msg = refused("--input", csv.toString());
    assertTrue(msg.contains("the class 'y' is nominal with one class only, {yes}")
        && msg.contains("unary.csv") && msg.contains("--header"), msg);
  }

  @Test
  void nominalClassAgainstAHeaderThatDeclaresItNumeric() throws IOException {
    Path csv = write("numericheader.csv", "a,b,y", "1,2,0", "2,3,1");
    Path header = write("numericheader.arff", "@relation t", "@attribute a numeric",
        "@attribute b numeric", "@attribute y numeric", "@data");
    String msg = refused("--input", csv.toString(), "--header", header.toString(),
        "--nominal-class");
    assertTrue(msg.contains("--nominal-class") && msg.contains("declares the class 'y' numeric"),
        msg);
  }

  @Test
  void anUnknownClassifierOption() throws IOException {
    Path csv = write("fine.csv", "a,b,y", "1,2,3", "2,3,5");
    String msg = refused("--input", csv.toString(), "--", "-no-such-option");
    assertTrue(msg.contains("-no-such-option"), msg);
  }

  @Test
  void aModelFolderThatDoesNotExist() throws IOException {
    Path csv = write("fine2.csv", "a,b,y", "1,2,3", "2,3,5");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = TrainOnSpark.run(new String[] {"--input", csv.toString(), "--model",
        dir.resolve("no/such/folder/x.model").toString()},
        new PrintStream(new ByteArrayOutputStream(), true), new PrintStream(err, true));
    assertEquals(2, status);
    assertTrue(new String(err.toByteArray(), StandardCharsets.UTF_8).contains("does not exist"));
  }

  /** Planted rows y = (a + b)² + c, with ragged rows put in at {@code ragged}. */
  private static Path raggedCsv(String name, String... ragged) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("a,b,c,d,y");
    java.util.Random rng = new java.util.Random(5);
    for (int i = 0; i < 200; i++) {
      double a = rng.nextGaussian();
      double b = rng.nextGaussian();
      double c = rng.nextGaussian();
      double d = rng.nextGaussian();
      lines.add(a + "," + b + "," + c + "," + d + "," + ((a + b) * (a + b) + c));
      if (i % 60 == 30 && i / 60 < ragged.length) {
        lines.add(ragged[i / 60]);
      }
    }
    return Files.write(dir.resolve(name), lines, StandardCharsets.UTF_8);
  }

  @Test
  void aRowWithTooFewFieldsIsRefused() throws IOException {
    Path csv = raggedCsv("short.csv", "1.5,2.5,0.5");
    String msg = refused("--input", csv.toString(), "--", "-I", "3");
    assertTrue(msg.contains("short.csv") && msg.contains("a row has 3 fields where the header "
        + "row has 5 columns: '1.5,2.5,0.5'") && msg.contains("--skip-malformed"), msg);
  }

  @Test
  void aRowWithTooManyFieldsIsRefused() throws IOException {
    Path csv = raggedCsv("long.csv", "1,2,3,4,5,6,7");
    String msg = refused("--input", csv.toString(), "--", "-I", "3");
    assertTrue(msg.contains("long.csv") && msg.contains("a row has 7 fields where the header "
        + "row has 5 columns: '1,2,3,4,5,6,7'"), msg);
  }

  @Test
  void aRaggedRowIsRefusedAlsoWhenTheHeaderUsesSomeColumnsOnly() throws IOException {
    Path csv = raggedCsv("subset.csv", "1,2");
    Path header = write("subset.arff", "@relation t", "@attribute a numeric",
        "@attribute b numeric", "@attribute y numeric", "@data");
    String msg = refused("--input", csv.toString(), "--header", header.toString(), "--", "-I",
        "3");
    assertTrue(msg.contains("a row has 2 fields where the header row has 5 columns"), msg);
  }

  @Test
  void raggedRowsAreSkippedAndCountedWhenAsked() throws Exception {
    Path csv = raggedCsv("skip.csv", "1,2,3", "1,2,3,4,5,6", "7");
    Path model = dir.resolve("skip.model");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = TrainOnSpark.run(new String[] {"--input", csv.toString(), "--model",
        model.toString(), "--skip-malformed", "--", "-I", "5", "-S", "1"},
        new PrintStream(out, true), new PrintStream(err, true));
    String progress = new String(err.toByteArray(), StandardCharsets.UTF_8);
    assertEquals(0, status, progress);
    assertTrue(progress.contains("TrainOnSpark: 200 rows with a class value"), progress);
    assertTrue(progress.contains("3 malformed rows (more or fewer fields than the header row)"
        + " of --input " + csv + " skipped (--skip-malformed)"), progress);
    String text = new String(out.toByteArray(), StandardCharsets.UTF_8);
    assertTrue(text.contains("Training data: 3 malformed rows"), text);
    Object[] saved = weka.core.SerializationHelper.readAll(model.toString());
    assertTrue(saved[0].toString().contains("Training data: 3 malformed rows"),
        "the saved model says so too");
  }
}
