package polynomialnetwork.bench.peers;

import java.io.BufferedReader;
import java.io.File;
import java.io.FileReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import polynomialnetwork.engine.PassKernel;
import weka.classifiers.Classifier;
import weka.classifiers.Evaluation;
import weka.classifiers.functions.LinearRegression;
import weka.classifiers.functions.MLPRegressor;
import weka.classifiers.functions.PolynomialNetwork;
import weka.classifiers.functions.SMOreg;
import weka.classifiers.functions.activation.Quadratic;
import weka.classifiers.functions.supportVector.PolyKernel;
import weka.core.Instances;
import weka.core.Option;
import weka.core.OptionHandler;
import weka.core.Version;

/**
 * Issue 5, part 3: PolynomialNetwork end to end against Weka peers on the same planted data, in
 * one JVM. For each size (default p = 100, m = 10 000 and p = 200, m = 20 000; r = 5; a separate
 * test set of 2 000 rows; all seeded, see {@link PlantedNetwork}) every scheme is trained once and
 * timed (wall seconds of {@code buildClassifier}, after one warm-up fit of each scheme on tiny
 * data: p = 20, r = 2, m = 1000, SMOreg m = 300), then evaluated on the test set with {@link
 * Evaluation} (RRSE against the training mean).
 *
 * <p>Schemes (ids for the filter): {@code PN} PolynomialNetwork {@code -N 5}; {@code PN-1t} the
 * same with {@code -num-threads 1} when that option exists; {@code MLP-r} and {@code MLP-2r}
 * MLPRegressor (multiLayerPerceptrons 1.0.10) with the quadratic activation {@link Quadratic},
 * r resp. 2r hidden units, default ridge, seed 1; {@code LR} LinearRegression {@code -S 1
 * -R 1.0E-8} (no attribute selection, weka-packaging.md §10); {@code SMOreg} SMOreg with {@code
 * PolyKernel -E 2 -L}, capped at {@code --cap} seconds (default 600) in a daemon thread that is
 * abandoned (interrupted, then stopped) when it runs over. SMOreg is not run at a larger size once
 * it failed to finish at a smaller one (unless {@code --smo-always}).
 *
 * <p>Usage: {@code PeerBenchmark [--sizes 100x10000,200x20000] [--r 5] [--test 2000] [--cap 600]
 * [--smo-always] [--schemes PN,MLP-2r,...]}; a bare argument is taken as the scheme filter.
 * Prints Markdown. Not a unit test: nothing here asserts a time.
 */
public final class PeerBenchmark {

  private static final long SEED = 20240505L;

  private PeerBenchmark() {
  }

  /** A scheme of the benchmark. */
  private abstract static class Scheme {
    final String id;
    final String description;
    final long capSeconds;

    Scheme(String id, String description, long capSeconds) {
      this.id = id;
      this.description = description;
      this.capSeconds = capSeconds;
    }

    abstract Classifier make(int r) throws Exception;
  }

  /** The outcome of one fit. */
  private static final class Result {
    String scheme;
    String description;
    double seconds = Double.NaN;
    double rrse = Double.NaN;
    String note = "";
    boolean finished;
    /** Seconds of the scheme's first fit at this shape (on other data), or NaN if none. */
    double firstSeconds = Double.NaN;
  }

  public static void main(String[] args) throws Exception {
    int code = 0;
    try {
      run(args);
    } catch (Throwable e) {
      e.printStackTrace();
      code = 1;
    }
    System.out.flush();
    System.exit(code); // abandoned SMOreg threads must not keep the JVM alive
  }

  private static void run(String[] args) throws Exception {
    List<int[]> sizes = new ArrayList<>();
    int r = 5;
    int test = 2000;
    long cap = 600;
    boolean smoAlways = false;
    boolean shapeWarmUp = true;
    int repeats = 3;
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
        case "--cap":
          cap = Long.parseLong(args[++a]);
          break;
        case "--smo-always":
          smoAlways = true;
          break;
        case "--no-shape-warm-up":
          shapeWarmUp = false;
          break;
        case "--repeats":
          repeats = Math.max(1, Integer.parseInt(args[++a]));
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
    if (sizes.isEmpty()) {
      sizes.add(new int[] {100, 10_000});
      sizes.add(new int[] {200, 20_000});
    }

    boolean hasThreadsOption = hasOption(new PolynomialNetwork(), "num-threads");
    List<Scheme> all = schemes(cap, hasThreadsOption);
    List<Scheme> selected = new ArrayList<>();
    for (Scheme s : all) {
      if (selects(filter, s.id)) {
        selected.add(s);
      }
    }

    System.out.println("# PolynomialNetwork against Weka peers (issue 5, part 3)");
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
    printMachine();
    System.out.println("Planted data: y = Σ_j α_j (w_jᵀx)², noiseless, r = " + r
        + " orthonormal w_j, α = (+1, −1, +1, −1, +1, …), x ~ N(0, I); a separate test set of "
        + test + " rows; seed " + SEED + ". Wall seconds of buildClassifier, after one "
        + "warm-up fit of each scheme on p = 20, r = 2, m = 1000 (SMOreg: m = 300)"
        + (shapeWarmUp ? " and, except SMOreg, a first fit at each size on another planted "
            + "network of the same shape (seed + 1): \"first fit s\", the time a user waits for a "
            + "single fit in a fresh Explorer" : "")
        + ". \"train s\" is " + (repeats > 1 ? "the median of " + repeats + " fits" : "one fit")
        + " on the benchmark data after that (warm JIT, as in an Experimenter run; SMOreg: one "
        + "fit); other tenants of a shared host make single timings swing by ±30 %"
        + ". RRSE on the test set (Weka Evaluation, relative to the training mean).");
    System.out.println();
    System.out.println("Schemes: " + describe(selected));
    if (!hasThreadsOption && selects(filter, "PN-1t")) {
      System.out.println();
      System.out.println("(PolynomialNetwork has no -num-threads option in this build: PN-1t "
          + "skipped.)");
    }
    System.out.println();
    System.out.flush();

    warmUp(selected);

    boolean smoFailed = false;
    String smoFailedAt = null;
    for (int[] pm : sizes) {
      int p = pm[0];
      int m = pm[1];
      PlantedNetwork net = new PlantedNetwork(p, r, SEED + p);
      Instances train = net.instances("planted-p" + p + "-m" + m + "-train", m, 0);
      Instances testSet = net.instances("planted-p" + p + "-test", test, 1);
      Instances shapeTrain = null;
      if (shapeWarmUp) {
        shapeTrain = new PlantedNetwork(p, r, SEED + p + 1).instances(
            "planted-p" + p + "-m" + m + "-first-fit", m, 0);
      }
      List<Result> results = new ArrayList<>();
      for (Scheme s : selected) {
        if (s.id.equals("SMOreg") && smoFailed && !smoAlways) {
          Result res = new Result();
          res.scheme = s.id;
          res.description = s.description;
          res.note = "not run: did not finish in " + cap + " s at " + smoFailedAt;
          results.add(res);
          continue;
        }
        double first = Double.NaN;
        if (shapeTrain != null && !s.id.equals("SMOreg")) {
          Result warm = fit(s, r, shapeTrain, testSet);
          first = warm.seconds;
          System.err.printf(Locale.ROOT, "[p=%d m=%d first fit] %s: %.2f s%n", p, m, s.id,
              first);
        }
        Result res = fit(s, r, train, testSet);
        if (repeats > 1 && res.finished && !s.id.equals("SMOreg")) {
          double[] times = new double[repeats];
          times[0] = res.seconds;
          for (int k = 1; k < repeats; k++) {
            times[k] = fit(s, r, train, testSet).seconds;
          }
          java.util.Arrays.sort(times);
          res.seconds = times[repeats / 2];
          System.err.printf(Locale.ROOT, "[p=%d m=%d] %s: fits %s s%n", p, m, s.id,
              java.util.Arrays.toString(times));
        }
        res.firstSeconds = first;
        if (s.id.equals("SMOreg") && !res.finished && !smoFailed) {
          smoFailed = true;
          smoFailedAt = "p = " + p + ", m = " + m;
        }
        results.add(res);
        System.err.printf(Locale.ROOT, "[p=%d m=%d] %s: %.2f s, RRSE %.4f %% %s%n", p, m, s.id,
            res.seconds, res.rrse, res.note);
      }
      printTable(p, m, r, test, results);
    }
  }

  private static List<Scheme> schemes(long cap, boolean hasThreadsOption) {
    List<Scheme> list = new ArrayList<>();
    list.add(new Scheme("PN", "PolynomialNetwork -N r (defaults otherwise)", Long.MAX_VALUE) {
      @Override
      Classifier make(int r) throws Exception {
        PolynomialNetwork c = new PolynomialNetwork();
        c.setOptions(weka.core.Utils.splitOptions("-N " + r + " "
            + System.getProperty("peer.pnOptions", "").replace(',', ' ')));
        return c;
      }
    });
    if (hasThreadsOption) {
      list.add(new Scheme("PN-1t", "PolynomialNetwork -N r -num-threads 1", Long.MAX_VALUE) {
        @Override
        Classifier make(int r) throws Exception {
          PolynomialNetwork c = new PolynomialNetwork();
          c.setOptions(weka.core.Utils.splitOptions("-N " + r + " -num-threads 1 "
              + System.getProperty("peer.pnOptions", "").replace(',', ' ')));
          return c;
        }
      });
    }
    list.add(new Scheme("MLP-r", "MLPRegressor, quadratic activation, r units, seed 1",
        Long.MAX_VALUE) {
      @Override
      Classifier make(int r) {
        return mlp(r);
      }
    });
    list.add(new Scheme("MLP-2r", "MLPRegressor, quadratic activation, 2r units, seed 1",
        Long.MAX_VALUE) {
      @Override
      Classifier make(int r) {
        return mlp(2 * r);
      }
    });
    list.add(new Scheme("LR", "LinearRegression -S 1 -R 1.0E-8", Long.MAX_VALUE) {
      @Override
      Classifier make(int r) throws Exception {
        LinearRegression c = new LinearRegression();
        c.setOptions(new String[] {"-S", "1", "-R", "1.0E-8"});
        return c;
      }
    });
    list.add(new Scheme("SMOreg", "SMOreg -K \"PolyKernel -E 2 -L\" (cap " + cap + " s)", cap) {
      @Override
      Classifier make(int r) {
        SMOreg c = new SMOreg();
        PolyKernel k = new PolyKernel();
        k.setExponent(2);
        k.setUseLowerOrder(true);
        c.setKernel(k);
        return c;
      }
    });
    return list;
  }

  private static MLPRegressor mlp(int units) {
    MLPRegressor c = new MLPRegressor();
    c.setNumFunctions(units);
    c.setActivationFunction(new Quadratic());
    c.setSeed(1);
    return c;
  }

  private static boolean selects(String filter, String id) {
    if (filter == null || filter.trim().isEmpty()) {
      return true;
    }
    for (String f : filter.split(",")) {
      if (f.trim().equalsIgnoreCase(id)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasOption(OptionHandler h, String name) {
    for (Option o : Collections.list(h.listOptions())) {
      if (name.equals(o.name())) {
        return true;
      }
    }
    return false;
  }

  private static void warmUp(List<Scheme> selected) throws Exception {
    PlantedNetwork net = new PlantedNetwork(20, 2, SEED);
    Instances train = net.instances("warm-up", 1000, 0);
    Instances small = new Instances(train, 0, 300); // SMOreg is quadratic in m
    Instances test = net.instances("warm-up-test", 200, 1);
    for (Scheme s : selected) {
      Result res = fit(s, 2, s.id.equals("SMOreg") ? small : train, test);
      System.err.printf(Locale.ROOT, "[warm-up] %s: %.3f s, RRSE %.4f %% %s%n", s.id, res.seconds,
          res.rrse, res.note);
    }
  }

  /** Trains in a fresh daemon thread (so that a capped run can be abandoned), then evaluates. */
  @SuppressWarnings("deprecation")
  private static Result fit(Scheme s, int r, Instances train, Instances test) throws Exception {
    Result res = new Result();
    res.scheme = s.id;
    res.description = s.description;
    final Classifier c = s.make(r);
    final Instances data = new Instances(train);
    System.gc();
    FutureTask<Double> task = new FutureTask<>(new Callable<Double>() {
      @Override
      public Double call() throws Exception {
        long t0 = System.nanoTime();
        c.buildClassifier(data);
        return (System.nanoTime() - t0) * 1e-9;
      }
    });
    Thread worker = new Thread(task, "fit-" + s.id);
    worker.setDaemon(true);
    worker.start();
    try {
      res.seconds = s.capSeconds == Long.MAX_VALUE ? task.get()
          : task.get(s.capSeconds, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      task.cancel(true);
      worker.join(10_000);
      if (worker.isAlive()) {
        worker.stop(); // SMOreg does not look at interrupts; free the core for the next fits
        worker.join(10_000);
      }
      res.note = "did not finish in " + s.capSeconds + " s";
      return res;
    } catch (ExecutionException e) {
      res.note = "failed: " + e.getCause();
      return res;
    }
    res.finished = true;
    Evaluation eval = new Evaluation(train);
    eval.evaluateModel(c, test);
    res.rrse = eval.rootRelativeSquaredError();
    if (c instanceof PolynomialNetwork) {
      for (String line : c.toString().split("\n")) {
        if (line.trim().startsWith("Iterations:")) {
          res.note = line.trim();
        }
      }
    }
    return res;
  }

  private static void printTable(int p, int m, int r, int test, List<Result> results) {
    double base = Double.NaN;
    double firstBase = Double.NaN;
    for (Result res : results) {
      if (res.scheme.equals("PN") && res.finished) {
        base = res.seconds;
        firstBase = res.firstSeconds;
      }
    }
    System.out.printf(Locale.ROOT, "## p = %d, m = %d, r = %d (test: %d rows)%n%n", p, m, r,
        test);
    System.out.println("| scheme | configuration | train s | test RRSE % | time / PolynomialNetwork"
        + " time | first fit s | first fit / PolynomialNetwork first fit | note |");
    System.out.println("|---|---|---:|---:|---:|---:|---:|---|");
    for (Result res : results) {
      String secs = res.finished ? String.format(Locale.ROOT, "%.2f", res.seconds)
          : res.note.startsWith("did not") ? "> " + res.note.replaceAll("\\D+", "") : "—";
      String rrse = res.finished ? fmtRrse(res.rrse) : "—";
      String ratio = res.finished && !Double.isNaN(base)
          ? String.format(Locale.ROOT, "%.1f", res.seconds / base) : "—";
      String first = Double.isNaN(res.firstSeconds) ? "—"
          : String.format(Locale.ROOT, "%.2f", res.firstSeconds);
      String firstRatio = Double.isNaN(res.firstSeconds) || Double.isNaN(firstBase) ? "—"
          : String.format(Locale.ROOT, "%.1f", res.firstSeconds / firstBase);
      System.out.printf("| %s | %s | %s | %s | %s | %s | %s | %s |%n", res.scheme,
          res.description, secs, rrse, ratio, first, firstRatio, res.note);
    }
    System.out.println();
    System.out.flush();
  }

  private static String fmtRrse(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    return v >= 0.01 ? String.format(Locale.ROOT, "%.3f", v) : String.format(Locale.ROOT, "%.2e", v);
  }

  private static String describe(List<Scheme> selected) {
    StringBuilder sb = new StringBuilder();
    for (Scheme s : selected) {
      sb.append(sb.length() == 0 ? "" : "; ").append(s.id).append(" = ").append(s.description);
    }
    return sb.toString();
  }

  private static void printMachine() {
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vm.name")
        + " " + System.getProperty("java.vm.version") + ")");
    facts.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch"));
    facts.put("cpu", cpuModel());
    facts.put("cores (availableProcessors)",
        Integer.toString(Runtime.getRuntime().availableProcessors()));
    facts.put("max heap", String.format(Locale.ROOT, "%.1f GiB",
        Runtime.getRuntime().maxMemory() / (double) (1L << 30)));
    facts.put("PassKernel.best()", PassKernel.best().name());
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
