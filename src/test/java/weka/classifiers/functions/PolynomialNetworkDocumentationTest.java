package weka.classifiers.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import polynomialnetwork.weka.OptionText;
import weka.core.Option;

/**
 * The option tables of the README and the user guide against the one description of the options
 * ({@link OptionText}, defaults from {@code SolverSettings.DEFAULTS}): the same options, each
 * with its synopsis, default and (in the guide) GUI property.
 */
class PolynomialNetworkDocumentationTest {

  /** Options inherited from AbstractClassifier that the documents do not repeat. */
  private static final Set<String> INHERITED = new TreeSet<>(java.util.Arrays.asList(
      "output-debug-info", "do-not-check-capabilities", "-do-not-check-capabilities",
      "num-decimal-places", "batch-size"));

  @Test
  void listOptionsIsTheOptionText() throws Exception {
    Set<String> listed = new TreeSet<>();
    for (Option o : Collections.list(new PolynomialNetwork().listOptions())) {
      if (!INHERITED.contains(o.name())) {
        listed.add(o.name());
      }
    }
    Set<String> described = new TreeSet<>();
    for (OptionText o : OptionText.values()) {
      described.add(o.flag);
    }
    assertEquals(described, listed, "listOptions() vs OptionText");
  }

  @Test
  void userGuideTableMatchesTheOptions() throws Exception {
    checkTable("doc/user-guide.md", true);
  }

  @Test
  void readmeTableMatchesTheOptions() throws Exception {
    checkTable("README.md", false);
  }

  /** Rows of the first Markdown table whose first cell is an option in backquotes. */
  private static Map<String, List<String>> optionRows(String file) throws Exception {
    String text = new String(Files.readAllBytes(Paths.get(file)), StandardCharsets.UTF_8);
    Map<String, List<String>> rows = new LinkedHashMap<>();
    Matcher m = Pattern.compile("(?m)^\\| `(-[^`]+)` \\|(.*)\\|\\s*$").matcher(text);
    while (m.find()) {
      String synopsis = m.group(1).replace("\\|", "|");
      List<String> cells = new ArrayList<>();
      for (String cell : m.group(2).split("(?<!\\\\)\\|")) {
        cells.add(cell.trim());
      }
      rows.put(synopsis, cells);
    }
    return rows;
  }

  private static void checkTable(String file, boolean withProperty) throws Exception {
    Map<String, List<String>> rows = optionRows(file);
    Set<String> expected = new TreeSet<>();
    for (OptionText o : OptionText.values()) {
      expected.add(o.synopsis());
    }
    assertEquals(expected, new TreeSet<>(rows.keySet()), file + ": options (synopsis)");
    for (OptionText o : OptionText.values()) {
      List<String> cells = rows.get(o.synopsis());
      int d = 0;
      if (withProperty) {
        assertEquals(o.property, cells.get(0), file + ": GUI property of " + o.synopsis());
        d = 1;
      }
      String documented = cells.get(d).replaceAll("\\s*\\(.*$", "");
      assertTrue(sameDefault(o.defaultText(), documented), file + ": default of "
          + o.synopsis() + " is " + o.defaultText() + ", the table says '" + cells.get(d) + "'");
    }
  }

  private static boolean sameDefault(String actual, String documented) {
    try {
      return Double.parseDouble(actual) == Double.parseDouble(documented);
    } catch (NumberFormatException e) {
      return actual.equalsIgnoreCase(documented);
    }
  }
}
