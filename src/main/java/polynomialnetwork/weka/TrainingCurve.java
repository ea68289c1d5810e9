package polynomialnetwork.weka;

import polynomialnetwork.engine.optimizer.FitResult;
import java.io.Serializable;
import java.util.List;

/**
 * The per-iteration training RMSE of a fit, in class units, kept with the model for the picture
 * ({@link NetworkPicture}). With early stopping ({@code -validation}) it also holds the probe
 * run on the training part: its training RMSE and its RMSE on the held-out instances, whose
 * lowest point fixed the number of iterations of the final fit. Plain arrays, serializable.
 */
public final class TrainingCurve implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Iteration numbers of the final fit (0 = the initial state). */
  public final int[] iterations;
  /** Training RMSE of the final fit after each iteration, in class units. */
  public final double[] rmse;
  /** The iterate the model keeps (the best one). */
  public final int bestIteration;
  /** Iterations of the early-stopping probe; null without one. */
  public final int[] probeIterations;
  /** Training RMSE of the probe (class units); null without one. */
  public final double[] probeRmse;
  /** RMSE on the held-out instances of the probe (class units); null without one. */
  public final double[] probeHeldOutRmse;
  /** The probe's best iteration (by held-out error); -1 without one. */
  public final int probeBestIteration;
  /**
   * What the curve measures when it is not the RMSE in class units: "log-loss" (nats per
   * instance) for a nominal class; null for the RMSE (and in models saved before it existed).
   */
  private String errorName;

  /**
   * @param iterations iteration numbers of the final fit
   * @param rmse its training RMSE per iteration (class units)
   * @param bestIteration the iterate kept
   * @param probeIterations iteration numbers of the early-stopping probe, or null
   * @param probeRmse its training RMSE, or null
   * @param probeHeldOutRmse its held-out RMSE, or null
   * @param probeBestIteration its best iteration, or -1
   */
  public TrainingCurve(int[] iterations, double[] rmse, int bestIteration, int[] probeIterations,
      double[] probeRmse, double[] probeHeldOutRmse, int probeBestIteration) {
    if (iterations.length != rmse.length) {
      throw new IllegalArgumentException(iterations.length + " iterations, " + rmse.length
          + " RMSE values");
    }
    this.iterations = iterations.clone();
    this.rmse = rmse.clone();
    this.bestIteration = bestIteration;
    this.probeIterations = probeIterations == null ? null : probeIterations.clone();
    this.probeRmse = probeRmse == null ? null : probeRmse.clone();
    this.probeHeldOutRmse = probeHeldOutRmse == null ? null : probeHeldOutRmse.clone();
    this.probeBestIteration = probeBestIteration;
  }

  /**
   * The curve of an engine fit.
   *
   * @param fit the engine's result
   * @param targetScale sd of the class (the engine's RMSE is on the standardized class)
   * @return the curve in class units
   */
  public static TrainingCurve of(FitResult fit, double targetScale) {
    List<FitResult.IterationRecord> trace = fit.trace();
    int[] it = new int[trace.size()];
    double[] r = new double[trace.size()];
    for (int i = 0; i < it.length; i++) {
      it[i] = trace.get(i).iteration;
      r[i] = targetScale * trace.get(i).rmse;
    }
    FitResult probe = fit.validationRun();
    if (probe == null || probe.trace().isEmpty()) {
      return new TrainingCurve(it, r, fit.bestIteration(), null, null, null, -1);
    }
    List<FitResult.IterationRecord> pt = probe.trace();
    int[] pit = new int[pt.size()];
    double[] pr = new double[pt.size()];
    double[] ph = new double[pt.size()];
    for (int i = 0; i < pit.length; i++) {
      pit[i] = pt.get(i).iteration;
      pr[i] = targetScale * pt.get(i).rmse;
      ph[i] = targetScale * pt.get(i).validationRmse;
    }
    // with several validation runs the iteration count is the minimum of their mean curve
    int chosen = fit.chosenIterations() >= 0 ? fit.chosenIterations() : probe.bestIteration();
    return new TrainingCurve(it, r, fit.bestIteration(), pit, pr, ph, chosen);
  }

  /**
   * The curve of an engine fit of the log-loss (a nominal class): the mean log-loss in nats
   * per instance instead of the RMSE.
   */
  public static TrainingCurve ofLogLoss(FitResult fit) {
    TrainingCurve c = of(fit, 1.0);
    c.errorName = "log-loss";
    return c;
  }

  /** "RMSE" or "log-loss": what the curve measures. */
  public String errorName() {
    return errorName == null ? "RMSE" : errorName;
  }

  /** The unit of {@link #errorName()}: class units, or nats per instance. */
  public String errorUnit() {
    return errorName == null ? "class units" : "nats per instance";
  }

  /** @return whether an early-stopping probe is included */
  public boolean hasProbe() {
    return probeIterations != null;
  }
}
