package weka.classifiers.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import weka.core.Option;

/** The options table of the user guide lists exactly the classifier's own options. */
class PolynomialNetworkDocumentationTest {

  /** Options inherited from AbstractClassifier that the guide does not repeat. */
  private static final Set<String> INHERITED = new TreeSet<>(java.util.Arrays.asList(
      "output-debug-info", "do-not-check-capabilities", "-do-not-check-capabilities",
      "num-decimal-places", "batch-size"));

  @Test
  void userGuideOptionsMatchListOptions() throws Exception {
    String guide = new String(Files.readAllBytes(Paths.get("doc", "user-guide.md")),
        StandardCharsets.UTF_8);
    Set<String> documented = new TreeSet<>();
    Matcher m = Pattern.compile("(?m)^\\| `-([A-Za-z-]+)").matcher(guide);
    while (m.find()) {
      documented.add(m.group(1));
    }
    Set<String> listed = new TreeSet<>();
    for (Option o : Collections.list(new PolynomialNetwork().listOptions())) {
      if (!INHERITED.contains(o.name())) {
        listed.add(o.name());
      }
    }
    assertEquals(listed, documented, "doc/user-guide.md options table vs listOptions()");
  }
}
