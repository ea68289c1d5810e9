package polynomialnetwork.weka;

import polynomialnetwork.engine.QuadraticNetwork;
import polynomialnetwork.engine.Standardization;
import polynomialnetwork.engine.kernel.PassKernels;
import polynomialnetwork.engine.optimizer.FitResult;
import polynomialnetwork.engine.optimizer.RankSelection;
import polynomialnetwork.engine.optimizer.SolverSettings;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;

/**
 * The text report of a trained network ({@code PolynomialNetwork.toString()}): how it was fitted,
 * α and W named by the user's attributes (largest |w| first, then a full table), the linear term
 * and bias, how inputs are transformed, and the same network on the original attribute scale.
 */
public final class NetworkReport {

  /** Units listed in the "largest |w| first" lines; the full table always has every weight. */
  static final int TOP_WEIGHTS = 8;

  /** What the report says about the fit besides the network (plain values, serializable). */
  public static final class FitSummary implements Serializable {
    private static final long serialVersionUID = 1L;
    public final String solver;
    public final String stepRule;
    public final int requestedRank;
    public final int iterations;
    public final int bestIteration;
    public final String stopReason;
    public final double relativeResidual;
    public final double trainingRmse;
    public final double seconds;
    public final int freshSamplingBatches;
    /**
     * Whether this fit ran on the portable kernel while the JVM could have run the Vector API
     * kernel; set for the first such fit in a JVM only, so the hint is given once.
     */
    public boolean fasterKernelHint;
    /**
     * Iterations of the final fit on samples of the training instances before the
     * {@link #iterations} on all of them, and the largest sample's fraction (0 without).
     */
    public int sampledIterations;
    public double largestSample;

    public FitSummary(String solver, String stepRule, int requestedRank, int iterations,
        int bestIteration, String stopReason, double relativeResidual, double trainingRmse,
        double seconds, int freshSamplingBatches) {
      this.solver = solver;
      this.stepRule = stepRule;
      this.requestedRank = requestedRank;
      this.iterations = iterations;
      this.bestIteration = bestIteration;
      this.stopReason = stopReason;
      this.relativeResidual = relativeResidual;
      this.trainingRmse = trainingRmse;
      this.seconds = seconds;
      this.freshSamplingBatches = freshSamplingBatches;
    }

    /**
     * The summary of an engine fit.
     *
     * @param fit the engine's result
     * @param solver the solver's name
     * @param stepRule the step rule's name
     * @param requestedRank the -N option (0 for the automatic choice)
     * @param trainingRmse the training RMSE in class units
     * @param freshSamplingBatches the number of fresh-sampling batches (0 without)
     */
    public static FitSummary of(FitResult fit, String solver, String stepRule, int requestedRank,
        double trainingRmse, int freshSamplingBatches) {
      FitSummary summary = new FitSummary(solver, stepRule, requestedRank, fit.iterations(),
          fit.bestIteration(), stopDescription(fit), fit.bestRelativeResidual(), trainingRmse,
          fit.seconds(), freshSamplingBatches);
      summary.sampledIterations = fit.sampledTrace().size();
      for (FitResult.IterationRecord r : fit.sampledTrace()) {
        summary.largestSample = Math.max(summary.largestSample, r.rowFraction);
      }
      summary.fasterKernelHint = PassKernels.fasterKernelAvailableButOff()
          && !KERNEL_HINT_GIVEN.getAndSet(true);
      return summary;
    }
  }

  /** Whether a model of this JVM already carries the hint on the faster kernel. */
  private static final java.util.concurrent.atomic.AtomicBoolean KERNEL_HINT_GIVEN =
      new java.util.concurrent.atomic.AtomicBoolean();

  /** The hint on the faster kernel, for the model output. */
  static final String FASTER_KERNEL_HINT = "Speed: this fit ran on the portable kernel. This "
      + "Java also has the faster Vector API kernel\n(README, Speed), which "
      + "Java enables only when started with --add-modules jdk.incubator.vector:\nadd that to "
      + "the java command that starts Weka, or set the environment variable\n"
      + "JDK_JAVA_OPTIONS=\"--add-modules jdk.incubator.vector\" before starting Weka (Java "
      + "then prints a harmless\nwarning about incubator modules). This hint is shown once "
      + "per Java session.";

  /**
   * "Iterations: t (best iterate: b), after k on seeded samples of at most x % of the
   * instances; stopped because: ...", the line both the regression's and the classifier's model
   * text print.
   */
  static String iterationsLine(FitSummary s, int digits) {
    return "Iterations: " + s.iterations + " (best iterate: " + s.bestIteration + ")"
        + (s.sampledIterations == 0 ? "" : ", after " + s.sampledIterations
            + " on seeded samples of at most " + number(100 * s.largestSample, digits)
            + " % of the instances (-no-sampled-start turns them off)")
        + "; stopped because: " + s.stopReason;
  }

  /**
   * @param fit the engine's result
   * @return why the fit stopped, and how validation chose the number of iterations
   */
  static String stopDescription(FitResult fit) {
    if (fit.linearFallback()) {
      return stopDescriptionOfNetwork(fit) + ". The network fitted the training data worse than "
          + "the best linear model, so that linear model is used instead (no hidden units)";
    }
    return stopDescriptionOfNetwork(fit);
  }

  private static String stopDescriptionOfNetwork(FitResult fit) {
    FitResult probe = fit.validationRun();
    if (probe == null) {
      return fit.stopReason().description();
    }
    if (probe == fit) {
      return fit.stopReason().description() + " (held-out instances fitted as well)";
    }
    String runs = fit.validationRuns() == 1 ? "the held-out instances"
        : "the held-out instances, averaged over " + fit.validationRuns() + " validation runs";
    if (fit.iterations() < fit.chosenIterations()) {
      // the refit stopped by a rule of its own before the limit the validation runs chose
      return fit.stopReason().description() + " before the limit of " + fit.chosenIterations()
          + " iterations, where the error on " + runs + " was lowest (the refit on all "
          + "instances stops at that limit or earlier)";
    }
    return fit.stopReason().description() + "; the number of iterations, "
        + fit.chosenIterations() + ", is where the error on " + runs + " was lowest, and the "
        + "model was then refitted on all instances";
  }

  /**
   * The paragraph on the automatic choice of the number of hidden units (-N 0).
   *
   * @param scores the best held-out RMSE of rank r at index r − 1, NaN for ranks not tried
   * @param chosen the number of hidden units of the model
   */
  public static String rankChoice(double[] scores, int chosen) {
    StringBuilder sb = new StringBuilder("\nNumber of hidden units chosen automatically (-N 0): "
        + chosen + ", the smallest rank within "
        + weka.core.Utils.doubleToString(100 * RankSelection.RANK_TOLERANCE, 2)
        + " % of the lowest held-out RMSE (standardized class):");
    for (int r = 0; r < scores.length; r++) {
      if (!Double.isNaN(scores[r])) {
        // infinite when no held-out instance carried weight, so no error could be measured
        sb.append("  r=").append(r + 1).append(": ").append(Double.isInfinite(scores[r])
            ? "not measurable" : weka.core.Utils.doubleToString(scores[r], 6));
      }
    }
    return sb.append("\n").toString();
  }

  /**
   * The sentence on clipping (-clip).
   *
   * @param bounds the clipping interval
   * @param margin the -clip option
   * @param decimals decimal places for the bounds
   */
  public static String clipping(double[] bounds, double margin, int decimals) {
    return "\nPredictions are clipped to [" + bound(bounds[0], decimals) + ", "
        + bound(bounds[1], decimals) + "], the training class range widened by "
        + (margin < 1e12 ? weka.core.Utils.doubleToString(100 * margin, 2) + " % of it"
            : String.format(Locale.ROOT, "%.6g times its width", margin))
        + " on each side (-clip).\n";
  }

  /** A clip bound as Weka prints numbers, in e-notation for very large or small magnitudes. */
  private static String bound(double v, int decimals) {
    double a = Math.abs(v);
    return a < 1e15 && (a >= 1e-4 || a == 0) ? weka.core.Utils.doubleToString(v, decimals)
        : String.format(Locale.ROOT, "%.6g", v);
  }

  /**
   * The message when training ran out of heap: what ran out and what helps.
   *
   * @param method the solver
   * @param rows the number of training rows
   * @param p the number of input columns
   */
  public static String outOfMemory(SolverSettings.Method method, long rows, int p) {
    return "PolynomialNetwork ran out of Java heap memory (-Xmx "
        + (Runtime.getRuntime().maxMemory() >> 20) + " MB) fitting " + rows
        + " instances x " + p + " input columns with " + method.displayName() + ". "
        + (method == SolverSettings.Method.AP_ROM_MBK ? ""
            : "AP-ROM-MBK (the default) needs no p x p matrix. ")
        + "Give Java more memory (-Xmx), or use fewer instances or columns.";
  }

  private final int digits;
  private final StringBuilder out = new StringBuilder();
  /** What the original-units formula computes: the class, or a class score. */
  private String formulaName;

  private NetworkReport(int significantDigits) {
    this.digits = Math.max(2, significantDigits);
  }

  /**
   * @param title the first line (the classifier's name)
   * @param network the network on standardized inputs, or null for a constant model
   * @param converter the fitted input transformation
   * @param summary how the fit went (null for a constant model)
   * @param constantNote why the model is constant, when network is null
   * @param significantDigits digits printed per number
   */
  public static String render(String title, QuadraticNetwork network, InstancesConverter converter,
      FitSummary summary, String constantNote, int significantDigits) {
    NetworkReport r = new NetworkReport(significantDigits);
    r.line(title);
    r.line(repeat('=', title.length()));
    r.line("");
    Standardization std = converter.standardization();
    if (network == null) {
      r.line("Constant model (" + constantNote + "): " + converter.className() + " = "
          + r.num(std.targetMean()));
      return r.out.toString();
    }
    r.header(network, converter, summary);
    r.standardizedNetwork(network, converter);
    QuadraticNetwork original = std.toOriginalUnits(network);
    double gap = std.originalUnitsError(network, original);
    if (gap <= ORIGINAL_UNITS_TOLERANCE) {
      r.originalNetwork(original, converter);
    } else {
      r.line("The same network on the original attribute scale is not shown: in that form it"
          + " would predict");
      r.line((Double.isInfinite(gap) ? "non-finite values"
          : "differently (by " + r.num(gap) + " class standard deviations)")
          + ", because a column's scale or mean is too extreme for double precision.");
      r.line("Use the standardized network above with steps 1-4.");
    }
    return r.out.toString();
  }

  /**
   * The sections of one class score's network, for the classifier's report
   * ({@link NominalClassModel}): on standardized inputs, then on the original attribute scale.
   */
  static String scoreSections(QuadraticNetwork network, InstancesConverter converter,
      int significantDigits) {
    NetworkReport r = new NetworkReport(significantDigits);
    r.formulaName = "f";
    r.standardizedNetwork(network, converter);
    Standardization std = converter.standardization();
    QuadraticNetwork original = std.toOriginalUnits(network);
    if (std.originalUnitsError(network, original) <= ORIGINAL_UNITS_TOLERANCE) {
      r.originalNetwork(original, converter);
    } else {
      r.line("The same network on the original attribute scale is not shown: a column's scale or"
          + " mean is too extreme for double precision. Use the standardized network above.");
    }
    return r.out.toString();
  }

  /** A number as the report prints it. */
  static String number(double v, int significantDigits) {
    return new NetworkReport(significantDigits).num(v);
  }

  /**
   * Largest disagreement, in standard deviations of the class, at which the original-units form
   * is still printed (see Standardization.originalUnitsError).
   */
  static final double ORIGINAL_UNITS_TOLERANCE = 1e-6;

  private void header(QuadraticNetwork net, InstancesConverter conv, FitSummary s) {
    Standardization std = conv.standardization();
    line("Model: " + conv.className() + " = " + num(std.targetMean()) + " + "
        + num(std.targetScale()) + " * f(z),  f(z) = sum_j alpha_j (w_j . z)^2"
        + (net.linearTerm() != null ? " + beta . z + c" : "")
        + ",  z = standardized inputs (see below)");
    line("Solver: " + s.solver + ", step rule: " + s.stepRule
        + (s.freshSamplingBatches > 1 ? ", fresh sampling over " + s.freshSamplingBatches
            + " disjoint batches" : ""));
    String rankNote = "";
    if (s.requestedRank == 0) {
      rankNote = " (chosen automatically, -N 0)";
    } else if (net.hiddenUnits() == 0) {
      rankNote = " (requested " + s.requestedRank + "; the linear model is used, see below)";
    } else if (net.hiddenUnits() < s.requestedRank && s.requestedRank > conv.columns()) {
      rankNote = " (requested " + s.requestedRank + ", capped at the number of input columns)";
    } else if (net.hiddenUnits() != s.requestedRank) {
      rankNote = " (requested " + s.requestedRank + ")";
    }
    line("Hidden units (rank r): " + net.hiddenUnits() + rankNote
        + "; input columns p: " + conv.columns() + "; training instances: "
        + conv.trainingRows() + " (total weight "
        + (Double.isInfinite(conv.trainingWeight()) ? "above 1.8e308, the largest double"
            : num(conv.trainingWeight())) + ")");
    line(iterationsLine(s, digits));
    line("Training RMSE: " + num(s.trainingRmse) + " (in units of " + conv.className()
        + "); relative residual ||d||/||y|| on the standardized class: "
        + num(s.relativeResidual));
    line(String.format(Locale.ROOT, "Fit time: %.3f s", s.seconds));
    if (s.fasterKernelHint) {
      line(FASTER_KERNEL_HINT);
    }
    line("");
    line("Input transformation (apply it to use the numbers outside Weka):");
    line("  1. missing values -> training mean (numeric) or mode (nominal)  [ReplaceMissingValues]");
    line("  2. nominal attribute a -> 0/1 indicator columns \"a=value\" (one column if a has two "
        + "values)  [NominalToBinary]");
    line("  3. z_k = (x_k - mean_k) / sd_k per column (weighted; a constant column keeps sd 1)");
    line("  4. " + conv.className() + " = " + num(std.targetMean()) + " + " + num(std.targetScale())
        + " * f(z)");
    line("");
  }

  private void standardizedNetwork(QuadraticNetwork net, InstancesConverter conv) {
    String[] names = conv.columnNames();
    line("Network on standardized inputs z: f(z) = sum_j alpha_j (w_j . z)^2"
        + (net.linearTerm() != null ? " + beta . z + c" : "") + ", ||w_j|| = 1");
    line("");
    line("Hidden units, largest |alpha| first; in each, the largest |w| first:");
    for (int j = 0; j < net.hiddenUnits(); j++) {
      double[] w = net.hiddenWeights(j);
      StringBuilder sb = new StringBuilder();
      sb.append(String.format(Locale.ROOT, "  unit %d: alpha = %s;", j + 1, num(net.alpha(j))));
      Integer[] order = byMagnitude(w);
      int shown = Math.min(TOP_WEIGHTS, w.length);
      for (int t = 0; t < shown; t++) {
        int k = order[t];
        sb.append(t == 0 ? " " : ", ").append(names[k]).append(' ').append(num(w[k]));
      }
      if (shown < w.length) {
        sb.append(", ... (").append(w.length - shown).append(" more in the table)");
      }
      line(sb.toString());
    }
    if (net.hiddenUnits() > 0 && Double.isFinite(net.lowerActivation(0))) {
      StringBuilder sb = new StringBuilder("Each unit's input w_j . z is clamped to its range on"
          + " the training data (-activation-margin):");
      for (int j = 0; j < net.hiddenUnits(); j++) {
        sb.append(String.format(Locale.ROOT, " unit %d [%s, %s]", j + 1,
            num(net.lowerActivation(j)), num(net.upperActivation(j))));
        sb.append(j + 1 < net.hiddenUnits() ? ";" : "");
      }
      line(sb.toString());
    }
    line("");
    Standardization std = conv.standardization();
    double[][] cols = new double[2 + net.hiddenUnits() + (net.linearTerm() != null ? 1 : 0)][];
    String[] heads = new String[cols.length];
    cols[0] = std.means();
    heads[0] = "mean";
    cols[1] = std.scales();
    heads[1] = "sd";
    for (int j = 0; j < net.hiddenUnits(); j++) {
      cols[2 + j] = net.hiddenWeights(j);
      heads[2 + j] = "w_" + (j + 1);
    }
    if (net.linearTerm() != null) {
      cols[cols.length - 1] = net.linearTerm();
      heads[cols.length - 1] = "beta";
    }
    table(names, heads, cols);
    if (net.linearTerm() != null) {
      line("Bias c = " + num(net.bias()));
    } else if (net.bias() != 0) {
      line("No linear term fitted (-no-linear); bias c = " + num(net.bias()));
    } else {
      line("No linear term or bias fitted (-no-linear).");
    }
    line("");
  }

  private void originalNetwork(QuadraticNetwork orig, InstancesConverter conv) {
    String[] names = conv.columnNames();
    line("The same network on the original attribute scale (x = columns after steps 1-2):");
    line("  " + (formulaName != null ? formulaName : conv.className())
        + " = sum_j a_j (v_j . x)^2 + b . x + c0, ||v_j|| = 1");
    StringBuilder sb = new StringBuilder("  ");
    for (int j = 0; j < orig.hiddenUnits(); j++) {
      sb.append(j == 0 ? "" : ", ").append("a_").append(j + 1).append(" = ")
          .append(num(orig.alpha(j)));
    }
    line(sb.toString());
    line("");
    double[][] cols = new double[orig.hiddenUnits() + 1][];
    String[] heads = new String[cols.length];
    for (int j = 0; j < orig.hiddenUnits(); j++) {
      cols[j] = orig.hiddenWeights(j);
      heads[j] = "v_" + (j + 1);
    }
    cols[cols.length - 1] = orig.linearTerm();
    heads[cols.length - 1] = "b";
    table(names, heads, cols);
    line("c0 = " + num(orig.bias()));
  }

  private void table(String[] rowNames, String[] heads, double[][] cols) {
    int nameWidth = "column".length();
    for (String n : rowNames) {
      nameWidth = Math.max(nameWidth, n.length());
    }
    String[][] cells = new String[rowNames.length][cols.length];
    int width = 4;
    for (int c = 0; c < cols.length; c++) {
      width = Math.max(width, heads[c].length());
      for (int i = 0; i < rowNames.length; i++) {
        cells[i][c] = num(cols[c][i]);
        width = Math.max(width, cells[i][c].length());
      }
    }
    StringBuilder sb = new StringBuilder("  ").append(pad("column", nameWidth, false));
    for (String h : heads) {
      sb.append("  ").append(pad(h, width, true));
    }
    line(sb.toString());
    for (int i = 0; i < rowNames.length; i++) {
      sb = new StringBuilder("  ").append(pad(rowNames[i], nameWidth, false));
      for (int c = 0; c < cols.length; c++) {
        sb.append("  ").append(pad(cells[i][c], width, true));
      }
      line(sb.toString());
    }
  }

  private static Integer[] byMagnitude(final double[] w) {
    Integer[] order = new Integer[w.length];
    for (int k = 0; k < w.length; k++) {
      order[k] = k;
    }
    Arrays.sort(order, new Comparator<Integer>() {
      @Override
      public int compare(Integer a, Integer b) {
        return Double.compare(Math.abs(w[b]), Math.abs(w[a]));
      }
    });
    return order;
  }

  private String num(double v) {
    if (v == 0) {
      return "0";
    }
    String s = String.format(Locale.ROOT, "%." + digits + "g", v);
    // drop trailing zeros of the mantissa: 0.500000 -> 0.5, 1.20000e-05 -> 1.2e-05
    int e = s.indexOf('e');
    String mant = e < 0 ? s : s.substring(0, e);
    String exp = e < 0 ? "" : s.substring(e);
    if (mant.indexOf('.') >= 0) {
      mant = mant.replaceAll("0+$", "");
      if (mant.endsWith(".")) {
        mant = mant.substring(0, mant.length() - 1);
      }
    }
    return mant + exp;
  }

  private static String pad(String s, int width, boolean right) {
    StringBuilder sb = new StringBuilder();
    if (!right) {
      sb.append(s);
    }
    for (int i = s.length(); i < width; i++) {
      sb.append(' ');
    }
    if (right) {
      sb.append(s);
    }
    return sb.toString();
  }

  private static String repeat(char c, int n) {
    char[] a = new char[n];
    Arrays.fill(a, c);
    return new String(a);
  }

  private void line(String s) {
    out.append(s).append('\n');
  }
}
