package polynomialnetwork.bench.peers;

import polynomialnetwork.engine.kernel.PassKernels;
import java.io.BufferedReader;
import java.io.File;
import java.io.FileReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import polynomialnetwork.bench.ClassificationSweep;
import polynomialnetwork.bench.PassCounter;
import polynomialnetwork.engine.PlantedClassification;
import java.util.concurrent.TimeUnit;

import weka.classifiers.Classifier;
import weka.classifiers.Evaluation;
import weka.classifiers.functions.LinearRegression;
import weka.classifiers.functions.MLPClassifier;
import weka.classifiers.functions.MLPRegressor;
import weka.classifiers.functions.PolynomialNetwork;
import weka.classifiers.functions.SMOreg;
import weka.classifiers.functions.activation.Quadratic;
import weka.classifiers.functions.supportVector.PolyKernel;
import weka.core.Instances;
import weka.core.Version;

/**
 * PolynomialNetwork end to end against Weka peers on the same planted data, fair by construction.
 *
 * <p>Every peer gets the same cores: PolynomialNetwork its default thread count (all cores),
 * MLPRegressor {@code -P} and {@code -E} equal to the number of cores. Every (size, scheme, JVM
 * mode, repeat) runs in a FRESH JVM started as Weka starts it: {@code java -Xmx.. -cp <class
 * path> ...} with the headless and netlib properties and nothing else (no {@code -XX} flags, no
 * {@code --add-modules}). In that JVM: the planted data are generated, one small warm-up fit of the
 * same scheme (p = 20, m = 1000, same r; SMOreg m = 300), then the timed FIRST fit at the size
 * (the time a user waits for a single fit in a freshly started Weka), then {@code --warm} more fits
 * on the same data (warm JIT, as in an Experimenter run). The same is repeated in JVMs started with
 * {@code --add-modules jdk.incubator.vector} (separate columns; SMOreg and LinearRegression do not
 * use the Vector API but are run the same way, SMOreg excepted). Test RRSE on a separate test set
 * (Weka Evaluation, relative to the training mean).
 *
 * <p>Schemes (ids for {@code --schemes}): {@code PN} PolynomialNetwork {@code -N r} (defaults
 * otherwise; extra options with -Dpeer.pnOptions=-a,b,..); {@code PN-1t} the same with
 * {@code -num-threads 1}; {@code MLP-r} / {@code MLP-2r} MLPRegressor (multiLayerPerceptrons
 * 1.0.10) with the quadratic activation {@link Quadratic}, r resp. 2r hidden units, seed 1,
 * default ridge and tolerance, {@code -P cores -E cores}; {@code LR} LinearRegression {@code -S 1
 * -R 1.0E-8}; {@code SMOreg} SMOreg with {@code PolyKernel -E 2 -L}, plain JVM only, one fit
 * (no warm fits), its JVM killed after {@code --cap} seconds, not run at a larger size once it
 * failed at a smaller one (unless {@code --smo-always}).
 *
 * <p>Usage (driver): {@code PeerBenchmark [--sizes 100x10000,200x20000] [--r 5] [--test 5000]
 * [--repeats 3] [--warm 2] [--xmx 4g] [--schemes PN,MLP-2r,LR] [--cap 600] [--smo-always]
 * [--no-vector] [--profile]}; a bare argument is taken as the scheme filter. {@code --profile}
 * adds, for PN, the solver runs, iterations and passes by kind of its first and last fit. The
 * driver starts the children with its own java and class path. Prints Markdown. Not a unit test.
 *
 * <p>{@code --classification}: the same on planted classification data instead
 * ({@link PlantedClassification}, two classes, y ~ Bernoulli(σ(s·f)), f of rank r with linear
 * part, s = {@link ClassificationSweep#SCALE}, Bayes accuracy about 89 % at p = 30, r = 3); the
 * warm-up fit is at p = 10, m = 1000; schemes {@code PN} (defaults, {@code -N r}) and
 * {@code MLPC}: MLPClassifier (multiLayerPerceptrons 1.0.10, sigmoid activation, seed 1)
 * with {@code -N 6 -P cores -E cores}; the table shows test accuracy % instead of RRSE %.
 * Defaults in this mode: {@code --sizes 30x20000 --r 3 --schemes PN,MLPC}.
 */
public final class PeerBenchmark {

  private static final long SEED = 20240505L;
  private static final String[] DEFAULT_SCHEMES = {"PN", "MLP-2r", "LR"};
  private static final String[] ALL_SCHEMES = {"PN", "PN-1t", "MLP-r", "MLP-2r", "LR", "SMOreg",
      "MLPC"};
  private static final String[] CLASSIFICATION_SCHEMES = {"PN", "MLPC"};
  /** Set by --classification in the driver and passed on to the children. */
  private static final String CLASSIFICATION = "peer.classification";

  private static boolean classification() {
    return Boolean.getBoolean(CLASSIFICATION);
  }

  private PeerBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int code = 0;
    try {
      if (args.length > 0 && args[0].equals("--child")) {
        child(args);
      } else {
        driver(args);
      }
    } catch (Throwable e) {
      e.printStackTrace();
      code = 1;
    }
    System.out.flush();
    System.exit(code);
  }

  // ------------------------------------------------------------------ schemes

  static String describe(String id) {
    switch (id) {
      case "PN":
        return "PolynomialNetwork -N r, defaults otherwise (threads: all cores)";
      case "PN-1t":
        return "PolynomialNetwork -N r -num-threads 1";
      case "MLP-r":
        return "MLPRegressor, quadratic activation, r units, seed 1, -P cores -E cores";
      case "MLP-2r":
        return "MLPRegressor, quadratic activation, 2r units, seed 1, -P cores -E cores";
      case "LR":
        return "LinearRegression -S 1 -R 1.0E-8";
      case "SMOreg":
        return "SMOreg -K \"PolyKernel -E 2 -L\"";
      case "MLPC":
        return "MLPClassifier -N 6 -P cores -E cores (sigmoid, seed 1, defaults otherwise)";
      default:
        throw new IllegalArgumentException("unknown scheme " + id);
    }
  }

  static Classifier make(String id, int r, int cores) throws Exception {
    switch (id) {
      case "PN":
      case "PN-1t": {
        PolynomialNetwork c = new PolynomialNetwork();
        c.setOptions(weka.core.Utils.splitOptions("-N " + r
            + (id.equals("PN-1t") ? " -num-threads 1 " : " ")
            + System.getProperty("peer.pnOptions", "").replace(',', ' ')));
        return c;
      }
      case "MLP-r":
      case "MLP-2r": {
        MLPRegressor c = new MLPRegressor();
        c.setNumFunctions(id.equals("MLP-r") ? r : 2 * r);
        c.setActivationFunction(new Quadratic());
        c.setSeed(1);
        c.setPoolSize(cores);
        c.setNumThreads(cores);
        return c;
      }
      case "LR": {
        LinearRegression c = new LinearRegression();
        c.setOptions(new String[] {"-S", "1", "-R", "1.0E-8"});
        return c;
      }
      case "MLPC": {
        MLPClassifier c = new MLPClassifier();
        c.setOptions(weka.core.Utils.splitOptions("-N 6 -P " + cores + " -E " + cores));
        return c;
      }
      case "SMOreg": {
        SMOreg c = new SMOreg();
        PolyKernel k = new PolyKernel();
        k.setExponent(2);
        k.setUseLowerOrder(true);
        c.setKernel(k);
        return c;
      }
      default:
        throw new IllegalArgumentException("unknown scheme " + id);
    }
  }

  // ------------------------------------------------------------------ child: one fresh JVM

  /** {@code --child scheme p m r test warm profile}: prints RESULT / PROFILE lines. */
  private static void child(String[] a) throws Exception {
    String id = a[1];
    int p = Integer.parseInt(a[2]);
    int m = Integer.parseInt(a[3]);
    int r = Integer.parseInt(a[4]);
    int test = Integer.parseInt(a[5]);
    int warm = Integer.parseInt(a[6]);
    boolean profile = Boolean.parseBoolean(a[7]);
    int cores = Runtime.getRuntime().availableProcessors();

    Instances smallTrain;
    Instances smallTest;
    Instances train;
    Instances testSet;
    if (classification()) {
      PlantedClassification small = PlantedClassification.of(10, Math.min(r, 10), 1000, 200, 2,
          ClassificationSweep.SCALE, true, false, SEED);
      smallTrain = ClassificationSweep.instances(small.train, 2, "warm-up");
      smallTest = ClassificationSweep.instances(small.test, 2, "warm-up-test");
      PlantedClassification data = PlantedClassification.of(p, r, m, test, 2,
          ClassificationSweep.SCALE, true, false, SEED + p);
      train = ClassificationSweep.instances(data.train, 2, "planted-class-p" + p + "-m" + m);
      testSet = ClassificationSweep.instances(data.test, 2, "planted-class-p" + p + "-test");
      System.err.printf(Locale.ROOT, "  [%s p=%d m=%d] Bayes test accuracy %.4f%n", id, p, m,
          data.bayesAccuracy());
    } else {
      PlantedNetwork small = new PlantedNetwork(20, r, SEED);
      smallTrain = small.instances("warm-up", id.equals("SMOreg") ? 300 : 1000, 0);
      smallTest = small.instances("warm-up-test", 200, 1);
      PlantedNetwork net = new PlantedNetwork(p, r, SEED + p);
      train = net.instances("planted-p" + p + "-m" + m + "-train", m, 0);
      testSet = net.instances("planted-p" + p + "-test", test, 1);
    }

    double warmUp = fit(id, r, cores, smallTrain, smallTest, null)[0];
    System.err.printf(Locale.ROOT, "  [%s p=%d m=%d] warm-up fit %.3f s%n", id, p, m, warmUp);

    Runs runs = new Runs();
    Map<String, long[]> before = PassCounter.installed().byKind();
    long passes0 = PassCounter.installed().passes();
    long rows0 = PassCounter.installed().rowsTouched();
    double[] first = fit(id, r, cores, train, testSet, runs);
    long passes = PassCounter.installed().passes() - passes0;
    double passEquivalents = (PassCounter.installed().rowsTouched() - rows0)
        / (double) train.numInstances();
    String firstRuns = runs.iterations.toString().replace(" ", "");
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "RESULT first=%.4f rrse=%.6e passes=%d passeq=%.1f"
        + " kernel=%s", first[0], first[1], passes, passEquivalents,
        PassKernels.best().name().replace(' ', '_')));
    if (profile) {
      printProfile("first", first[0], runs, before, PassCounter.installed().byKind());
    }
    double[] warmTimes = new double[warm];
    for (int k = 0; k < warm; k++) {
      runs = new Runs();
      before = PassCounter.installed().byKind();
      double[] w = fit(id, r, cores, train, testSet, runs);
      warmTimes[k] = w[0];
      if (profile && k == warm - 1) {
        printProfile("warm", w[0], runs, before, PassCounter.installed().byKind());
      }
    }
    out.append(" warm=");
    for (int k = 0; k < warm; k++) {
      out.append(k == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.4f", warmTimes[k]));
    }
    if (!firstRuns.equals("[]")) {
      out.append(" runs=").append(firstRuns);
    }
    System.out.println(out);
  }

  /** Solver runs of one PolynomialNetwork fit, from its iteration listener. */
  private static final class Runs {
    final List<Integer> iterations = new ArrayList<>();
    final List<Double> seconds = new ArrayList<>();

    void record(int t, double s) {
      if (t == 0 || iterations.isEmpty()) {
        iterations.add(0);
        seconds.add(0.0);
      }
      iterations.set(iterations.size() - 1, t);
      seconds.set(seconds.size() - 1, s);
    }
  }

  private static void printProfile(String which, double seconds, Runs runs,
      Map<String, long[]> before, Map<String, long[]> after) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "PROFILE %s %.3f s; solver runs (updates, s):", which,
        seconds));
    for (int k = 0; k < runs.iterations.size(); k++) {
      sb.append(String.format(Locale.ROOT, " (%d, %.3f)", runs.iterations.get(k),
          runs.seconds.get(k)));
    }
    sb.append("; passes by kind (count, s):");
    for (Map.Entry<String, long[]> e : after.entrySet()) {
      long[] b = before.getOrDefault(e.getKey(), new long[2]);
      long n = e.getValue()[0] - b[0];
      if (n > 0) {
        sb.append(String.format(Locale.ROOT, " %s (%d, %.3f)", e.getKey(), n,
            (e.getValue()[1] - b[1]) * 1e-9));
      }
    }
    System.out.println(sb);
  }

  /** One fit on a copy of train, timed, then evaluated: {seconds, RRSE %}. */
  private static double[] fit(String id, int r, int cores, Instances train, Instances test,
      final Runs runs) throws Exception {
    Classifier c = make(id, r, cores);
    if (runs != null && c instanceof PolynomialNetwork) {
      ((PolynomialNetwork) c).setIterationListener(rec -> runs.record(rec.iteration,
          rec.seconds));
    }
    Instances data = new Instances(train);
    System.gc();
    long t0 = System.nanoTime();
    c.buildClassifier(data);
    double s = (System.nanoTime() - t0) * 1e-9;
    Evaluation eval = new Evaluation(train);
    eval.evaluateModel(c, test);
    return new double[] {s, classification() ? eval.pctCorrect()
        : eval.rootRelativeSquaredError()};
  }

  // ------------------------------------------------------------------ driver

  /** The results of one scheme at one size in one JVM mode, over the repeats. */
  private static final class Cell {
    final List<Double> first = new ArrayList<>();
    final List<Double> warm = new ArrayList<>();
    double rrse = Double.NaN;
    String kernel = "";
    String runs = "";
    long passes = -1;
    /** Rows gone through by the first fit, divided by m. */
    double passEquivalents = Double.NaN;
    String failure;
    final List<String> profile = new ArrayList<>();
  }

  private static void driver(String[] args) throws Exception {
    List<int[]> sizes = new ArrayList<>();
    int r = 5;
    int test = 5000;
    int repeats = 3;
    int warm = 2;
    String xmx = "4g";
    long cap = 600;
    boolean smoAlways = false;
    boolean vector = true;
    boolean profile = false;
    String filter = null;
    for (int a = 0; a < args.length; a++) {
      switch (args[a]) {
        case "--sizes":
          for (String s : args[++a].split(",")) {
            String[] pm = s.toLowerCase(Locale.ROOT).split("x");
            sizes.add(new int[] {Integer.parseInt(pm[0]), Integer.parseInt(pm[1])});
          }
          break;
        case "--r":
          r = Integer.parseInt(args[++a]);
          break;
        case "--test":
          test = Integer.parseInt(args[++a]);
          break;
        case "--repeats":
          repeats = Math.max(1, Integer.parseInt(args[++a]));
          break;
        case "--warm":
          warm = Math.max(0, Integer.parseInt(args[++a]));
          break;
        case "--xmx":
          xmx = args[++a];
          break;
        case "--cap":
          cap = Long.parseLong(args[++a]);
          break;
        case "--smo-always":
          smoAlways = true;
          break;
        case "--no-vector":
          vector = false;
          break;
        case "--profile":
          profile = true;
          break;
        case "--classification":
          System.setProperty(CLASSIFICATION, "true");
          break;
        case "--schemes":
          filter = args[++a];
          break;
        default:
          if (args[a].startsWith("--")) {
            throw new IllegalArgumentException("unknown option " + args[a]);
          }
          filter = args[a];
      }
    }
    boolean cls = classification();
    if (cls && !Arrays.asList(args).contains("--r")) {
      r = 3;
    }
    if (sizes.isEmpty() && cls) {
      sizes.add(new int[] {30, 20_000});
    }
    if (sizes.isEmpty()) {
      sizes.add(new int[] {100, 10_000});
      sizes.add(new int[] {200, 20_000});
    }
    List<String> schemes = new ArrayList<>();
    for (String id : filter == null ? (cls ? CLASSIFICATION_SCHEMES : DEFAULT_SCHEMES)
        : filter.split(",")) {
      id = id.trim();
      describe(id); // validates
      if (!schemes.contains(id)) {
        schemes.add(id);
      }
    }
    String[] modes = vector ? new String[] {"plain", "vector"} : new String[] {"plain"};
    int cores = Runtime.getRuntime().availableProcessors();

    System.out.println("# PolynomialNetwork against Weka peers, same cores, first fit in a fresh "
        + "JVM");
    System.out.println();
    String command = System.getProperty("bench.command");
    if (command != null) {
      System.out.println("Command:");
      System.out.println();
      System.out.println("```");
      System.out.println(command);
      System.out.println("```");
      System.out.println();
    }
    printMachine(xmx);
    System.out.println("Children, one fresh JVM per (size, scheme, JVM, repeat):");
    System.out.println();
    System.out.println("```");
    System.out.println(shortCommand(childCommand("plain", xmx)) + " --child <scheme> <p> <m> "
        + r + " " + test + " " + warm + " " + profile);
    if (vector) {
      System.out.println(shortCommand(childCommand("vector", xmx))
          + " --child <scheme> ...   (\"Vector API\" columns)");
    }
    System.out.println("```");
    System.out.println();
    System.out.println("CP (" + System.getProperty("java.class.path").split(File.pathSeparator).length
        + " entries): " + String.join(File.pathSeparator, shortClassPath()));
    System.out.println();
    if (cls) {
      System.out.println("Planted classification data (PlantedClassification): two classes, "
          + "y ~ Bernoulli(σ(s·f)), f = Σ_j α_j((w_jᵀx)² − 1) + βᵀx + c, r = " + r
          + " orthonormal w_j, α = ±1, s = " + ClassificationSweep.SCALE + ", x ~ N(0, I); a "
          + "separate test set of " + test + " rows; seed " + SEED + " + p. In each JVM: data "
          + "generated, one warm-up fit of the same scheme at p = 10, m = 1000, then the timed "
          + "FIRST fit at the size, then " + warm + " warm fits on the same data. Wall seconds of "
          + "buildClassifier; " + repeats + " JVMs per cell, shown as median (min) over the JVMs "
          + "(warm: over all warm fits of all JVMs). The repeats are interleaved (repeat → JVM "
          + "kind → scheme). Test accuracy % (Weka Evaluation) from the plain first fit.");
    } else {
      System.out.println("Planted data: y = Σ_j α_j (w_jᵀx)², noiseless, r = " + r
          + " orthonormal w_j, α = (+1, −1, +1, …), x ~ N(0, I); a separate test set of " + test
          + " rows; seed " + SEED + " + p. In each JVM: data generated, one warm-up fit of the same "
          + "scheme at p = 20, m = 1000 (SMOreg 300), r = " + r + ", then the timed FIRST fit at the "
          + "size, then " + warm + " warm fits on the same data. Wall seconds of buildClassifier; "
          + repeats + " JVMs per cell, shown as median (min) over the JVMs (warm: over all warm fits "
          + "of all JVMs). The repeats are interleaved (repeat → JVM kind → scheme), so load from "
          + "other tenants spreads over all schemes. RRSE % on the test set (Weka Evaluation, "
          + "relative to the training mean), from the plain first fit.");
    }
    System.out.println();
    System.out.println("Schemes (cores = " + cores + "): ");
    for (String id : schemes) {
      System.out.println("- " + id + ": " + describe(id));
    }
    System.out.println();
    System.out.flush();

    String smoFailedAt = null;
    for (int[] pm : sizes) {
      int p = pm[0];
      int m = pm[1];
      Map<String, Cell> cells = new LinkedHashMap<>();
      List<Double> loads = new ArrayList<>();
      long sizeStart = System.nanoTime();
      for (int rep = 0; rep < repeats; rep++) {
        for (String mode : modes) {
          for (String id : schemes) {
            boolean smo = id.equals("SMOreg");
            if (smo && (!mode.equals("plain") || rep > 0)) {
              continue;
            }
            Cell cell = cells.computeIfAbsent(id + "/" + mode, k -> new Cell());
            if (smo && smoFailedAt != null && !smoAlways) {
              cell.failure = "not run: did not finish in " + cap + " s at " + smoFailedAt;
              continue;
            }
            loads.add(loadAverage());
            List<String> cmd = childCommand(mode, xmx);
            cmd.addAll(Arrays.asList("--child", id, Integer.toString(p), Integer.toString(m),
                Integer.toString(r), Integer.toString(test), Integer.toString(smo ? 0 : warm),
                Boolean.toString(profile && id.startsWith("PN"))));
            System.err.printf(Locale.ROOT, "[p=%d m=%d] %s, %s JVM, repeat %d (load %.2f)%n", p,
                m, id, mode, rep + 1, loads.get(loads.size() - 1));
            runChild(cmd, smo ? cap : 4 * 3600, cell);
            if (smo && cell.failure != null && smoFailedAt == null) {
              smoFailedAt = "p = " + p + ", m = " + m;
            }
          }
        }
      }
      printTable(p, m, r, test, schemes, modes, cells, loads,
          (System.nanoTime() - sizeStart) * 1e-9);
    }
  }

  /** A JVM as Weka's launcher starts one: heap, headless and netlib properties, class path. */
  private static List<String> childCommand(String mode, String xmx) {
    List<String> cmd = new ArrayList<>();
    cmd.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    cmd.add("-Xmx" + xmx);
    if (mode.equals("vector")) {
      cmd.add("--add-modules");
      cmd.add("jdk.incubator.vector");
    }
    if (classification()) {
      cmd.add("-D" + CLASSIFICATION + "=true");
    }
    cmd.add("-Djava.awt.headless=true");
    cmd.add("-Dweka.packageManager.offline=true");
    cmd.add("-Dcom.github.fommil.netlib.BLAS=com.github.fommil.netlib.F2jBLAS");
    cmd.add("-Dcom.github.fommil.netlib.LAPACK=com.github.fommil.netlib.F2jLAPACK");
    cmd.add("-Dcom.github.fommil.netlib.ARPACK=com.github.fommil.netlib.F2jARPACK");
    String pn = System.getProperty("peer.pnOptions");
    if (pn != null) {
      cmd.add("-Dpeer.pnOptions=" + pn);
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(PeerBenchmark.class.getName());
    return cmd;
  }

  private static String shortCommand(List<String> cmd) {
    List<String> c = new ArrayList<>(cmd);
    c.set(c.indexOf("-cp") + 1, "$CP");
    c.set(0, "java");
    return String.join(" ", c);
  }

  /** The class path with jars by file name only. */
  private static List<String> shortClassPath() {
    List<String> out = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      out.add(e.endsWith(".jar") ? new File(e).getName() : e);
    }
    return out;
  }

  private static void runChild(List<String> cmd, long capSeconds, Cell cell) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    Process proc = pb.start();
    final List<String> lines = new ArrayList<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(proc.getInputStream(),
          StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          synchronized (lines) {
            lines.add(line);
          }
        }
      } catch (Exception e) {
        // the child was killed
      }
    });
    reader.start();
    if (!proc.waitFor(capSeconds, TimeUnit.SECONDS)) {
      proc.destroyForcibly();
      proc.waitFor();
      reader.join(10_000);
      cell.failure = "did not finish in " + capSeconds + " s";
      System.err.println("  " + cell.failure);
      return;
    }
    reader.join(10_000);
    boolean got = false;
    synchronized (lines) {
      for (String line : lines) {
        if (line.startsWith("PROFILE ")) {
          cell.profile.add(line.substring(8));
          System.err.println("  " + line);
        } else if (line.startsWith("RESULT ")) {
          got = true;
          System.err.println("  " + line);
          for (String kv : line.substring(7).split(" ")) {
            int eq = kv.indexOf('=');
            String k = kv.substring(0, eq);
            String v = kv.substring(eq + 1);
            switch (k) {
              case "first":
                cell.first.add(Double.parseDouble(v));
                break;
              case "rrse":
                if (Double.isNaN(cell.rrse)) {
                  cell.rrse = Double.parseDouble(v);
                }
                break;
              case "warm":
                for (String w : v.split(",")) {
                  if (!w.isEmpty()) {
                    cell.warm.add(Double.parseDouble(w));
                  }
                }
                break;
              case "kernel":
                cell.kernel = v.replace('_', ' ');
                break;
              case "passes":
                cell.passes = Long.parseLong(v);
                break;
              case "passeq":
                cell.passEquivalents = Double.parseDouble(v);
                break;
              case "runs":
                cell.runs = v;
                break;
              default:
                break;
            }
          }
        }
      }
    }
    if (!got && cell.first.isEmpty()) {
      cell.failure = "failed (exit " + proc.exitValue() + ")";
    }
  }

  private static void printTable(int p, int m, int r, int test, List<String> schemes,
      String[] modes, Map<String, Cell> cells, List<Double> loads, double wall) {
    double loadMin = Double.POSITIVE_INFINITY;
    double loadMax = 0;
    for (double l : loads) {
      loadMin = Math.min(loadMin, l);
      loadMax = Math.max(loadMax, l);
    }
    System.out.printf(Locale.ROOT, "## p = %d, m = %d, r = %d (test: %d rows)%n%n", p, m, r,
        test);
    System.out.printf(Locale.ROOT, "1-minute load average when the JVMs started: %.2f … %.2f; "
        + "%.0f s for this size.%n%n", loadMin, loadMax, wall);
    boolean vector = modes.length > 1;
    System.out.println("| scheme | " + (classification() ? "test accuracy %" : "test RRSE %")
        + " | first fit s | warm s |"
        + (vector ? " Vector API first s | Vector API warm s |" : "") + " note |");
    System.out.println("|---|---:|---:|---:|" + (vector ? "---:|---:|" : "") + "---|");
    for (String id : schemes) {
      Cell plain = cells.get(id + "/plain");
      Cell vec = cells.get(id + "/vector");
      if (plain == null) {
        continue;
      }
      StringBuilder note = new StringBuilder();
      if (plain.failure != null) {
        note.append(plain.failure);
      }
      if (id.startsWith("PN") && !plain.runs.isEmpty()) {
        note.append("updates per solver run ").append(plain.runs).append(", ")
            .append(plain.passes).append(" passes (").append(String.format(Locale.ROOT, "%.1f",
                plain.passEquivalents)).append(" pass-equivalents: rows gone through / m); kernel ").append(plain.kernel);
        if (vec != null && !vec.kernel.isEmpty()) {
          note.append(" / ").append(vec.kernel);
        }
      }
      if (vec != null && !Double.isNaN(vec.rrse) && !Double.isNaN(plain.rrse)
          && Math.abs(vec.rrse - plain.rrse) > 1e-3 * Math.abs(plain.rrse)) {
        note.append(note.length() > 0 ? "; " : "")
            .append(classification() ? "Vector API accuracy " : "Vector API RRSE ")
            .append(fmtRrse(vec.rrse));
      }
      System.out.printf("| %s | %s | %s | %s |%s %s |%n", id, fmtRrse(plain.rrse),
          medMin(plain.first), medMin(plain.warm),
          vector ? " " + medMin(vec == null ? null : vec.first) + " | "
              + medMin(vec == null ? null : vec.warm) + " |" : "", note);
    }
    System.out.println();
    Cell pn = cells.get("PN/plain");
    Cell pnv = cells.get("PN/vector");
    for (String peer : new String[] {"MLP-2r", "MLP-r", "MLPC"}) {
      Cell mlp = cells.get(peer + "/plain");
      Cell mlpv = cells.get(peer + "/vector");
      if (pn == null || mlp == null) {
        continue;
      }
      System.out.printf(Locale.ROOT, "%s / PN, first fit, no JVM flags: %s (median / median; "
          + "min / min: %s)", peer, ratio(median(mlp.first), median(pn.first)),
          ratio(min(mlp.first), min(pn.first)));
      if (pnv != null && mlpv != null) {
        System.out.printf(Locale.ROOT, "; warm, Vector API: %s (min / min: %s); first fit, "
            + "Vector API: %s", ratio(median(mlpv.warm), median(pnv.warm)),
            ratio(min(mlpv.warm), min(pnv.warm)), ratio(median(mlpv.first), median(pnv.first)));
      }
      System.out.printf(Locale.ROOT, "; warm, no flags: %s.%n%n",
          ratio(median(mlp.warm), median(pn.warm)));
    }
    for (String key : cells.keySet()) {
      Cell c = cells.get(key);
      if (!c.profile.isEmpty()) {
        System.out.println("Profile of " + key + " (one line per fit profiled):");
        System.out.println();
        for (String line : c.profile) {
          System.out.println("- " + line);
        }
        System.out.println();
      }
    }
    System.out.flush();
  }

  private static String ratio(double a, double b) {
    return Double.isNaN(a) || Double.isNaN(b) ? "—" : String.format(Locale.ROOT, "%.1fx", a / b);
  }

  private static double median(List<Double> v) {
    if (v == null || v.isEmpty()) {
      return Double.NaN;
    }
    double[] s = new double[v.size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = v.get(i);
    }
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
  }

  private static double min(List<Double> v) {
    double m = Double.NaN;
    if (v != null) {
      for (double x : v) {
        m = Double.isNaN(m) ? x : Math.min(m, x);
      }
    }
    return m;
  }

  private static String medMin(List<Double> v) {
    if (v == null || v.isEmpty()) {
      return "—";
    }
    return v.size() == 1 ? fmtSeconds(v.get(0))
        : fmtSeconds(median(v)) + " (" + fmtSeconds(min(v)) + ")";
  }

  private static String fmtSeconds(double s) {
    return String.format(Locale.ROOT, s < 1 ? "%.3f" : "%.2f", s);
  }

  private static String fmtRrse(double v) {
    if (Double.isNaN(v)) {
      return "—";
    }
    return v >= 0.01 ? String.format(Locale.ROOT, "%.3f", v)
        : String.format(Locale.ROOT, "%.2e", v);
  }

  private static double loadAverage() {
    try (BufferedReader in = new BufferedReader(new FileReader("/proc/loadavg"))) {
      return Double.parseDouble(in.readLine().split(" ")[0]);
    } catch (Exception e) {
      return Double.NaN;
    }
  }

  private static void printMachine(String xmx) {
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vm.name")
        + " " + System.getProperty("java.vm.version") + ")");
    facts.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch"));
    facts.put("cpu", cpuModel());
    facts.put("cores (availableProcessors)",
        Integer.toString(Runtime.getRuntime().availableProcessors()));
    facts.put("heap of every child JVM", "-Xmx" + xmx);
    facts.put("Weka", Version.VERSION);
    String git = System.getProperty("bench.git");
    if (git != null) {
      facts.put("commit", git);
    }
    System.out.println("## Machine");
    System.out.println();
    System.out.println("| fact | value |");
    System.out.println("|---|---|");
    for (Map.Entry<String, String> e : facts.entrySet()) {
      System.out.println("| " + e.getKey() + " | " + e.getValue() + " |");
    }
    System.out.println();
  }

  private static String cpuModel() {
    File f = new File("/proc/cpuinfo");
    if (f.canRead()) {
      try (BufferedReader in = new BufferedReader(new FileReader(f))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          if (line.startsWith("model name")) {
            return line.substring(line.indexOf(':') + 1).trim();
          }
        }
      } catch (Exception e) {
        // fall through
      }
    }
    return System.getProperty("os.arch");
  }
}
