package polynomialnetwork.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One fit, from the linear model to the best iterate: Algorithm 1 of doc/algorithms.md §3 (the
 * evaluation at the iterate, the head projection by (M)BK-SVD or the exact projection, the step,
 * the exact tail), with the stopping rules of §4 (tolerance, stagnation, divergence, the
 * iteration budget, held-out patience). {@link RecoverySolver} decides which fits to run
 * (validation runs, the refit on all rows, rank choice) and keeps the better of the result and
 * the linear model.
 */
final class SolverRun {

  final RowBlocks blocks;
  final SolverSettings settings;
  final int p;
  final int rank;
  final int blockSize;
  final int depth;
  final Random rng;
  final int batches;
  /** λ of the ridge penalty (SolverSettings.ridge). */
  final double ridge;
  /** The rows fitted on and held out (never fitted on). */
  final RowSelection holdout;

  SolverRun(RowBlocks blocks, SolverSettings settings, RowSelection holdout) {
    this.holdout = holdout;
    this.ridge = settings.ridge();
    this.blocks = blocks;
    this.settings = settings;
    this.p = blocks.cols();
    this.rank = Math.min(settings.rank(), p);
    this.blockSize = settings.blockSize() > 0 ? settings.blockSize() : rank;
    this.depth = settings.krylovDepth() > 0 ? settings.krylovDepth()
        : BlockKrylovHead.defaultDepth(p);
    this.rng = new Random(settings.seed());
    this.batches = (int) Math.max(1, Math.min(settings.freshSamplingBatches(),
        blocks.rows()));
  }

  FitResult iterate() {
    long start = System.nanoTime();
    List<FitResult.IterationRecord> trace = new ArrayList<>();
    TargetTotals totals = RecoverySolver.evenIfInterrupted(() -> TargetTotals.of(blocks, holdout));
    double yNorm = Math.sqrt(totals.fittedSquares);
    double totalWeight = totals.fittedWeight;
    double validWeight = totals.heldOutWeight;
    boolean validating = holdout.holdsOut();
    FactoredSymmetric l = FactoredSymmetric.zero(p);
    double[] beta = settings.fitLinear() ? new double[p] : null;
    double c = 0;
    if (!(yNorm > 0) || !(totalWeight > 0)) {
      trace.add(new FitResult.IterationRecord(0, 0, 0, Double.NaN, Double.NaN, 0, 0));
      return new FitResult(l, beta, c, trace, FitResult.StopReason.ZERO_TARGET, 0, 0,
          RecoverySolver.seconds(start));
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
    FitResult.StopReason reason = FitResult.StopReason.MAX_ITERATIONS;
    int t = 0;
    try {
      for (;; t++) {
        if (Thread.currentThread().isInterrupted()) {
          reason = FitResult.StopReason.INTERRUPTED;
          break;
        }
        RowSelection batch = holdout.inBatch(batches, t);
        DebiasedGradient.Evaluation ev = DebiasedGradient.evaluate(blocks, l, beta, c, batch);
        double fitted = ev.fittedSquaredResidual;
        double rel = Math.sqrt(fitted) / yNorm;
        double rmse = Math.sqrt(fitted / totalWeight);
        double validRmse = !validating ? Double.NaN
            : Math.sqrt(ev.heldOutSquaredResidual / validWeight);
        FitResult.IterationRecord rec = new FitResult.IterationRecord(t, rel, rmse, stepL,
            beta == null ? Double.NaN : stepB, RecoverySolver.seconds(start), products, validRmse);
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
            : Math.sqrt(fitted + ridge * totalWeight * RecoverySolver.parameterNormSquared(l, beta)) / yNorm;
        double score = !validating ? objective : validRmse;
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
        if (validating
            && t - bestIter >= RecoverySolver.VALIDATION_PATIENCE_FACTOR * settings.stagnationPatience()) {
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
        boolean momentum = rule == SolverSettings.StepRule.MOMENTUM && prevL != null;
        if (rule == SolverSettings.StepRule.MOMENTUM && !momentum) {
          rule = SolverSettings.StepRule.SAFEGUARDED;
        }
        StepSize step;
        FactoredSymmetric next;
        if (settings.method() == SolverSettings.Method.EP_ROM) {
          DenseSymmetricMatrix gd = ridge > 0 ? PenalizedGradient.explicit(g, l, ridge)
              : g.formExplicit();
          StepSize.Penalty penalty = rule == SolverSettings.StepRule.UNIT || ridge == 0 ? null
              : new StepSize.Penalty(ridge * g.batchWeight(), null, gd, dBeta, l,
                  momentum ? prevL : null, beta, prevBeta);
          step = rule == SolverSettings.StepRule.UNIT ? StepSize.unit()
              : chooseStep(rule, momentum,
                  new StepGram(null, gd, dBeta, dC, momentum, batch), penalty);
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
            op = ridge > 0 ? PenalizedGradient.explicit(g, l, ridge) : g.formExplicit();
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
            StepSize.Penalty penalty = ridge == 0 ? null
                : new StepSize.Penalty(ridge * g.batchWeight(), dir, null, dBeta, l,
                    momentum ? prevL : null, beta, prevBeta);
            step = chooseStep(rule, momentum,
                new StepGram(dir, null, dBeta, dC, momentum, batch), penalty);
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
        l = next;
        beta = nextBeta;
        c = nextC;
        if (settings.refitCore()) {
          CoreRefit.Refit refit = CoreRefit.refit(blocks, l, beta, c, holdout);
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
      double validRmse = !validating ? Double.NaN
          : Math.sqrt(totals.heldOutSquares / validWeight);
      trace.add(new FitResult.IterationRecord(0, 1.0, yNorm / Math.sqrt(totalWeight),
          Double.NaN, Double.NaN, RecoverySolver.seconds(start), 0, validRmse));
    }
    return new FitResult(bestL, bestBeta, bestC, trace, reason, t, bestIter, RecoverySolver.seconds(start));
  }

  StepSize chooseStep(SolverSettings.StepRule rule, boolean momentum, StepGram pass,
      StepSize.Penalty penalty) {
    double[][] gram = StepGram.of(blocks, pass);
    boolean linear = settings.fitLinear();
    return momentum ? StepSize.withMomentum(gram, linear, penalty)
        : StepSize.choose(rule, gram, linear, penalty);
  }

  private static double[] scaled(double[] v, double f) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] * f;
    }
    return out;
  }
}
