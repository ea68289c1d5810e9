package polynomialnetwork.engine.optimizer;

import polynomialnetwork.engine.data.EvenIfInterrupted;
import polynomialnetwork.engine.data.SolverInterruptedException;
import polynomialnetwork.engine.linalg.Linalg;
import polynomialnetwork.engine.linalg.NonFiniteException;
import polynomialnetwork.engine.objective.CoreFit;
import polynomialnetwork.engine.objective.LossEvaluation;
import polynomialnetwork.engine.objective.LossGradient;
import polynomialnetwork.engine.objective.LossScale;
import polynomialnetwork.engine.objective.Objective;
import polynomialnetwork.engine.objective.RowSelection;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One fit, from the zero model to the best iterate: the loop of Algorithm 1 (doc/algorithms.md
 * §3). Each iteration asks the objective to evaluate the iterate (one pass), asks the
 * {@link StoppingRules} whether to stop, and otherwise lets the {@link LowRankUpdate} move L
 * while the linear part takes its moment-matched step (§5). The first iterations run on nested
 * samples of the rows ({@link RowSamples}, §3.10), the loop on all rows starting from where they
 * left off. {@link ValidatedFit} decides which runs to make.
 */
final class SolverRun {

  private final Objective objective;
  private final SolverSettings settings;
  private final int p;
  private final int batches;
  /** λ of the ridge penalty (SolverSettings.ridge). */
  private final double ridge;
  /** The rows fitted on and held out (never fitted on). */
  private final RowSelection holdout;
  private final LowRankUpdate update;
  private final RowSamples samples;
  /** The records of the iterations on samples, and the best iterate they reached. */
  private final List<FitResult.IterationRecord> sampledTrace = new ArrayList<>();
  private Iterate sampledBest;
  /** The last step's sizes on L and on the linear part, for the trace (NaN before the first). */
  private double lastStepL = Double.NaN;
  private double lastStepB = Double.NaN;
  /** The lowest objective (the one the solver minimises) after each evaluation of this run. */
  private final List<Double> bestSoFar = new ArrayList<>();

  /**
   * A level of the sampled start ends when its best objective fell by less than this fraction
   * per update over the last {@link #LEVEL_WINDOW} updates (doc/algorithms.md §3.10). Far from
   * the sample's optimum a tangent step on 5·p·r rows lowers the relative residual by about
   * 35 % (planted p = 200, r = 5: 43 iterations from 1 to 1e-8); near it, by the little the
   * sample has left to give. Over two updates, because single tangent steps of a converging
   * run gain less than 20 % now and then (planted p = 200: 0.000603 to 0.000386, then 0.000138):
   * judged on one update, such a level ended early and the fit on all rows took more
   * iterations than without samples.
   */
  static final double LEVEL_PROGRESS = 0.2;
  static final int LEVEL_WINDOW = 2;

  /** A run whose iterations all run on all rows. */
  SolverRun(Objective objective, SolverSettings settings, RowSelection holdout) {
    this(objective, settings, holdout, null);
  }

  /** A run whose first iterations run on {@code samples} (null: none). */
  SolverRun(Objective objective, SolverSettings settings, RowSelection holdout,
      RowSamples samples) {
    this.holdout = holdout;
    this.samples = samples;
    this.ridge = settings.ridge();
    this.objective = objective;
    this.settings = settings;
    this.p = objective.dimension();
    this.batches = (int) Math.max(1, Math.min(settings.freshSamplingBatches(), objective.rows()));
    int rank = Math.min(settings.rank(), p);
    this.update = settings.method() == SolverSettings.Method.EP_ROM
        ? new ExactProjectionUpdate(p, rank, settings)
        : new HeadTailUpdate(p, rank, settings, new Random(settings.seed()));
  }

  /** Runs the loop and returns the best iterate with the trace. */
  FitResult run() {
    long start = System.nanoTime();
    List<FitResult.IterationRecord> trace = new ArrayList<>();
    if (batches > 1) {
      // fresh sampling draws each iteration's rows by their split numbers
      objective.splitRows(settings.seed(), 0, 1);
    }
    LossScale scale = objective.startRun(holdout);
    boolean validating = holdout.holdsOut();
    Iterate x = Iterate.zero(p, objective.linearDimension(), settings.fitLinear());
    if (scale.degenerate()) {
      trace.add(new FitResult.IterationRecord(0, 0, 0, Double.NaN, Double.NaN, 0, 0));
      return new FitResult(x.interaction, x.linear, x.bias, trace,
          FitResult.StopReason.ZERO_TARGET, 0, 0, seconds(start), sampledTrace);
    }
    try {
      x = sampledStart(x);
    } catch (SolverInterruptedException e) {
      Thread.currentThread().interrupt();
      return interruptedOnSamples(scale, start);
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
        // the basis the update will multiply the gradient by first is known now, so the
        // objective may compute that product in the evaluation's own pass (doc/algorithms.md §10)
        double[][] planned = update.plannedBasis(x.interaction);
        LossEvaluation ev = objective.evaluate(x.interaction, x.linear, x.bias, batch, planned);
        double rel = scale.relative(ev.fittedLoss);
        double validError = !validating ? Double.NaN : scale.heldOutError(ev.heldOutLoss);
        FitResult.IterationRecord rec = new FitResult.IterationRecord(t, rel,
            scale.fittedError(ev.fittedLoss), lastStepL,
            x.linear == null ? Double.NaN : lastStepB, seconds(start), products, validError);
        record(trace, rec);
        double penalized = minimised(scale, ev, x);
        FitResult.StopReason stop = rules.afterEvaluation(t, x, rel, penalized, validError);
        if (stop != null) {
          reason = stop;
          break;
        }
        double best = t == 0 ? penalized : Math.min(bestSoFar.get(t - 1), penalized);
        bestSoFar.add(best);
        boolean slow = t >= LowRankUpdate.SLOW_WINDOW
            && best * LowRankUpdate.SLOW_FACTOR > bestSoFar.get(t - LowRankUpdate.SLOW_WINDOW);
        Iterate next = step(objective, ev.gradient, x, previous, batch, slow);
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
    if (trace.isEmpty() && !sampledTrace.isEmpty()) {
      // interrupted between the samples and the first evaluation on all rows
      return interruptedOnSamples(scale, start);
    }
    if (trace.isEmpty()) {
      // interrupted before the first evaluation: the result is the zero model (relative error 1),
      // so that every result has at least one record
      double validError = !validating ? Double.NaN : scale.zeroHeldOutError();
      trace.add(new FitResult.IterationRecord(0, 1.0, scale.zeroFittedError(), Double.NaN,
          Double.NaN, seconds(start), 0, validError));
    }
    Iterate best = rules.best();
    return new FitResult(best.interaction, best.linear, best.bias, trace, reason, t,
        rules.bestIteration(), seconds(start), sampledTrace);
  }

  /**
   * The iterations on samples (doc/algorithms.md §3.10): from x, on each level of
   * {@link RowSamples} from the run's first, the unchanged iteration on the level's rows (the
   * same rows held out) until the level stops paying: its best objective fell by less than
   * {@link #LEVEL_PROGRESS} per update over the last {@link #LEVEL_WINDOW} updates, which is
   * where the sample's own optimum, not the iterate, limits the progress; then the next, twice
   * as large level starts from the level's best iterate. Two things end the sampled start
   * early: a level fitted to the tolerance (the sample is explained exactly, so are all rows,
   * or the first evaluation on them says otherwise), and a level after the first that does not
   * pay from its start (the iterate is already as good as a sample twice as large can tell —
   * on noisy data once the samples hold many times p·r rows — and larger ones will say the
   * same, each for the price of building it and a few iterations).
   *
   * @return the iterate the iterations on all rows start from: the last level's best (x when
   *     there are no samples), or x when an iterate on a sample stopped being finite
   * @throws SolverInterruptedException when interrupted ({@link #sampledBest} holds the best
   *     iterate so far)
   */
  private Iterate sampledStart(Iterate x) {
    sampledBest = x;
    int level = samples == null ? -1 : samples.firstLevel(Math.min(settings.rank(), p));
    int levelsRun = 0;
    long start = System.nanoTime();
    try {
      for (; level >= 0 && sampledTrace.size() < samples.iterationCap(); level--) {
        Objective rows = samples.level(level);
        if (rows == null) {
          return sampledBest;
        }
        LossScale scale = rows.startRun(holdout);
        if (scale.degenerate()) {
          continue;
        }
        levelsRun++;
        // the level's best objective after each of its evaluations
        List<Double> levelBest = new ArrayList<>();
        Iterate at = sampledBest;
        Iterate previous = null;
        while (sampledTrace.size() < samples.iterationCap()) {
          if (Thread.currentThread().isInterrupted()) {
            throw new SolverInterruptedException();
          }
          LossEvaluation ev = rows.evaluate(at.interaction, at.linear, at.bias, holdout,
              update.plannedBasis(at.interaction));
          double rel = scale.relative(ev.fittedLoss);
          double objectiveNow = minimised(scale, ev, at);
          FitResult.IterationRecord rec = new FitResult.IterationRecord(sampledTrace.size(),
              rel, scale.fittedError(ev.fittedLoss), lastStepL,
              at.linear == null ? Double.NaN : lastStepB, seconds(start), update.productColumns(),
              Double.NaN, RowSamples.fraction(level));
          record(sampledTrace, rec);
          if (!Double.isFinite(objectiveNow)) {
            return x;
          }
          int n = levelBest.size();
          if (n == 0 || objectiveNow < levelBest.get(n - 1)) {
            sampledBest = at;
          }
          levelBest.add(n == 0 ? objectiveNow : Math.min(objectiveNow, levelBest.get(n - 1)));
          if (rel <= settings.tolerance()) {
            return sampledBest;
          }
          if (n >= LEVEL_WINDOW && levelBest.get(n)
              > Math.pow(1 - LEVEL_PROGRESS, LEVEL_WINDOW) * levelBest.get(n - LEVEL_WINDOW)) {
            if (n == LEVEL_WINDOW && levelsRun > 1) {
              // the level never paid: the last level's iterate is already as good as this
              // larger sample can tell, and so it will be for the larger ones
              return sampledBest;
            }
            break;
          }
          Iterate next = step(rows, ev.gradient, at, previous, holdout, false);
          previous = at;
          at = next;
        }
      }
      return sampledBest;
    } catch (NonFiniteException e) {
      return x;
    }
  }

  /**
   * The result of a run interrupted on samples: their best iterate, evaluated on the run's rows
   * (one pass, even though interrupted) so that its record says what it fits.
   */
  private FitResult interruptedOnSamples(LossScale scale, long start) {
    Iterate x = sampledBest;
    LossEvaluation ev = EvenIfInterrupted.run(
        () -> objective.evaluate(x.interaction, x.linear, x.bias, holdout, null));
    List<FitResult.IterationRecord> trace = new ArrayList<>();
    trace.add(new FitResult.IterationRecord(0, scale.relative(ev.fittedLoss),
        scale.fittedError(ev.fittedLoss), Double.NaN, Double.NaN, seconds(start), 0,
        holdout.holdsOut() ? scale.heldOutError(ev.heldOutLoss) : Double.NaN));
    return new FitResult(x.interaction, x.linear, x.bias, trace,
        FitResult.StopReason.INTERRUPTED, 0, 0, seconds(start), sampledTrace);
  }

  /** Adds the record to the trace and tells the listener. */
  private void record(List<FitResult.IterationRecord> to, FitResult.IterationRecord rec) {
    to.add(rec);
    if (settings.listener() != null) {
      settings.listener().iterationDone(rec);
    }
  }

  /**
   * The relative objective the run minimises at x: with a ridge penalty the penalised one, which
   * the best iterate, stagnation, divergence and the sample levels are judged by (the relative
   * error when λ = 0).
   */
  private double minimised(LossScale scale, LossEvaluation ev, Iterate x) {
    return ridge == 0 ? scale.relative(ev.fittedLoss)
        : scale.relative(ev.fittedLoss + scale.penalty(ridge, x.interaction, x.linear));
  }

  /** One update of L (by the update rule) and of β and c (§5), from x, on the rows of {@code on}. */
  private Iterate step(Objective on, LossGradient g, Iterate x, Iterate previous,
      RowSelection batch, boolean slow) {
    double[] dBeta = x.linear == null ? null : g.linearDirection();
    double dC = x.linear == null ? 0.0 : g.constantDirection();
    if (ridge > 0 && x.linear != null) {
      // the plain gradients of the loss + (λ/2)‖β‖² in β and c (see PenalizedGradient)
      dBeta = dBeta.clone();
      Linalg.axpy(ridge, x.linear, dBeta);
      dC = g.plainConstantGradient();
    }
    SolverSettings.StepRule rule = settings.stepRule();
    boolean momentum = rule == SolverSettings.StepRule.SEARCH && previous != null;
    SolverSettings.StepRule ruleNow = rule == SolverSettings.StepRule.SEARCH && !momentum
        ? SolverSettings.StepRule.SAFEGUARDED : rule;
    LowRankUpdate.Move move = update.move(
        new LowRankUpdate.Inputs(g, x, previous, momentum, dBeta, dC, slow),
        (direction, penalty) -> {
          double[][] model = on.stepModel(direction, batch);
          return momentum ? StepSize.withMomentum(model, settings.fitLinear(), penalty)
              : StepSize.choose(ruleNow, model, settings.fitLinear(), penalty);
        });
    Iterate next = x.withLinearStep(move.next, move.step, dBeta, dC, previous);
    if (settings.refitCore()) {
      CoreFit refit = on.refitCore(next.interaction, next.linear, next.bias, holdout);
      if (refit != null) {
        next = new Iterate(refit.interaction, next.linear, refit.bias);
      }
    }
    lastStepL = move.step.onL;
    lastStepB = move.step.onLinear;
    return next;
  }

  static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
