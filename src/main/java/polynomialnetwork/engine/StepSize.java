package polynomialnetwork.engine;

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
public final class StepSize {

  /** η_L. */
  public final double onL;
  /** η_b (1 without a linear term). */
  public final double onLinear;

  private StepSize(double onL, double onLinear) {
    this.onL = onL;
    this.onLinear = onLinear;
  }

  public static StepSize unit() {
    return new StepSize(1, 1);
  }

  /**
   * @param d residual per row
   * @param a change of 𝒜(L) per row for a unit step
   * @param b change of the linear part per row for a unit step, or null
   * @param w row weights or null
   * @param batch rows to fit on, or null for all
   * @param rule the step rule (not UNIT)
   */
  public static StepSize choose(SolverSettings.StepRule rule, double[] d, double[] a, double[] b,
      double[] w, boolean[] batch) {
    double saa = 0;
    double sab = 0;
    double sbb = 0;
    double sda = 0;
    double sdb = 0;
    double sdd = 0;
    for (int i = 0; i < d.length; i++) {
      if (batch != null && !batch[i]) {
        continue;
      }
      double wi = w == null ? 1.0 : w[i];
      double ai = a[i];
      double bi = b == null ? 0.0 : b[i];
      saa += wi * ai * ai;
      sab += wi * ai * bi;
      sbb += wi * bi * bi;
      sda += wi * d[i] * ai;
      sdb += wi * d[i] * bi;
      sdd += wi * d[i] * d[i];
    }
    if (rule == SolverSettings.StepRule.SAFEGUARDED) {
      // residual after the unit step: ‖d − a − b‖² expanded.
      double unit = sdd - 2 * (sda + sdb) + saa + 2 * sab + sbb;
      if (unit <= sdd) {
        return unit();
      }
    }
    if (b == null || sbb == 0) {
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
