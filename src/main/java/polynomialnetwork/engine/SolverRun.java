package polynomialnetwork.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One fit, from the zero model to the best iterate: the loop of Algorithm 1 (doc/algorithms.md
 * §3). Each iteration evaluates the residual and the gradient at the iterate (one pass), asks
 * the {@link StoppingRules} whether to stop, and otherwise lets the {@link LowRankUpdate} move L
 * while the linear part takes its moment-matched step (§5). {@link RecoverySolver} decides which
 * fits to run.
 */
final class SolverRun {

  private final RowBlocks blocks;
  private final SolverSettings settings;
  private final int p;
  private final int batches;
  /** λ of the ridge penalty (SolverSettings.ridge). */
  private final double ridge;
  /** The rows fitted on and held out (never fitted on). */
  private final RowSelection holdout;
  private final LowRankUpdate update;
  /** The last step's sizes on L and on the linear part, for the trace (NaN before the first). */
  private double lastStepL = Double.NaN;
  private double lastStepB = Double.NaN;
  /** W of the last evaluation (0 before the first): the fused product's scale (§10). */
  private double lastBatchWeight;

  SolverRun(RowBlocks blocks, SolverSettings settings, RowSelection holdout) {
    this.holdout = holdout;
    this.ridge = settings.ridge();
    this.blocks = blocks;
    this.settings = settings;
    this.p = blocks.cols();
    this.batches = (int) Math.max(1, Math.min(settings.freshSamplingBatches(), blocks.rows()));
    this.update = LowRankUpdate.of(settings, p, Math.min(settings.rank(), p),
        new Random(settings.seed()), blocks.cheapStateUpdates());
  }

  FitResult iterate() {
    long start = System.nanoTime();
    List<FitResult.IterationRecord> trace = new ArrayList<>();
    TargetTotals totals = RecoverySolver.evenIfInterrupted(() -> TargetTotals.of(blocks, holdout));
    double yNorm = Math.sqrt(totals.fittedSquares);
    double totalWeight = totals.fittedWeight;
    double validWeight = totals.heldOutWeight;
    boolean validating = holdout.holdsOut();
    Iterate x = Iterate.zero(p, settings.fitLinear());
    if (!(yNorm > 0) || !(totalWeight > 0)) {
      trace.add(new FitResult.IterationRecord(0, 0, 0, Double.NaN, Double.NaN, 0, 0));
      return new FitResult(x.interaction, x.linear, x.bias, trace,
          FitResult.StopReason.ZERO_TARGET, 0, 0, RecoverySolver.seconds(start));
    }
    StoppingRules rules = new StoppingRules(settings, validating, x);
    Iterate previous = null;
    int products = 0;
    FitResult.StopReason reason = FitResult.StopReason.MAX_ITERATIONS;
    int t = 0;
    try {
      for (;; t++) {
        if (Thread.currentThread().isInterrupted()) {
          reason = FitResult.StopReason.INTERRUPTED;
          break;
        }
        RowSelection batch = holdout.inBatch(batches, t);
        // the head's start block is known now, so its product with G rides on the evaluation
        // pass (doc/algorithms.md §10): one read of the rows instead of two
        double[][] startBlock = update.startBlock();
        boolean sameRowsAsBefore = batches <= 1 && lastBatchWeight > 0;
        DebiasedGradient.Evaluation ev = DebiasedGradient.evaluate(blocks, x.interaction,
            x.linear, x.bias, batch,
            update.productsPassOverRows() && sameRowsAsBefore ? startBlock : null,
            lastBatchWeight, update.startBlockProjections());
        lastBatchWeight = ev.gradient.batchWeight();
        double fitted = ev.fittedSquaredResidual;
        double rel = Math.sqrt(fitted) / yNorm;
        double validRmse = !validating ? Double.NaN
            : Math.sqrt(ev.heldOutSquaredResidual / validWeight);
        FitResult.IterationRecord rec = new FitResult.IterationRecord(t, rel,
            Math.sqrt(fitted / totalWeight), lastStepL, x.linear == null ? Double.NaN : lastStepB,
            RecoverySolver.seconds(start), products, validRmse);
        trace.add(rec);
        if (settings.listener() != null) {
          settings.listener().iterationDone(rec);
        }
        // With a ridge penalty the quantity minimised is the penalised objective, so that is
        // what the best iterate, stagnation and divergence are judged by (= rel when λ = 0).
        double objective = ridge == 0 ? rel
            : Math.sqrt(fitted + ridge * totalWeight
                * PenalizedGradient.parameterNormSquared(x.interaction, x.linear)) / yNorm;
        FitResult.StopReason stop = rules.afterEvaluation(t, x, rel, objective, validRmse);
        if (stop != null) {
          reason = stop;
          break;
        }
        Iterate next = step(ev.gradient, x, previous, batch);
        previous = x;
        x = next;
        products = update.productColumns();
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
    Iterate best = rules.best();
    return new FitResult(best.interaction, best.linear, best.bias, trace, reason, t,
        rules.bestIteration(), RecoverySolver.seconds(start));
  }

  /** One update of L (by the update rule) and of β and c (§5), from x. */
  private Iterate step(DebiasedGradient g, Iterate x, Iterate previous, RowSelection batch) {
    double[] dBeta = x.linear == null ? null : g.linearDirection();
    double dC = x.linear == null ? 0.0 : g.constantDirection();
    if (ridge > 0 && x.linear != null) {
      // the plain gradients of (1/2W)Σ w d² + (λ/2)‖β‖² in β and c (see PenalizedGradient)
      dBeta = dBeta.clone();
      Linalg.axpy(ridge, x.linear, dBeta);
      dC = g.meanResidual();
    }
    SolverSettings.StepRule rule = settings.stepRule();
    boolean momentum = rule == SolverSettings.StepRule.SEARCH && previous != null;
    SolverSettings.StepRule ruleNow = rule == SolverSettings.StepRule.SEARCH && !momentum
        ? SolverSettings.StepRule.SAFEGUARDED : rule;
    LowRankUpdate.Move move = update.move(
        new LowRankUpdate.Inputs(g, x, previous, momentum, dBeta, dC, batch),
        (pass, penalty) -> {
          double[][] gram = StepGram.of(blocks, pass);
          return momentum ? StepSize.withMomentum(gram, settings.fitLinear(), penalty)
              : StepSize.choose(ruleNow, gram, settings.fitLinear(), penalty);
        });
    Iterate next = x.withLinearStep(move.next, move.step, dBeta, dC, previous);
    if (settings.refitCore()) {
      CoreRefit.Refit refit = CoreRefit.refit(blocks, next.interaction, next.linear, next.bias,
          holdout);
      if (refit != null) {
        next = new Iterate(refit.interaction, next.linear, refit.bias);
      }
    }
    lastStepL = move.step.onL;
    lastStepB = move.step.onLinear;
    return next;
  }
}
