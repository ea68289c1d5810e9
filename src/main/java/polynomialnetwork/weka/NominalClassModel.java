package polynomialnetwork.weka;

import polynomialnetwork.engine.ClassificationNetwork;
import polynomialnetwork.engine.QuadraticNetwork;
import polynomialnetwork.engine.data.RowBlocks;
import polynomialnetwork.engine.objective.LogLoss;
import polynomialnetwork.engine.optimizer.FitResult;
import polynomialnetwork.engine.optimizer.RecoverySolver;
import polynomialnetwork.engine.optimizer.SolverSettings;
import java.io.Serializable;
import java.util.Locale;

/**
 * The model of {@code PolynomialNetwork} for a nominal class (doc/algorithms.md §13): the class
 * probabilities σ(f) (two classes) or softmax(f_1 … f_k) of quadratic networks on the
 * standardized inputs, fitted by the log-loss through the same engine as the regression.
 *
 * <p>Only the classes that carry training weight are fitted; a declared class that never occurs
 * gets probability 0 (no data speaks for it), and with fewer than two such classes the model is
 * the constant distribution of the training weights.
 */
public final class NominalClassModel implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String[] classNames;
  private final double[] classWeights;
  /** Trained class t is declared class trainedClasses[t]. */
  private final int[] trainedClasses;
  /** On standardized inputs, activations clamped; null for a constant model. */
  private final ClassificationNetwork network;
  private final NetworkReport.FitSummary summary;
  private final double trainingAccuracy;
  private final double[] rankScores;
  private final String constantReason;
  private final TrainingCurve trainingCurve;

  private NominalClassModel(String[] classNames, double[] classWeights, int[] trainedClasses,
      ClassificationNetwork network, NetworkReport.FitSummary summary, double trainingAccuracy,
      double[] rankScores, String constantReason, TrainingCurve trainingCurve) {
    this.classNames = classNames.clone();
    this.classWeights = classWeights.clone();
    this.trainedClasses = trainedClasses.clone();
    this.network = network;
    this.summary = summary;
    this.trainingAccuracy = trainingAccuracy;
    this.rankScores = rankScores;
    this.constantReason = constantReason;
    this.trainingCurve = trainingCurve;
  }

  /** The declared classes with positive training weight, in declared order. */
  public static int[] presentClasses(double[] classWeights) {
    int n = 0;
    for (double w : classWeights) {
      n += w > 0 ? 1 : 0;
    }
    int[] present = new int[n];
    int t = 0;
    for (int c = 0; c < classWeights.length; c++) {
      if (classWeights[c] > 0) {
        present[t++] = c;
      }
    }
    return present;
  }

  /** The constant model: the training weights' class distribution (uniform without any). */
  public static NominalClassModel constant(String[] classNames, double[] classWeights,
      String reason) {
    return new NominalClassModel(classNames, classWeights, presentClasses(classWeights), null,
        null, Double.NaN, null, reason, null);
  }

  /**
   * Fits the classifier.
   *
   * @param blocks the standardized training rows, targets the trained class indices
   *     0 … trainedClasses.length−1
   * @param trainedClasses the declared index of each trained class (at least two)
   * @param settings the solver's settings (the linear part is fitted for k ≥ 3, which holds the
   *     class biases; {@code fitLinear} says whether the scores have linear terms)
   */
  public static NominalClassModel fit(RowBlocks blocks, String[] classNames,
      double[] classWeights, int[] trainedClasses, SolverSettings settings,
      double activationMargin, String solverName, String stepName, int requestedRank) {
    int k = trainedClasses.length;
    LogLoss loss = new LogLoss(blocks, k, settings.fitLinear());
    // the log-loss's update direction spans the iterate too (doc/algorithms.md §13)
    SolverSettings run = (k > 2 ? settings.fitLinear(true) : settings).headSpansIterate(true);
    if (k > 2 && settings.rank() != SolverSettings.AUTOMATIC_RANK) {
      // -N hidden units per class score: the lifted matrix, whose diagonal blocks are the k
      // class matrices, gets rank k·N, which holds k networks of N units each whether or not
      // they share hidden weights (measured in doc/algorithms.md §13)
      run = run.rank((int) Math.min(Integer.MAX_VALUE, (long) settings.rank() * k));
    }
    FitResult fit = RecoverySolver.fit(loss, run);
    // an interrupted fit still returns its best iterate: make it ready to predict regardless
    ClassificationNetwork net = polynomialnetwork.engine.data.EvenIfInterrupted.run(
        () -> ClassificationNetwork.of(fit.interaction(), fit.linearTerm(), fit.bias(),
            loss.layout()).withActivationRange(blocks, activationMargin));
    double[] error = net.trainingError(blocks);
    NetworkReport.FitSummary summary = NetworkReport.FitSummary.of(fit, solverName, stepName,
        requestedRank, error[0], settings.freshSamplingBatches());
    return new NominalClassModel(classNames, classWeights, trainedClasses, net, summary,
        error[1], fit.rankScores(), null, TrainingCurve.ofLogLoss(fit));
  }

  /**
   * The distribution over the declared classes of an instance's standardized inputs: finite,
   * in [0, 1], summing to 1.
   */
  public double[] distribution(double[] z) {
    double[] dist = new double[classNames.length];
    if (network == null) {
      double total = 0;
      for (double w : classWeights) {
        total += w;
      }
      for (int c = 0; c < dist.length; c++) {
        dist[c] = total > 0 ? classWeights[c] / total : 1.0 / dist.length;
      }
      return dist;
    }
    double[] prob = network.probabilities(z);
    for (int t = 0; t < prob.length; t++) {
      dist[trainedClasses[t]] = prob[t];
    }
    return dist;
  }

  /** How the fit went; null for a constant model. */
  public NetworkReport.FitSummary summary() {
    return summary;
  }

  /** The learned networks on standardized inputs; null for a constant model. */
  public ClassificationNetwork network() {
    return network;
  }

  /** The declared class of trained class t. */
  public int declaredClass(int t) {
    return trainedClasses[t];
  }

  public TrainingCurve trainingCurve() {
    return trainingCurve;
  }

  /** The weighted training accuracy of the model as it predicts (NaN for a constant model). */
  public double trainingAccuracy() {
    return trainingAccuracy;
  }

  /** The weighted mean training log-loss in nats (NaN for a constant model). */
  public double trainingLogLoss() {
    return summary == null ? Double.NaN : summary.trainingRmse;
  }

  /** The text report: the model, how it was fitted, each score's network by attribute. */
  public String report(String title, InstancesConverter conv, int digits) {
    StringBuilder sb = new StringBuilder();
    sb.append(title).append('\n').append(title.replaceAll(".", "=")).append("\n\n");
    String cls = conv.className();
    if (network == null) {
      sb.append("Constant model (").append(constantReason).append("): P(").append(cls)
          .append(") =");
      double[] d = distribution(null);
      for (int c = 0; c < d.length; c++) {
        sb.append(c == 0 ? " " : ", ").append(classNames[c]).append(' ')
            .append(NetworkReport.number(d[c], digits));
      }
      return sb.append('\n').toString();
    }
    boolean binary = network.scoreCount() == 1;
    if (binary) {
      sb.append("Model: P(").append(cls).append(" = ").append(classNames[trainedClasses[1]])
          .append(" | z) = 1 / (1 + exp(-f(z))), P(").append(cls).append(" = ")
          .append(classNames[trainedClasses[0]]).append(") = 1 - that;\n")
          .append("  f(z) = sum_j alpha_j (w_j . z)^2 + beta . z + c, z = standardized inputs\n");
    } else {
      sb.append("Model: P(").append(cls).append(" = c | z) = exp(f_c(z)) / sum_d exp(f_d(z)),")
          .append(" one score per class;\n")
          .append("  f_c(z) = sum_j alpha_cj (w_cj . z)^2 + beta_c . z + b_c, z = standardized")
          .append(" inputs\n");
    }
    sb.append("Classes: ");
    for (int c = 0; c < classNames.length; c++) {
      sb.append(c == 0 ? "" : ", ").append(classNames[c]).append(" (weight ")
          .append(NetworkReport.number(classWeights[c], 6)).append(')');
    }
    sb.append('\n');
    if (trainedClasses.length < classNames.length) {
      sb.append("Classes without training instances get probability 0.\n");
    }
    sb.append("Solver: ").append(summary.solver).append(", step rule: ").append(summary.stepRule)
        .append("; hidden units per class score: ").append(maxUnits())
        .append(" at most")
        .append(summary.requestedRank == 0 ? " (rank chosen automatically, -N 0)"
            : " (-N " + summary.requestedRank + ")")
        .append(binary ? "" : "; the class matrices are the diagonal blocks of one matrix of rank"
            + " k * N, so units may be shared among classes").append('\n');
    sb.append(NetworkReport.iterationsLine(summary, digits)).append('\n');
    sb.append(String.format(Locale.ROOT, "Training log-loss: %s nats per unit weight (%s of the"
        + " uniform guess's); training accuracy: %.2f %%%n",
        NetworkReport.number(summary.trainingRmse, digits),
        NetworkReport.number(summary.relativeResidual, 4), 100 * trainingAccuracy));
    sb.append(String.format(Locale.ROOT, "Fit time: %.3f s%n", summary.seconds));
    if (summary.fasterKernelHint) {
      sb.append(NetworkReport.FASTER_KERNEL_HINT).append('\n');
    }
    if (rankScores != null) {
      sb.append("Held-out log-loss by rank (-N 0):");
      for (int r = 0; r < rankScores.length; r++) {
        if (!Double.isNaN(rankScores[r])) {
          sb.append("  r=").append(r + 1).append(": ")
              .append(NetworkReport.number(rankScores[r], 6));
        }
      }
      sb.append('\n');
    }
    sb.append('\n');
    sb.append("Input transformation (apply it to use the numbers outside Weka):\n")
        .append("  1. missing values -> training mean (numeric) or mode (nominal)")
        .append("  [ReplaceMissingValues]\n")
        .append("  2. nominal attribute a -> 0/1 indicator columns \"a=value\" (one column if a")
        .append(" has two values)  [NominalToBinary]\n")
        .append("  3. z_k = (x_k - mean_k) / sd_k per column (weighted; a constant column keeps")
        .append(" sd 1)\n\n");
    for (int s = 0; s < network.scoreCount(); s++) {
      String head = binary ? "Score f (log-odds of " + cls + " = "
          + classNames[trainedClasses[1]] + " against " + classNames[trainedClasses[0]] + ")"
          : "Score f_" + classNames[trainedClasses[s]] + " (class " + cls + " = "
          + classNames[trainedClasses[s]] + ")";
      sb.append(head).append('\n').append(head.replaceAll(".", "-")).append('\n');
      sb.append(NetworkReport.scoreSections(network.score(s), conv, digits)).append('\n');
    }
    return sb.toString();
  }

  /** The score networks on standardized inputs, or null for a constant model. */
  public QuadraticNetwork[] scoreNetworks() {
    if (network == null) {
      return null;
    }
    QuadraticNetwork[] out = new QuadraticNetwork[network.scoreCount()];
    for (int s = 0; s < out.length; s++) {
      out[s] = network.score(s);
    }
    return out;
  }

  /** What each score network scores, for the picture; null for a constant model. */
  public String[] scoreTitles(String className) {
    if (network == null) {
      return null;
    }
    if (network.scoreCount() == 1) {
      return new String[] {"log-odds of " + className + " = " + classNames[trainedClasses[1]]
          + " against " + classNames[trainedClasses[0]]};
    }
    String[] out = new String[network.scoreCount()];
    for (int s = 0; s < out.length; s++) {
      out[s] = "score of " + className + " = " + classNames[trainedClasses[s]];
    }
    return out;
  }

  private int maxUnits() {
    int r = 0;
    for (int s = 0; s < network.scoreCount(); s++) {
      r = Math.max(r, network.score(s).hiddenUnits());
    }
    return r;
  }

  /** The networks on the original attribute scale (after missing-value and indicator coding). */
  public QuadraticNetwork[] networksInOriginalUnits(InstancesConverter conv) {
    if (network == null) {
      return null;
    }
    ClassificationNetwork o = network.inOriginalUnits(conv.standardization());
    QuadraticNetwork[] out = new QuadraticNetwork[o.scoreCount()];
    for (int s = 0; s < out.length; s++) {
      out[s] = o.score(s);
    }
    return out;
  }
}
