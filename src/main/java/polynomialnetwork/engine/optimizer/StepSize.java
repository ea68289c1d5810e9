package polynomialnetwork.engine.optimizer;

import polynomialnetwork.engine.linalg.DenseSymmetricMatrix;
import polynomialnetwork.engine.linalg.FactoredSymmetric;
import polynomialnetwork.engine.linalg.Linalg;
import polynomialnetwork.engine.objective.StepModel;

/**
 * Step sizes along the update direction, for the step rules of {@link SolverSettings.StepRule}.
 *
 * <p>The update moves L by −η_L·D and (β, c) by −η_b·(Dβ, Dc). Its effect on the predictions is
 * exactly linear before the tail projection: ŷ ← ŷ − η_L a − η_b b with a = 𝒜(D) and
 * b = X·Dβ + Dc. So the weighted residual after the step is the quadratic
 * ‖d − η_L a − η_b b‖²_w, whose minimiser is the 2×2 least-squares solution; with no linear term
 * it is the closed form η = ⟨d, 𝒜(D)⟩ / ‖𝒜(D)‖² of algorithms.md §4 item 2. It needs no
 * assumption on the distribution of x, which is what rescues the unit step when m is small.
 */
final class StepSize {

  /** η_L. */
  final double onL;
  /** η_b (1 without a linear term). */
  final double onLinear;
  /** η_p, the weight of the previous step (momentum); 0 unless {@link #withMomentum}. */
  final double onPrevious;

  private StepSize(double onL, double onLinear) {
    this(onL, onLinear, 0);
  }

  private StepSize(double onL, double onLinear, double onPrevious) {
    this.onL = onL;
    this.onLinear = onLinear;
    this.onPrevious = onPrevious;
  }

  /**
   * Exact minimisation over three directions: the head step a, the linear step b and the previous
   * step e (whose effect on every prediction is known exactly: the change of the residual between
   * the last two iterates). Minimising over the span of the new gradient direction and the last
   * step is the subspace-minimisation form of conjugate gradients; with the tail projection it is
   * the CGIHT idea of Blanchard, Tanner &amp; Wei (2015). Falls back to {@link #choose} when the
   * 3×3 system is degenerate.
   *
   * @param gram the weighted Gram matrix of (a, e, b, d) over the fit rows ({@code Objective.stepModel})
   * @param linear whether there is a linear step b
   */
  static StepSize withMomentum(double[][] gram, boolean linear, Penalty penalty) {
    int n = linear ? 3 : 2;
    double[][] g = new double[n][n];
    double[] rhs = new double[n];
    for (int r = 0; r < n; r++) {
      rhs[r] = gram[r][StepModel.CURRENT];
      for (int c = 0; c < n; c++) {
        g[r][c] = gram[r][c];
      }
    }
    if (penalty != null) {
      // the directions are indexed here as in Penalty: 0 head, 1 previous step, 2 linear
      for (int r = 0; r < n; r++) {
        rhs[r] += penalty.rhs[r];
        for (int c = 0; c < n; c++) {
          g[r][c] += penalty.gram[r][c];
        }
      }
    }
    // Scale to unit diagonal and add a tiny ridge: the solution then depends continuously on the
    // data (a hard rank cut-off would make rounding-level differences flip the step).
    double[] scale = new double[n];
    for (int r = 0; r < n; r++) {
      scale[r] = g[r][r] > 0 ? 1 / Math.sqrt(g[r][r]) : 0;
    }
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < n; c++) {
        g[r][c] *= scale[r] * scale[c];
      }
      g[r][r] += 1e-10;
      rhs[r] *= scale[r];
    }
    double[] eta = Linalg.pseudoSolve(g, rhs);
    if (eta != null) {
      for (int r = 0; r < n; r++) {
        eta[r] *= scale[r];
      }
    }
    if (eta == null || scale[0] == 0) {
      return choose(SolverSettings.StepRule.LINE_SEARCH, gram, linear, penalty);
    }
    // the previous step enters with a minus sign like the others: L − η_p·(−ΔL)
    return new StepSize(eta[0], n == 3 ? eta[2] : 1.0, -eta[1]);
  }

  /**
   * The ridge term of the step objective. A step moves the parameters θ = (L, β) to
   * θ − Σ_k η_k P_k along the parameter directions P_0 = (D, 0) (head), P_1 = (ΔL, Δβ) (previous
   * step) and P_2 = (0, Dβ) (linear); with the penalty the quantity minimised is
   * Σ_i w_i (d_i − Σ_k η_k f_ki)² + λW ‖θ − Σ_k η_k P_k‖², so the normal equations gain
   * λW⟨P_r, P_k⟩ on the left and λW⟨P_r, θ⟩ on the right. Inner products of factored matrices
   * cost O(p·r²), so the exact search stays free of extra passes.
   */
  static final class Penalty {
    static final int HEAD = 0;
    static final int PREVIOUS = 1;
    static final int LINEAR = 2;
    /** λW⟨P_r, P_k⟩. */
    final double[][] gram = new double[3][3];
    /** λW⟨P_r, θ⟩. */
    final double[] rhs = new double[3];
    /** λW‖θ‖². */
    double parameterNorm;

    /**
     * @param scale λ·W
     * @param headL D (factored, AP-ROM) or null when {@code headDense} is given (EP-ROM)
     * @param l the current L; {@code previousL} the one before (null on the first step)
     */
    Penalty(double scale, FactoredSymmetric headL, DenseSymmetricMatrix headDense,
        double[] headBeta, FactoredSymmetric l, FactoredSymmetric previousL, double[] beta,
        double[] previousBeta) {
      double ll = l.inner(l);
      double dd;
      double dl;
      double dPrev = 0;
      if (headL != null) {
        dd = headL.inner(headL);
        dl = headL.inner(l);
        if (previousL != null) {
          dPrev = headL.inner(previousL);
        }
      } else {
        dd = headDense.frobeniusNormSquared();
        dl = headDense.inner(l);
        if (previousL != null) {
          dPrev = headDense.inner(previousL);
        }
      }
      gram[HEAD][HEAD] = dd;
      rhs[HEAD] = dl;
      parameterNorm = ll;
      if (beta != null) {
        parameterNorm += Linalg.dot(beta, beta);
        gram[LINEAR][LINEAR] = Linalg.dot(headBeta, headBeta);
        rhs[LINEAR] = Linalg.dot(headBeta, beta);
      }
      if (previousL != null) {
        double dist = l.distance(previousL);
        double pp = dist * dist;
        double pl = ll - l.inner(previousL);
        double pb = 0;
        if (beta != null) {
          for (int j = 0; j < beta.length; j++) {
            double delta = beta[j] - previousBeta[j];
            pp += delta * delta;
            pl += delta * beta[j];
            pb += delta * headBeta[j];
          }
        }
        gram[HEAD][PREVIOUS] = dl - dPrev;
        gram[PREVIOUS][PREVIOUS] = pp;
        gram[PREVIOUS][LINEAR] = pb;
        rhs[PREVIOUS] = pl;
      }
      for (int r = 0; r < 3; r++) {
        rhs[r] *= scale;
        for (int c = r; c < 3; c++) {
          gram[r][c] *= scale;
          gram[c][r] = gram[r][c];
        }
      }
      parameterNorm *= scale;
    }
  }

  static StepSize unit() {
    return new StepSize(1, 1);
  }

  /**
   * @param rule the step rule (not UNIT)
   * @param gram the weighted Gram matrix of (a, e, b, d) over the fit rows ({@code Objective.stepModel}),
   *     a the change of 𝒜(L) and b that of the linear part for a unit step, d the residual
   * @param linear whether there is a linear step b
   * @param penalty the ridge term, or null
   */
  static StepSize choose(SolverSettings.StepRule rule, double[][] gram, boolean linear,
      Penalty penalty) {
    double saa = gram[StepModel.HEAD][StepModel.HEAD];
    double sab = linear ? gram[StepModel.HEAD][StepModel.LINEAR] : 0;
    double sbb = linear ? gram[StepModel.LINEAR][StepModel.LINEAR] : 0;
    double sda = gram[StepModel.HEAD][StepModel.CURRENT];
    double sdb = linear ? gram[StepModel.LINEAR][StepModel.CURRENT] : 0;
    double sdd = gram[StepModel.CURRENT][StepModel.CURRENT];
    if (penalty != null) {
      saa += penalty.gram[Penalty.HEAD][Penalty.HEAD];
      sbb += !linear ? 0 : penalty.gram[Penalty.LINEAR][Penalty.LINEAR];
      sda += penalty.rhs[Penalty.HEAD];
      sdb += !linear ? 0 : penalty.rhs[Penalty.LINEAR];
      sdd += penalty.parameterNorm;
    }
    if (rule == SolverSettings.StepRule.SAFEGUARDED) {
      // objective after the unit step: ‖d − a − b‖² (+ the ridge term) expanded; the head and
      // linear parameter directions are orthogonal (L and β), so the penalty adds no cross term.
      double unit = sdd - 2 * (sda + sdb) + saa + 2 * sab + sbb;
      if (unit <= sdd) {
        return unit();
      }
    }
    if (!linear || sbb == 0) {
      return new StepSize(saa > 0 ? sda / saa : 0.0, 1.0);
    }
    if (saa == 0) {
      return new StepSize(0.0, sdb / sbb);
    }
    double det = saa * sbb - sab * sab;
    if (det <= 1e-12 * saa * sbb) {
      // a and b (nearly) parallel: one common step along a + b.
      double s = (sda + sdb) / (saa + 2 * sab + sbb);
      return new StepSize(s, s);
    }
    return new StepSize((sda * sbb - sdb * sab) / det, (sdb * saa - sda * sab) / det);
  }
}
