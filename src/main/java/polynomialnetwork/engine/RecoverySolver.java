package polynomialnetwork.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * EP-ROM and AP-ROM (Soltani &amp; Hegde, AISTATS 2018, Algorithm 1; algorithms.md §3): learns
 * y ≈ xᵀLx + βᵀx + c with rank(L) ≤ r from the rows of a {@link DesignMatrix}.
 *
 * <pre>
 * L ← 0, β ← 0, c ← 0
 * repeat
 *   d ← 𝒜(L) + Xβ + c − y                         one pass (DebiasedGradient.evaluate)
 *   stop on tolerance / stagnation / divergence / budget, remembering the best iterate
 *   G ← (1/2W)[Σ w_i d_i x_i x_iᵀ − (Σ w_i d_i) I]
 *   D ← G                     (EP-ROM)
 *     | H(G) by BK-SVD on explicit G   (AP-ROM-BK)
 *     | H(G) by MBK-SVD, matrix-free   (AP-ROM-MBK)
 *   (η_L, η_b) ← 1, or the exact line search (StepSize)
 *   L ← P_r(L − η_L G) (EP)  |  T(L − η_L D) (AP, ExactTail)
 *   β ← β − η_b Xᵀ(w∘d)/W;  c ← c − η_b (mean_w d − tr G)      (§5)
 * </pre>
 *
 * The linear term and bias are fitted alongside L with the moment-matched directions of §5; the
 * L-step is unchanged by them. Appending a constant 1 to x is not done: it biases the fixed point
 * (§5, warning).
 */
public final class RecoverySolver {

  private RecoverySolver() {
  }

  /**
   * Fits the model; never returns a diverged iterate (the best one seen is returned), nor one
   * that fits the training rows worse than the best linear model (that model is returned
   * instead, see {@link FitResult#linearFallback}).
   */
  public static FitResult fit(DesignMatrix x, SolverSettings settings) {
    requireMemoryForDenseSolver(x.cols(), settings.method(), Runtime.getRuntime().maxMemory());
    int threads = Math.min(settings.threads(), x.blockCount());
    ExecutorService executor = pool(threads);
    try {
      FitResult fit = fitNetwork(x, settings, executor, threads);
      return Thread.currentThread().isInterrupted() ? fit
          : notWorseThanLinear(x, settings, executor, threads, fit);
    } finally {
      if (executor != null) {
        executor.shutdownNow();
      }
    }
  }

  /**
   * EP-ROM and AP-ROM-BK form p × p matrices (the explicit gradient; EP-ROM also the iterate
   * L − ηG and its eigendecomposition), at least this many at once. Refusing up front, with the
   * way out, beats an OutOfMemoryError after the data has been read.
   */
  static final int DENSE_MATRICES_EP_ROM = 3;
  static final int DENSE_MATRICES_AP_ROM_BK = 1;

  /**
   * @throws IllegalArgumentException when the solver's p × p matrices alone exceed the heap
   */
  static void requireMemoryForDenseSolver(int p, SolverSettings.Method method, long maxHeap) {
    int count = method == SolverSettings.Method.EP_ROM ? DENSE_MATRICES_EP_ROM
        : method == SolverSettings.Method.AP_ROM_BK ? DENSE_MATRICES_AP_ROM_BK : 0;
    double bytes = 8.0 * p * p * count;
    if (bytes > maxHeap) {
      String name = method == SolverSettings.Method.EP_ROM ? "EP-ROM" : "AP-ROM-BK";
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
          "%s keeps %s: at p = %d input columns that is %.2f GB, more than the"
          + " whole Java heap (%.2f GB). Use the matrix-free solver AP-ROM-MBK (the default),"
          + " which never forms a p x p matrix, or fewer input columns (a nominal attribute with"
          + " k values becomes k columns).", name,
          count == 1 ? "a p x p matrix" : count + " p x p matrices", p, bytes / 1e9,
          maxHeap / 1e9));
    }
  }

  /**
   * The guarantee of issue 8: compares the fit with the (ridge-)least-squares linear model on all
   * training rows, by the objective the solver minimises, and returns the better. The linear
   * model costs a few tens of one-column passes (LinearLeastSquares).
   */
  private static FitResult notWorseThanLinear(DesignMatrix x, SolverSettings settings,
      ExecutorService executor, int threads, FitResult fit) {
    if (!settings.fitLinear() || fit.stopReason() == FitResult.StopReason.ZERO_TARGET
        // fitted to the tolerance: no model is better by more than the tolerance
        || fit.stopReason() == FitResult.StopReason.CONVERGED
        || x.rows() <= 2 * (x.cols() + 1)) {
      // with fewer than two rows per linear parameter the least-squares model (nearly)
      // interpolates the training rows: "better on the training rows" would then prefer a
      // model that has merely memorised them
      return fit;
    }
    RowBlockPass pass = new RowBlockPass(x, executor, threads);
    int p = x.cols();
    double[] linear = LinearLeastSquares.fit(pass, null, settings.ridge());
    if (!Linalg.allFinite(linear)) {
      return fit;
    }
    double[] beta = java.util.Arrays.copyOf(linear, p);
    double[] norms = x.rowSquaredNorms();
    double lin = DebiasedGradient.evaluate(pass, FactoredSymmetric.zero(p), beta, linear[p], null,
        norms).weightedSquaredResidual;
    double net = DebiasedGradient.evaluate(pass, fit.interaction(), fit.linearTerm(), fit.bias(),
        null, norms).weightedSquaredResidual;
    double w = maskedWeight(x.weights(), x.rows(), null, false);
    double linRel = Math.sqrt(lin / maskedSquaredNorm(x.target(), x.weights(), null, false));
    double ridge = settings.ridge();
    lin += ridge * w * parameterNormSquared(FactoredSymmetric.zero(p), beta);
    net += ridge * w * parameterNormSquared(fit.interaction(), fit.linearTerm());
    // a margin of rounding: a network that is the linear model (L = 0) is kept as it is
    boolean linearBetter = lin < net * (1 - 1e-9) || Double.isNaN(net);
    return linearBetter ? fit.withLinearModel(beta, linear[p], linRel) : fit;
  }

  private static FitResult fitNetwork(DesignMatrix x, SolverSettings settings,
      ExecutorService executor, int threads) {
    boolean[][] folds = validationFolds(x, settings);
    if (folds == null) {
      return new Run(x, settings, executor, threads, null).iterate();
    }
    // Early stopping without losing data: runs on the training parts pick the number of
    // iterations by their mean error on the held-out parts, then the model is fitted on all
    // rows for that many iterations.
    List<FitResult> probes = validationRuns(x, settings, executor, threads, folds, true);
    FitResult last = probes.get(probes.size() - 1);
    if (last.stopReason() == FitResult.StopReason.INTERRUPTED) {
      // keep what there is: the best iterate of the interrupted run
      return last.withValidation(last, probes.size(), null, last.bestIteration(),
          totalSeconds(probes));
    }
    if (explainsExactly(last)) {
      // neither more runs nor a refit could do better
      return last.withValidation(last, 1, null, last.bestIteration(), 0);
    }
    double[] curve = meanValidationCurve(probes);
    int chosen = argmin(curve);
    SolverSettings full = settings.copy().validationFraction(0).maxIterations(chosen);
    FitResult result = new Run(x, full, executor, threads, null).iterate();
    return result.withValidation(probes.get(0), probes.size(), curve, chosen,
        totalSeconds(probes));
  }

  /**
   * One run per fold, each holding that fold out; stops early after a run that was interrupted
   * and, when {@code stopWhenExact}, after a first run that {@link #explainsExactly explains the
   * data exactly}.
   */
  private static List<FitResult> validationRuns(DesignMatrix x, SolverSettings settings,
      ExecutorService executor, int threads, boolean[][] folds, boolean stopWhenExact) {
    List<FitResult> probes = new ArrayList<>();
    for (boolean[] holdout : folds) {
      FitResult probe = new Run(x, settings, executor, threads, holdout).iterate();
      probes.add(probe);
      if (probe.stopReason() == FitResult.StopReason.INTERRUPTED
          || (stopWhenExact && probes.size() == 1 && explainsExactly(probe))) {
        break;
      }
    }
    return probes;
  }

  /**
   * The training part is fitted to the tolerance and the held-out rows as well: the data are
   * explained exactly.
   */
  private static boolean explainsExactly(FitResult probe) {
    FitResult.IterationRecord last = probe.trace().get(probe.trace().size() - 1);
    return probe.stopReason() == FitResult.StopReason.CONVERGED
        && last.validationRmse <= 100 * last.rmse;
  }

  /**
   * The mean held-out RMSE of the runs after t updates, t = 0 … the longest run. A run that
   * stopped earlier counts with its last value (it would have stayed at its final iterate).
   */
  static double[] meanValidationCurve(List<FitResult> probes) {
    int len = 0;
    for (FitResult f : probes) {
      len = Math.max(len, f.trace().size());
    }
    double[] mean = new double[len];
    for (FitResult f : probes) {
      List<FitResult.IterationRecord> tr = f.trace();
      for (int t = 0; t < len; t++) {
        double v = tr.get(Math.min(t, tr.size() - 1)).validationRmse;
        mean[t] += (Double.isFinite(v) ? v : Double.POSITIVE_INFINITY) / probes.size();
      }
    }
    return mean;
  }

  private static double totalSeconds(List<FitResult> runs) {
    double s = 0;
    for (FitResult f : runs) {
      s += f.seconds();
    }
    return s;
  }

  static int argmin(double[] v) {
    int best = 0;
    for (int t = 1; t < v.length; t++) {
      if (v[t] < v[best]) {
        best = t;
      }
    }
    return best;
  }

  private static ExecutorService pool(int threads) {
    if (threads <= 1) {
      return null;
    }
    return Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "polynomialNetwork-pass");
      t.setDaemon(true);
      return t;
    });
  }

  /** Held-out fraction used to choose the rank when the settings have no validation of their own. */
  public static final double RANK_VALIDATION_FRACTION = 0.2;

  /**
   * A rank counts as good as the best one when its held-out RMSE is within this fraction of
   * the best: the smallest such rank is chosen, since extra hidden units mostly fit noise.
   */
  public static final double RANK_TOLERANCE = 0.01;

  /** The outcome of {@link #chooseRank}. */
  public static final class RankChoice {
    /** The chosen number of hidden units. */
    public final int rank;
    /** Best held-out RMSE of rank r at index r − 1; NaN for ranks not tried. */
    public final double[] validationRmse;

    RankChoice(int rank, double[] validationRmse) {
      this.rank = rank;
      this.validationRmse = validationRmse;
    }
  }

  /**
   * Automatic choice of r: for r = 1, 2, … a run on the training part of a held-out split
   * (the same split for every r), scored by its lowest RMSE on the held-out rows; the search
   * stops after two ranks without a 0.1 % improvement, and the smallest rank within
   * {@link #RANK_TOLERANCE} of the best score is chosen. With too few rows to hold any out,
   * r = 1 (the fewest parameters).
   */
  public static RankChoice chooseRank(DesignMatrix x, SolverSettings settings, int maxRank) {
    requireMemoryForDenseSolver(x.cols(), settings.method(), Runtime.getRuntime().maxMemory());
    SolverSettings s = settings.copy();
    if (s.validationFraction() <= 0) {
      s.validationFraction(RANK_VALIDATION_FRACTION);
    }
    int rMax = Math.max(1, Math.min(maxRank, x.cols()));
    double[] score = new double[rMax];
    java.util.Arrays.fill(score, Double.NaN);
    boolean[][] folds = validationFolds(x, s);
    if (folds == null) {
      return new RankChoice(1, score);
    }
    int threads = Math.min(s.threads(), x.blockCount());
    ExecutorService executor = pool(threads);
    try {
      double best = Double.POSITIVE_INFINITY;
      int worse = 0;
      for (int r = 1; r <= rMax; r++) {
        List<FitResult> probes = validationRuns(x, s.copy().rank(r), executor, threads, folds,
            false);
        double[] curve = meanValidationCurve(probes);
        score[r - 1] = curve[argmin(curve)];
        if (probes.get(probes.size() - 1).stopReason() == FitResult.StopReason.INTERRUPTED) {
          break;
        }
        if (score[r - 1] < best * (1 - 1e-3)) {
          best = score[r - 1];
          worse = 0;
        } else if (++worse >= 2) {
          break;
        }
      }
      for (int r = 1; r <= rMax; r++) {
        if (score[r - 1] <= best * (1 + RANK_TOLERANCE)) {
          return new RankChoice(r, score);
        }
      }
      return new RankChoice(1, score);
    } finally {
      if (executor != null) {
        executor.shutdownNow();
      }
    }
  }

  /** The state of one fit. */
  private static final class Run {
    final DesignMatrix x;
    final SolverSettings settings;
    final ExecutorService executor;
    final int threads;
    final RowBlockPass pass;
    final int p;
    final int rank;
    final int blockSize;
    final int depth;
    final Random rng;
    final double[] rowSquaredNorms;
    final int[] batchOf;
    final int batches;
    /** λ of the ridge penalty (SolverSettings.ridge). */
    final double ridge;

    /** Rows held out for validation (never fitted on), or null. */
    final boolean[] holdout;

    Run(DesignMatrix x, SolverSettings settings, ExecutorService executor, int threads,
        boolean[] holdout) {
      this.holdout = holdout;
      this.ridge = settings.ridge();
      this.x = x;
      this.settings = settings;
      this.executor = executor;
      this.threads = threads;
      this.pass = new RowBlockPass(x, executor, threads);
      this.p = x.cols();
      this.rank = Math.min(settings.rank(), p);
      this.blockSize = settings.blockSize() > 0 ? settings.blockSize() : rank;
      this.depth = settings.krylovDepth() > 0 ? settings.krylovDepth()
          : BlockKrylovHead.defaultDepth(p);
      this.rng = new Random(settings.seed());
      this.rowSquaredNorms = x.rowSquaredNorms();
      int b = Math.min(settings.freshSamplingBatches(), x.rows());
      this.batches = b > 1 ? b : 1;
      this.batchOf = batches > 1 ? assignBatches(x.rows(), batches, rng) : null;
    }

    FitResult iterate() {
      long start = System.nanoTime();
      List<FitResult.IterationRecord> trace = new ArrayList<>();
      double yNorm = Math.sqrt(maskedSquaredNorm(x.target(), x.weights(), holdout, false));
      double totalWeight = maskedWeight(x.weights(), x.rows(), holdout, false);
      double validWeight = holdout == null ? 0 : maskedWeight(x.weights(), x.rows(), holdout,
          true);
      FactoredSymmetric l = FactoredSymmetric.zero(p);
      double[] beta = settings.fitLinear() ? new double[p] : null;
      double c = 0;
      if (!(yNorm > 0) || !(totalWeight > 0)) {
        trace.add(new FitResult.IterationRecord(0, 0, 0, Double.NaN, Double.NaN, 0, 0));
        return new FitResult(l, beta, c, trace, FitResult.StopReason.ZERO_TARGET, 0, 0,
            seconds(start));
      }

      FactoredSymmetric bestL = l;
      double[] bestBeta = beta == null ? null : beta.clone();
      double bestC = c;
      double bestRel = Double.POSITIVE_INFINITY;
      double bestScore = Double.POSITIVE_INFINITY;
      int bestIter = 0;
      double significantLevel = Double.POSITIVE_INFINITY;
      int lastSignificant = 0;
      double stepL = Double.NaN;
      double stepB = Double.NaN;
      int products = 0;
      double[][] previousHead = null;
      FactoredSymmetric prevL = null;
      double[] prevBeta = null;
      double prevC = 0;
      double[] prevResidual = null;
      FitResult.StopReason reason = FitResult.StopReason.MAX_ITERATIONS;
      int t = 0;
      try {
        for (;; t++) {
          if (Thread.currentThread().isInterrupted()) {
            reason = FitResult.StopReason.INTERRUPTED;
            break;
          }
          boolean[] batch = batchMask(t);
          DebiasedGradient.Evaluation ev = DebiasedGradient.evaluate(pass, l, beta, c, batch,
              rowSquaredNorms);
          double fitted = holdout == null ? ev.weightedSquaredResidual
              : maskedSquaredNorm(ev.residual, x.weights(), holdout, false);
          double rel = Math.sqrt(fitted) / yNorm;
          double rmse = Math.sqrt(fitted / totalWeight);
          double validRmse = holdout == null ? Double.NaN
              : Math.sqrt(maskedSquaredNorm(ev.residual, x.weights(), holdout, true) / validWeight);
          FitResult.IterationRecord rec = new FitResult.IterationRecord(t, rel, rmse, stepL,
              beta == null ? Double.NaN : stepB, seconds(start), products, validRmse);
          trace.add(rec);
          if (settings.listener() != null) {
            settings.listener().iterationDone(rec);
          }
          if (!Double.isFinite(rel)) {
            reason = FitResult.StopReason.DIVERGED;
            break;
          }
          // With a ridge penalty the quantity minimised is the penalised objective, so that is
          // what the best iterate, stagnation and divergence are judged by (= rel when λ = 0).
          double objective = ridge == 0 ? rel
              : Math.sqrt(fitted + ridge * totalWeight * parameterNormSquared(l, beta)) / yNorm;
          double score = holdout == null ? objective : validRmse;
          if (!Double.isFinite(score)) {
            reason = FitResult.StopReason.DIVERGED;
            break;
          }
          if (score < bestScore) {
            bestScore = score;
            bestRel = objective;
            bestIter = t;
            bestL = l;
            bestBeta = beta == null ? null : beta.clone();
            bestC = c;
          }
          if (objective < significantLevel * (1 - settings.stagnationTolerance())) {
            significantLevel = objective;
            lastSignificant = t;
          }
          if (rel <= settings.tolerance()) {
            reason = FitResult.StopReason.CONVERGED;
            break;
          }
          if (objective > settings.divergenceFactor() * bestRel) {
            reason = FitResult.StopReason.DIVERGED;
            break;
          }
          if (holdout != null
              && t - bestIter >= VALIDATION_PATIENCE_FACTOR * settings.stagnationPatience()) {
            reason = FitResult.StopReason.VALIDATION_STOPPED;
            break;
          }
          if (t - lastSignificant >= settings.stagnationPatience()) {
            reason = FitResult.StopReason.STAGNATED;
            break;
          }
          if (t >= settings.maxIterations()) {
            reason = FitResult.StopReason.MAX_ITERATIONS;
            break;
          }

          // One update.
          DebiasedGradient g = ev.gradient;
          double[] dBeta = beta == null ? null : g.linearDirection();
          double dC = beta == null ? 0.0 : g.constantDirection();
          if (ridge > 0 && beta != null) {
            // the plain gradients of (1/2W)Σ w d² + (λ/2)‖β‖² in β and c (see PenalizedGradient)
            dBeta = dBeta.clone();
            Linalg.axpy(ridge, beta, dBeta);
            dC = g.meanResidual();
          }
          SolverSettings.StepRule rule = settings.stepRule();
          boolean momentum = rule == SolverSettings.StepRule.MOMENTUM && prevResidual != null;
          if (rule == SolverSettings.StepRule.MOMENTUM && !momentum) {
            rule = SolverSettings.StepRule.SAFEGUARDED;
          }
          StepSize step;
          FactoredSymmetric next;
          if (settings.method() == SolverSettings.Method.EP_ROM) {
            DenseSymmetricMatrix gd = ridge > 0
                ? PenalizedGradient.explicit(g, l, ridge, executor, threads)
                : g.formExplicit(executor, threads);
            StepSize.Penalty penalty = rule == SolverSettings.StepRule.UNIT || ridge == 0 ? null
                : new StepSize.Penalty(ridge * g.batchWeight(), null, gd, dBeta, l,
                    momentum ? prevL : null, beta, prevBeta);
            step = rule == SolverSettings.StepRule.UNIT ? StepSize.unit()
                : chooseStep(rule, momentum, ev.residual, gd.quadraticForms(x),
                    linearChange(dBeta, dC), prevResidual, batch, penalty);
            DenseSymmetricMatrix dense = DenseSymmetricMatrix.of(l).subtractScaled(step.onL, gd);
            if (step.onPrevious != 0) {
              dense.subtractScaled(-step.onPrevious, DenseSymmetricMatrix.of(l))
                  .subtractScaled(step.onPrevious, DenseSymmetricMatrix.of(prevL));
            }
            next = ExactProjection.leading(dense, rank);
            products = 0;
          } else {
            SymmetricOperator op;
            if (settings.method() == SolverSettings.Method.AP_ROM_BK) {
              op = ridge > 0 ? PenalizedGradient.explicit(g, l, ridge, executor, threads)
                  : g.formExplicit(executor, threads);
            } else {
              op = ridge > 0 ? new PenalizedGradient(g, l, ridge) : g;
            }
            boolean warm = settings.warmStart() && previousHead != null
                && previousHead.length > 0;
            int q = !warm ? depth : settings.warmDepth() > 0 ? settings.warmDepth()
                : Math.max(2, (depth + 1) / 2);
            BlockKrylovHead.Head head = BlockKrylovHead.compute(op, rank, blockSize, q, rng,
                warm ? previousHead : null);
            previousHead = head.projection.vectors();
            products = head.productColumns;
            FactoredSymmetric dir = head.projection;
            if (rule == SolverSettings.StepRule.UNIT) {
              step = StepSize.unit();
            } else {
              double[][] effect = stepEffects(dir, dBeta, dC);
              StepSize.Penalty penalty = ridge == 0 ? null
                  : new StepSize.Penalty(ridge * g.batchWeight(), dir, null, dBeta, l,
                      momentum ? prevL : null, beta, prevBeta);
              step = chooseStep(rule, momentum, ev.residual, effect[0], effect[1], prevResidual,
                  batch, penalty);
            }
            double[] coef = new double[dir.rank()];
            for (int a = 0; a < coef.length; a++) {
              coef[a] = -step.onL * dir.values()[a];
            }
            if (step.onPrevious != 0) {
              double w = step.onPrevious;
              next = ExactTail.truncateSum(p, rank,
                  new double[][][] {l.vectors(), dir.vectors(), prevL.vectors()},
                  new double[][] {scaled(l.values(), 1 + w), coef, scaled(prevL.values(), -w)});
            } else {
              next = ExactTail.truncate(l, dir.vectors(), coef, rank);
            }
          }
          double[] nextBeta = beta;
          double nextC = c;
          if (beta != null) {
            nextBeta = beta.clone();
            for (int j = 0; j < p; j++) {
              nextBeta[j] -= step.onLinear * dBeta[j];
            }
            nextC -= step.onLinear * dC;
            if (step.onPrevious != 0) {
              for (int j = 0; j < p; j++) {
                nextBeta[j] += step.onPrevious * (beta[j] - prevBeta[j]);
              }
              nextC += step.onPrevious * (c - prevC);
            }
          }
          prevL = l;
          prevBeta = beta;
          prevC = c;
          prevResidual = ev.residual;
          l = next;
          beta = nextBeta;
          c = nextC;
          if (settings.refitCore()) {
            CoreRefit.Refit refit = CoreRefit.refit(pass, l, beta, c, holdout);
            if (refit != null) {
              l = refit.interaction;
              c = refit.bias;
            }
          }
          stepL = step.onL;
          stepB = step.onLinear;
        }
      } catch (SolverInterruptedException e) {
        reason = FitResult.StopReason.INTERRUPTED;
        Thread.currentThread().interrupt();
      } catch (NonFiniteException e) {
        reason = FitResult.StopReason.DIVERGED;
      }
      if (trace.isEmpty()) {
        // interrupted before the first evaluation: the result is the zero model, whose residual
        // is y itself (relative residual 1), so that every result has at least one record
        double validRmse = holdout == null ? Double.NaN : Math.sqrt(
            maskedSquaredNorm(x.target(), x.weights(), holdout, true) / validWeight);
        trace.add(new FitResult.IterationRecord(0, 1.0, yNorm / Math.sqrt(totalWeight),
            Double.NaN, Double.NaN, seconds(start), 0, validRmse));
      }
      return new FitResult(bestL, bestBeta, bestC, trace, reason, t, bestIter, seconds(start));
    }

    /** The rows iteration t fits on: its fresh-sampling batch, minus held-out rows (null = all). */
    boolean[] batchMask(int t) {
      if (batchOf == null && holdout == null) {
        return null;
      }
      int b = t % batches;
      boolean[] mask = new boolean[x.rows()];
      for (int i = 0; i < mask.length; i++) {
        mask[i] = (batchOf == null || batchOf[i] == b) && (holdout == null || !holdout[i]);
      }
      return mask;
    }

    /** Per-row change of the linear part for a unit step: X·Dβ + Dc (needs a pass). */
    double[] linearChange(double[] dBeta, final double dC) {
      if (dBeta == null) {
        return null;
      }
      final double[] b = new double[x.rows()];
      pass.run(new double[][] {dBeta}, (i, t, tOff, out, oOff, acc) -> b[i] = t[tOff] + dC, 0, 0);
      return b;
    }

    /** Per-row effect of a unit step: 𝒜(D) and X·Dβ + Dc, in one pass (AP-ROM). */
    double[][] stepEffects(FactoredSymmetric dir, double[] dBeta, final double dC) {
      final int k = dir.rank();
      final double[] lam = dir.values();
      final boolean linear = dBeta != null;
      double[][] in = new double[k + (linear ? 1 : 0)][];
      for (int a = 0; a < k; a++) {
        in[a] = dir.vectors()[a];
      }
      if (linear) {
        in[k] = dBeta;
      }
      final double[] av = new double[x.rows()];
      final double[] bv = linear ? new double[x.rows()] : null;
      pass.run(in, (i, t, tOff, out, oOff, acc) -> {
        double q = 0;
        for (int a = 0; a < k; a++) {
          double z = t[tOff + a];
          q += lam[a] * z * z;
        }
        av[i] = q;
        if (linear) {
          bv[i] = t[tOff + k] + dC;
        }
      }, 0, 0);
      return new double[][] {av, bv};
    }

    StepSize chooseStep(SolverSettings.StepRule rule, boolean momentum, double[] d, double[] a,
        double[] b, double[] prevD, boolean[] batch, StepSize.Penalty penalty) {
      if (momentum) {
        double[] e = new double[d.length];
        for (int i = 0; i < e.length; i++) {
          e[i] = d[i] - prevD[i];
        }
        return StepSize.withMomentum(d, a, b, e, x.weights(), batch, penalty);
      }
      return StepSize.choose(rule, d, a, b, x.weights(), batch, penalty);
    }
  }

  /** ‖L‖_F² + ‖β‖², the ridge-penalised parameters. */
  static double parameterNormSquared(FactoredSymmetric l, double[] beta) {
    double n = Math.max(0, l.inner(l));
    return beta == null ? n : n + Linalg.dot(beta, beta);
  }

  private static double[] scaled(double[] v, double f) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] * f;
    }
    return out;
  }

  /** Row i goes to batch π(i) mod B for a seeded random permutation π: balanced and unordered. */
  static int[] assignBatches(int m, int batches, Random rng) {
    int[] perm = new int[m];
    for (int i = 0; i < m; i++) {
      perm[i] = i;
    }
    for (int i = m - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int tmp = perm[i];
      perm[i] = perm[j];
      perm[j] = tmp;
    }
    int[] of = new int[m];
    for (int i = 0; i < m; i++) {
      of[perm[i]] = i % batches;
    }
    return of;
  }

  /**
   * Σ w_i v_i² over the rows where {@code mask[i] == inMask} (all rows when mask is null and
   * inMask is false).
   */
  static double maskedSquaredNorm(double[] v, double[] w, boolean[] mask, boolean inMask) {
    double s = 0;
    for (int i = 0; i < v.length; i++) {
      if ((mask != null && mask[i]) == inMask) {
        s += (w == null ? 1.0 : w[i]) * v[i] * v[i];
      }
    }
    return s;
  }

  static double maskedWeight(double[] w, int m, boolean[] mask, boolean inMask) {
    double s = 0;
    for (int i = 0; i < m; i++) {
      if ((mask != null && mask[i]) == inMask) {
        s += w == null ? 1.0 : w[i];
      }
    }
    return s;
  }

  /**
   * The rows to hold out in each validation run, or null when validation is off or a run would
   * hold out or keep fewer than {@link #MIN_VALIDATION_ROWS} rows. Every row gets a number
   * u ∈ [0, 1) from a seeded hash of its values and target (rounded to float, so that
   * rounding-level differences in the standardisation do not move it); run k holds out the rows
   * with frac(u − k/n) &lt; f, f the validation fraction and n the number of runs. With f = 1/n
   * the runs are the folds of an n-fold cross-validation; with n = 1, the rows with u &lt; f.
   * The choice depends on the row, not on its position, so identical rows (and a row given
   * weight 2, which stands for two) are never split between the two sides, and rows added
   * elsewhere (e.g. with weight 0) do not move the split.
   */
  static boolean[][] validationFolds(DesignMatrix x, SolverSettings settings) {
    double f = settings.validationFraction();
    if (f <= 0) {
      return null;
    }
    int n = settings.validationRuns();
    double[] u = holdoutHashes(x, settings.seed());
    boolean[][] folds = new boolean[n][u.length];
    for (int k = 0; k < n; k++) {
      int held = 0;
      for (int i = 0; i < u.length; i++) {
        double v = u[i] - (double) k / n;
        if (v < 0) {
          v += 1;
        }
        folds[k][i] = v < f;
        held += folds[k][i] ? 1 : 0;
      }
      if (held < MIN_VALIDATION_ROWS || u.length - held < MIN_VALIDATION_ROWS) {
        return null;
      }
    }
    return folds;
  }

  /** The per-row number u ∈ [0, 1) of {@link #validationFolds}: a seeded hash of the row. */
  static double[] holdoutHashes(DesignMatrix x, long seed) {
    int m = x.rows();
    int p = x.cols();
    double[] out = new double[m];
    for (int b = 0; b < x.blockCount(); b++) {
      double[] blk = x.block(b);
      int r0 = x.blockStart(b);
      for (int i = 0; i < x.blockSize(b); i++) {
        long h = mix(seed ^ 0x5DEECE66DL);
        for (int j = 0; j < p; j++) {
          h = mix(h ^ Float.floatToIntBits((float) blk[i * p + j] + 0.0f));
        }
        h = mix(h ^ Float.floatToIntBits((float) x.target()[r0 + i] + 0.0f));
        out[r0 + i] = (h >>> 11) / (double) (1L << 53);
      }
    }
    return out;
  }

  /** The splitmix64 finaliser: a cheap hash with good avalanche. */
  private static long mix(long z) {
    z += 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * The held-out error is noisy (tens of rows on typical Weka data) and often pauses before it
   * falls again, so the validation run waits three stagnation windows for a new best. Measured
   * by 10-fold CV, AP-ROM-MBK, RRSE: cpu.with.vendor 7.6 % with one window, 5.6 % with three
   * (5.5 % without validation); cpu 35.0 % and 36.3 % (45.8 % without).
   */
  static final int VALIDATION_PATIENCE_FACTOR = 3;

  /** Fewer held-out rows than this give a validation error too noisy to stop on. */
  static final int MIN_VALIDATION_ROWS = 10;

  static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
