package polynomialnetwork.engine.optimizer;

import polynomialnetwork.engine.linalg.DenseSymmetricMatrix;
import polynomialnetwork.engine.linalg.FactoredSymmetric;
import polynomialnetwork.engine.linalg.Linalg;
import polynomialnetwork.engine.linalg.SymmetricOperator;
import polynomialnetwork.engine.objective.LossGradient;

/**
 * The L-direction of the ridge-penalised problem: half its gradient,
 * (1/2W) Σ w_i d_i x_i x_iᵀ + (λ/2)·L = G + (Σ w d / 2W)·I + (λ/2)·L, applied matrix-free.
 *
 * <p>With a penalty the debiased G is the wrong direction: its correction −(Σ w d / 2W)·I makes
 * L − G unbiased for Gaussian x (which the unit step needs), but then the fixed point of the
 * iteration is not the minimiser of the penalised objective. The exact step search needs no
 * unbiasedness, so the penalised solver follows the plain gradient (and the plain gradient in
 * c, the mean residual) and converges to a stationary point of
 * (1/2W) Σ w d² + (λ/2)(‖L‖_F² + ‖β‖²) over rank(L) ≤ r. L is factored, so the extra product
 * (λ/2)·U diag(s) UᵀB costs O(p·r·k) and the head stays matrix-free.
 */
final class PenalizedGradient implements SymmetricOperator {

  private final LossGradient gradient;
  private final FactoredSymmetric l;
  private final double halfRidge;

  PenalizedGradient(LossGradient gradient, FactoredSymmetric l, double ridge) {
    this.gradient = gradient;
    this.l = l;
    this.halfRidge = ridge / 2;
  }

  /** The same operator as an explicit matrix (EP-ROM, BK-SVD): O(m·p²). */
  static DenseSymmetricMatrix explicit(LossGradient g, FactoredSymmetric l, double ridge) {
    DenseSymmetricMatrix m = g.formExplicit();
    m.subtractScaled(-ridge / 2, DenseSymmetricMatrix.of(l));
    double shift = g.identityShift();
    for (int i = 0; i < m.dimension(); i++) {
      m.rows()[i][i] += shift;
    }
    return m;
  }

  @Override
  public int dimension() {
    return gradient.dimension();
  }

  @Override
  public double[][] apply(double[][] columns) {
    return completeProduct(gradient.apply(columns), columns);
  }

  /** This operator's product with {@code columns}, given G·columns (added into, and returned). */
  double[][] completeProduct(double[][] out, double[][] columns) {
    double shift = gradient.identityShift();
    double[][] u = l.vectors();
    double[] s = l.values();
    for (int c = 0; c < columns.length; c++) {
      Linalg.axpy(shift, columns[c], out[c]);
      for (int a = 0; a < s.length; a++) {
        double f = halfRidge * s[a] * Linalg.dot(u[a], columns[c]);
        if (f != 0) {
          Linalg.axpy(f, u[a], out[c]);
        }
      }
    }
    return out;
  }
}
