package weka.classifiers.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import weka.classifiers.CheckClassifier;
import weka.core.Utils;

/**
 * Weka's {@link CheckClassifier} run on {@link PolynomialNetwork}, with the pass rule of
 * {@code shared/docs/weka-packaging.md} §7: every line says "yes", or "no (OK error message)"
 * (a type the classifier refuses through its capabilities, with an acceptable message); a bare
 * "no" is allowed only where the line states an interface the classifier does not implement
 * (updateable, multi-instance). On top of that every numeric-class line on numeric or nominal
 * predictors must say "yes": this is a regressor, so only the attribute types it does not
 * support (string, date, relational) may be refused there.
 *
 * <p>The checker's complete output is printed to the test output and written to
 * {@code target/weka-checks/CheckClassifier*.txt}, so that it can be quoted.
 */
class PolynomialNetworkCheckClassifierTest {

  /** Lines that state an interface; "no" there is a statement, not a failure. */
  static final String[] INTERFACE_LINES = {"updateable classifier...", "multi-instance classifier..."};

  /** Runs the checker with the given classifier options and returns its complete output. */
  static String runCheckClassifier(String classifierOptions, int numInstances) throws Exception {
    PolynomialNetwork pn = new PolynomialNetwork();
    pn.setOptions(Utils.splitOptions(classifierOptions));
    CheckClassifier check = new CheckClassifier();
    check.setClassifier(pn);
    check.setNumInstances(numInstances);
    check.setSilent(false);
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream old = System.out;
    try {
      System.setOut(new PrintStream(buf, true, "UTF-8"));
      check.doTests();
    } finally {
      System.setOut(old);
    }
    return new String(buf.toByteArray(), StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-solver EP-ROM -step unit -N 2", "-N 0 -solver AP-ROM-BK -validation 0"})
  void checkClassifierPassesTheWekaRule(String options) throws Exception {
    String text = runCheckClassifier(options, 20);
    String report = "=== CheckClassifier, options [" + options + "] ===\n" + text;
    System.out.println(report);
    File dir = new File("target", "weka-checks");
    dir.mkdirs();
    Files.write(new File(dir, "CheckClassifier" + (options.isEmpty() ? "" : "[" + options + "]")
      + ".txt").toPath(), report.getBytes(StandardCharsets.UTF_8));
    List<String> results = new ArrayList<String>();
    int yes = 0;
    for (String raw : text.split("\n")) {
      String line = raw.trim();
      int dots = line.lastIndexOf("...");
      if (dots < 0) {
        continue;
      }
      results.add(line);
      String verdict = line.substring(dots + 3);
      String head = line.substring(0, dots + 3);
      if (verdict.equals("yes")) {
        yes++;
        continue;
      }
      if (verdict.equals("no (OK error message)")) {
        boolean refusedType = head.contains("string predictors")
          || head.contains("date predictors") || head.contains("relational predictors");
        assertFalse(head.contains("(numeric class") && !refusedType,
          "a regressor must accept every numeric-class test on numeric and nominal predictors: "
            + line + "\n" + text);
        continue;
      }
      boolean interfaceLine = false;
      for (String s : INTERFACE_LINES) {
        interfaceLine |= head.equals(s);
      }
      assertTrue(interfaceLine && verdict.equals("no"), "not acceptable: " + line + "\n" + text);
    }
    // 4 interface lines, serialVersionUID, toString, 25 basic-predict lines and 13 numeric-class
    // tests (Weka 3.8.6)
    assertEquals(43, results.size(), text);
    assertTrue(yes >= 17, "only " + yes + " yes:\n" + text);
    for (String must : new String[] {"options...yes", "weighted instances classifier...yes",
        "serialVersionUID...yes", "toString...yes",
        "basic predict (numeric class, numeric predictors)...yes",
        "basic predict (numeric class, nominal predictors)...yes",
        "classifier doesn't alter original datasets (numeric class, numeric & nominal "
          + "predictors)...yes",
        "100% missing predictor values (numeric class, numeric & nominal predictors)...yes",
        "100% missing class values (numeric class, numeric & nominal predictors)...yes",
        "handle zero training instances (numeric class, numeric & nominal predictors)...yes",
        "classifier uses instance weights (numeric class, numeric & nominal predictors)...yes"}) {
      assertTrue(results.contains(must), "missing line '" + must + "' in\n" + text);
    }
  }
}
