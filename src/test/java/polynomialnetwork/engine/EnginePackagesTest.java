package polynomialnetwork.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The engine's rooms depend one way, as their package-info says: read from the compiled classes
 * by jdeps (so Javadoc links do not count, only what the code uses).
 */
class EnginePackagesTest {

  private static final String E = "polynomialnetwork.engine";

  /** What each engine package may use, besides itself. */
  private static final Map<String, Set<String>> ALLOWED = new TreeMap<>();

  static {
    allow("linalg");
    allow("data");
    allow("kernel", "linalg", "data");
    allow("", "linalg", "data", "objective");
    allow("objective", "linalg", "data", "kernel");
    allow("optimizer", "linalg", "data", "objective", "");
    allow("kernel.vector", "kernel");
  }

  private static void allow(String pkg, String... uses) {
    Set<String> s = new HashSet<>();
    for (String u : uses) {
      s.add(name(u));
    }
    ALLOWED.put(name(pkg), s);
  }

  private static String name(String sub) {
    return sub.isEmpty() ? E : E + "." + sub;
  }

  /** jdeps on the compiled main classes, at the given level ("package" or "class"). */
  private static String jdeps(String level) throws Exception {
    Path classes = Paths.get("target", "classes");
    assertTrue(Files.isDirectory(classes.resolve("polynomialnetwork")), "compiled classes");
    Path jdeps = Paths.get(System.getProperty("java.home"), "bin", "jdeps");
    assertTrue(Files.isExecutable(jdeps), "the tests run on a JDK with jdeps: " + jdeps);
    Process run = new ProcessBuilder(jdeps.toString(), "-verbose:" + level, "-filter:none",
        "-e", "polynomialnetwork\\..*", classes.toString()).redirectErrorStream(true).start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = run.getInputStream()) {
      byte[] buf = new byte[8192];
      for (int n; (n = in.read(buf)) > 0;) {
        out.write(buf, 0, n);
      }
    }
    assertEquals(0, run.waitFor(), out.toString());
    return out.toString("UTF-8");
  }

  /**
   * The optimizer never runs a pass nor makes rows or a loss: it knows the data seam only by
   * its interrupt (the exception, and {@code EvenIfInterrupted} for the one pass a result needs
   * after it) and the objective only by its interface and the values it hands over.
   */
  @Test
  void optimizerReachesRowsOnlyThroughAnObjective() throws Exception {
    for (String line : jdeps("class").split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length < 3 || !f[1].equals("->") || !f[0].startsWith(name("optimizer."))) {
        continue;
      }
      String from = f[0].replaceAll("\\$.*", "");
      String to = f[2].replaceAll("\\$.*", "");
      boolean seam = to.startsWith(name("data.")) && !to.equals(name("data.SolverInterruptedException"))
          && !to.equals(name("data.EvenIfInterrupted"));
      boolean loss = to.startsWith(name("objective.")) && !to.startsWith(name("objective.Loss"))
          && !to.equals(name("objective.Objective")) && !to.equals(name("objective.RowSelection"))
          && !to.equals(name("objective.UpdateDirection")) && !to.equals(name("objective.StepModel"))
          && !to.equals(name("objective.CoreFit"));
      assertTrue(!(seam || loss), from + " uses " + to);
    }
  }

  @Test
  void packagesDependOneWay() throws Exception {
    String out = jdeps("package");
    Map<String, Set<String>> edges = new TreeMap<>();
    for (String line : out.split("\n")) {
      // "   polynomialnetwork.engine.objective  -> polynomialnetwork.engine.data  classes"
      String[] f = line.trim().split("\\s+");
      if (f.length >= 3 && f[1].equals("->") && f[0].startsWith(E) && !f[0].equals(f[2])) {
        edges.computeIfAbsent(f[0], k -> new TreeSet<>()).add(f[2]);
      }
    }
    assertTrue(edges.containsKey(name("optimizer")), "jdeps output:\n" + out);
    for (Map.Entry<String, Set<String>> e : edges.entrySet()) {
      Set<String> allowed = ALLOWED.get(e.getKey());
      assertTrue(allowed != null, "a package the test does not know: " + e.getKey());
      for (String used : e.getValue()) {
        assertTrue(!used.startsWith(E) || allowed.contains(used),
            e.getKey() + " uses " + used + "; it may use only " + allowed);
        assertTrue(used.startsWith(E) || used.startsWith("java") || used.startsWith("org.netlib")
            || used.startsWith("jdk.incubator"),
            "the engine is Weka-independent, but " + e.getKey() + " uses " + used);
      }
    }
    assertTrue(Arrays.asList(ALLOWED.keySet().toArray()).containsAll(edges.keySet()));
  }
}
