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
 * Weka's {@link CheckClassifier} run on {@link PolynomialNetwork}, with the pass rule the Weka
 * wiki gives for this checker: every line says "yes", or "no (OK error message)"
 * (a type the classifier refuses through its capabilities, with an acceptable message); a bare
 * "no" is allowed only where the line states an interface the classifier does not implement
 * (updateable, multi-instance). On top of that every line on numeric or nominal predictors must
 * say "yes", for a numeric class and for a nominal one (the classifier does both): only the
 * attribute types it does not support (string, date, relational) may be refused there; with
 * {@code -step unit}, which a nominal class refuses, the nominal-class lines may be refused.
 *
 * <p>Also CheckOptionHandler (with edge values of every option) and CheckGOE, which must say
 * "yes" throughout. Every checker's complete output is printed to the test output and written
 * to {@code target/weka-checks/*.txt}, so that it can be quoted.
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
    return capture(check::doTests);
  }

  /** Captures what {@code check} prints to System.out. */
  static String capture(Runnable check) throws Exception {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream old = System.out;
    try {
      System.setOut(new PrintStream(buf, true, "UTF-8"));
      check.run();
    } finally {
      System.setOut(old);
    }
    return new String(buf.toByteArray(), StandardCharsets.UTF_8);
  }

  static void keep(String file, String report) throws Exception {
    System.out.println(report);
    File dir = new File("target", "weka-checks");
    dir.mkdirs();
    Files.write(new File(dir, file).toPath(), report.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * CheckOptionHandler (also run in PolynomialNetworkChecksTest) with the edge values of every
   * option that the hostile suite accepts, and CheckGOE; full output kept like CheckClassifier's.
   */
  @ParameterizedTest
  @ValueSource(strings = {"", "-N 0 -I 1000000 -tol 0 -block-size 1000000 -krylov-iters 0 "
    + "-validation 0 -clip -1 -num-threads 1000000 -S -7 -num-decimal-places 0 -batch-size 1",
    "-N 1000000 -solver EP-ROM -step unit -tol 1e300 -validation 0.99 -clip 1e308 "
      + "-fresh-sampling -no-linear -S 2147483647 -num-decimal-places 300"})
  void checkOptionHandlerAndGoeSayYes(String options) throws Exception {
    final weka.core.CheckOptionHandler check = new weka.core.CheckOptionHandler();
    check.setOptionHandler(new PolynomialNetwork());
    check.setUserOptions(Utils.splitOptions(options));
    check.setSilent(false);
    String text = capture(check::doTests);
    keep("CheckOptionHandler" + (options.isEmpty() ? "" : "[" + options.hashCode() + "]")
      + ".txt", "=== CheckOptionHandler, user options [" + options + "] ===\n" + text);
    int lines = 0;
    for (String line : text.split("\n")) {
      if (line.contains("...")) {
        lines++;
        assertTrue(line.trim().endsWith("...yes"), line + "\n" + text);
      }
    }
    assertEquals(6, lines, text);
    assertTrue(check.getSuccess());
    if (options.isEmpty()) {
      final weka.core.CheckGOE goe = new weka.core.CheckGOE();
      goe.setObject(new PolynomialNetwork());
      String goeText = capture(goe::doTests);
      keep("CheckGOE.txt", "=== CheckGOE ===\n" + goeText);
      assertTrue(goe.getSuccess(), goeText);
      assertTrue(goeText.contains("Global info...yes") && goeText.contains("Tool tips...yes"),
        goeText);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-solver EP-ROM -step unit -N 2", "-N 0 -solver AP-ROM-BK -validation 0"})
  void checkClassifierPassesTheWekaRule(String options) throws Exception {
    String text = runCheckClassifier(options, 20);
    keep("CheckClassifier" + (options.isEmpty() ? "" : "[" + options + "]") + ".txt",
      "=== CheckClassifier, options [" + options + "] ===\n" + text);
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
          "every numeric-class test on numeric and nominal predictors must pass: "
            + line + "\n" + text);
        continue;
      }
      boolean interfaceLine = false;
      for (String s : INTERFACE_LINES) {
        interfaceLine |= head.equals(s);
      }
      assertTrue(interfaceLine && verdict.equals("no"), "not acceptable: " + line + "\n" + text);
    }
    // 4 interface lines, serialVersionUID, toString, 25 basic-predict lines, 13 numeric-class
    // and 13 nominal-class tests (Weka 3.8.6); with -step unit, which a nominal class refuses,
    // the checker stops the nominal-class tests after their basic predicts
    boolean nominalRefused = options.contains("-step unit");
    assertEquals(nominalRefused ? 43 : 56, results.size(), text);
    for (String line : results) {
      if (!nominalRefused && (line.contains("(nominal class, numeric")
          || line.contains("(nominal class, nominal predictors)"))) {
        assertTrue(line.endsWith("...yes"), "a nominal class on numeric or nominal predictors must "
          + "be handled: " + line + "\n" + text);
      }
    }
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
