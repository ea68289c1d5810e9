package polynomialnetwork.weka;

import polynomialnetwork.engine.PredictionSettings;
import polynomialnetwork.engine.optimizer.RankSelection;
import polynomialnetwork.engine.optimizer.SolverSettings;
import java.util.Locale;
import java.util.function.Function;
import weka.core.Option;

/**
 * Each option of the classifier, described once: its flag, its argument, the GUI property it
 * sets, the text shown by {@code -h}/{@code listOptions()} and as the GUI tip, and its default,
 * read from {@link SolverSettings#DEFAULTS} or {@link PredictionSettings#DEFAULTS} (where
 * defaults and validity are defined). The
 * README's and the user guide's option tables are checked against this list by a test.
 */
public enum OptionText {

  NUM_HIDDEN_UNITS("N", "<int>", "numHiddenUnits", "Number of hidden units r (the rank of "
      + "L = sum_j alpha_j w_j w_j^T), capped at the number of input columns; 0 chooses r "
      + "automatically (1 to " + SolverSettings.MAX_AUTOMATIC_RANK + ") by the error on held-out "
      + "instances: the smallest r within " + percent(RankSelection.RANK_TOLERANCE)
      + " of the best.", s -> Integer.toString(s.rank())),
  SOLVER("solver", "<EP-ROM|AP-ROM-BK|AP-ROM-MBK>", "solver", "EP-ROM: exact projection onto the "
      + "r leading eigenpairs of the p x p gradient step (O(m p^2 + p^3) per iteration); "
      + "AP-ROM-BK: rank-r head of the explicit gradient by block Krylov SVD; AP-ROM-MBK: the "
      + "same head matrix-free, never forming the gradient (for large p).",
      s -> s.method().displayName()),
  STEP("step", "<unit|search>", "stepRule", "unit: the papers' step size 1 (fast, but can "
      + "diverge on few or non-Gaussian samples; numeric class only); search: exact minimisation "
      + "of the training residual (log-loss for a nominal class) over the new step and the "
      + "previous one (a conjugate-gradient-like step; never diverges).", s -> s.stepRule().name().toLowerCase(Locale.ROOT)),
  MAX_ITERATIONS("I", "<int>", "maxIterations", "Maximum number of iterations (at least 1); "
      + "the best iterate seen is returned.", s -> Integer.toString(s.maxIterations())),
  TOLERANCE("tol", "<double>", "tolerance", "Stop when the relative training residual "
      + "||d||/||y|| of the standardized class (for a nominal class: the training log-loss "
      + "relative to the uniform guess's) falls to this value (a finite number >= 0).",
      s -> Double.toString(s.tolerance())),
  BLOCK_SIZE("block-size", "<int>", "blockSize", "Block size k of the Krylov head of AP-ROM "
      + "(0 = automatic, k = r; values below r are raised to r). Ignored by EP-ROM.",
      s -> Integer.toString(s.blockSize())),
  KRYLOV_ITERATIONS("krylov-iters", "<int>", "krylovIterations", "Number of Krylov iterations "
      + "q of the head of AP-ROM (0 = automatic, max(2, ceil(ln p))). Ignored by EP-ROM.",
      s -> Integer.toString(s.krylovDepth())),
  HEAD_STEPS("head-steps", "<int>", "headSteps", "Number of iterations at the start of a fit "
      + "that move the network along the Krylov head of the gradient (AP-ROM's step); later "
      + "iterations move it along the gradient's projection onto the tangent space at the "
      + "current network, which needs one product with the gradient instead of q + 1 and fewer "
      + "iterations, with a head step again when progress is slow. 0 = a head step every "
      + "iteration (AP-ROM as published). Ignored by EP-ROM.",
      s -> Integer.toString(s.headSteps())),
  FRESH_SAMPLING("fresh-sampling", "", "freshSampling", "Fresh sampling as in the papers' "
      + "analysis: the training instances are split into disjoint batches, "
      + "max(2, min(maxIterations, m / (10 p r))) of them, and each iteration uses the next "
      + "batch.", s -> s.freshSamplingBatches() > 1 ? "on" : "off"),
  NO_SAMPLED_START("no-sampled-start", "", "noSampledStart", "If set, every iteration reads "
      + "all training instances. By default, on data with at least max(20 p r, 8000) "
      + "instances, the first iterations of each fit run on a seeded sample of max(5 p r, 2000) "
      + "of them (at least 1/64, at most 1/4), which doubles whenever an iteration stops paying "
      + "on it, and the fit then goes on "
      + "from there on all instances with every safeguard. On noiseless planted data that "
      + "reads the data a third (m = 10^4) to three quarters (m = 10^5) less; with noise the "
      + "saving is smaller, and the model as accurate. Without effect with -fresh-sampling.",
      s -> s.sampledStart() ? "off" : "on"),
  NO_LINEAR("no-linear", "", "noLinear", "If set, fit only the quadratic part: no linear term "
      + "beta and no bias c (the class mean is still added back). For a nominal class with two "
      + "values the score f has neither; with three or more each class score keeps its bias "
      + "(the class priors) but no linear term.",
      s -> s.fitLinear() ? "off" : "on"),
  VALIDATION("validation", "<fraction>", "validationFraction", "Fraction of the training "
      + "instances held out (seeded) to choose the number of iterations: the fit stops where "
      + "the error on them (the log-loss for a nominal class) is lowest, then the model is refitted on all instances for that many "
      + "iterations. Guards against overfitting small or noisy data; 0 switches it off. Ignored "
      + "when fewer than 10 instances would be held out.",
      s -> Double.toString(s.validationFraction())),
  VALIDATION_RUNS("validation-runs", "<int>", "validationRuns", "Number of validation runs "
      + "(1 to " + SolverSettings.MAX_VALIDATION_RUNS + ") the number of iterations is chosen "
      + "from: run k holds out its own fraction of the instances (-validation), and the "
      + "iteration count is where the mean error on the held-out instances is lowest. With "
      + "fraction 0.2 and 5 runs this is 5-fold cross-validation; 1 is a single held-out split "
      + "(cheaper: 2 fits instead of 6).", s -> Integer.toString(s.validationRuns())),
  RIDGE("ridge", "<lambda>", "ridge", "Ridge penalty lambda on the network: the solver "
      + "minimises (1/2W) sum_i w_i d_i^2 + (lambda/2)(||L||_F^2 + ||beta||^2) on the "
      + "standardized data (the bias is not penalised). Larger values shrink the hidden units "
      + "and the linear term towards zero, which steadies the model on small or noisy data; 0 "
      + "is the papers' least squares. For a nominal class the same penalty is added to the "
      + "log-loss (2 sum_i w_i log-loss_i in place of sum_i w_i d_i^2), and a large value "
      + "shrinks the probabilities towards the class priors.", s -> Double.toString(s.ridge())),
  ACTIVATION_MARGIN("activation-margin", "<fraction>", "activationMargin", "Each hidden unit's "
      + "input w_j.z is clamped to the range it takes on the training instances, widened by "
      + "this fraction of that range on each side, so a unit's contribution alpha_j (w_j.z)^2 "
      + "never exceeds what it was on the training data; the linear term is not clamped. "
      + "Predictions on the training instances are unchanged. A negative value turns clamping "
      + "off (the pure quadratic).", s -> Double.toString(PredictionSettings.DEFAULTS.activationMargin())),
  CLIP("clip", "<margin>", "clipMargin", "Predictions are clipped to [min - margin * range, "
      + "max + margin * range] of the training class values, so that points far outside the "
      + "training inputs cannot get absurd predictions from the quadratic terms. A negative "
      + "margin turns clipping off. Numeric class only (a nominal class predicts probabilities).", s -> Double.toString(PredictionSettings.DEFAULTS.clipMargin())),
  NUM_THREADS("num-threads", "<int>", "numThreads", "Number of threads for the passes over "
      + "the data (0 = all available cores). Results agree across thread counts to rounding "
      + "(about 1e-12 relative; up to 1e-10 when r exceeds the rank the data support).",
      s -> Integer.toString(s.threads())),
  SEED("S", "<int>", "seed", "Seed of the random starting blocks of the Krylov head and of the "
      + "split of the instances for validation and fresh sampling.",
      s -> Long.toString(s.seed()));

  /** The flag without its dash, as {@code weka.core.Utils.getOption} takes it. */
  public final String flag;
  /** The argument, e.g. {@code <int>}; empty for a switch. */
  public final String argument;
  /** The bean property the GUI shows. */
  public final String property;
  private final String text;
  private final Function<SolverSettings, String> defaultValue;

  OptionText(String flag, String argument, String property, String text,
      Function<SolverSettings, String> defaultValue) {
    this.flag = flag;
    this.argument = argument;
    this.property = property;
    this.text = text;
    this.defaultValue = defaultValue;
  }

  /** The text of the GUI tip. */
  public String tipText() {
    return text;
  }

  /** The default, as the command line writes it ("on"/"off" for a switch). */
  public String defaultText() {
    return defaultValue.apply(SolverSettings.DEFAULTS);
  }

  /** The synopsis, e.g. {@code -N <int>}. */
  public String synopsis() {
    return argument.isEmpty() ? "-" + flag : "-" + flag + " " + argument;
  }

  /** The option as {@code listOptions()} gives it: the text wrapped, then the default. */
  public Option option() {
    StringBuilder description = new StringBuilder();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + word.length() > 64) {
        description.append('\t').append(line).append('\n');
        line.setLength(0);
      }
      line.append(line.length() == 0 ? "" : " ").append(word);
    }
    description.append('\t').append(line);
    if (!argument.isEmpty()) {
      description.append("\n\t(default ").append(defaultText()).append(')');
    }
    return new Option(description.toString(), flag, argument.isEmpty() ? 0 : 1, synopsis());
  }

  private static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.0f %%", fraction * 100);
  }
}
