package polynomialnetwork.engine.kernel;

/**
 * What a fused pass ({@link FusedRowPass}) does with one row, between its two halves.
 *
 * <p>The pass computes, for each row x_i, the k projections t = Bᵀx_i; hands them to
 * {@link #row}; and then adds x_i·s_c into output column c for each of the coefficients s the
 * kernel wrote. Everything AP-ROM needs from the data is of this shape: the residual
 * 𝒜(L) + Xβ + c − y and the β-gradient Xᵀ(w∘d) (t = [Uᵀx, βᵀx], s = w_i d_i), the Krylov
 * product G·B (t = Bᵀx, s = w_i d_i t / 2W), the step search's inner products (no output).
 */
public interface RowKernel {

  /**
   * @param i row index within the block
   * @param t the k projections of row i, at {@code t[tOff .. tOff+k)}
   * @param s where to write the output coefficients of row i, at {@code s[sOff ..)}
   *     (pre-zeroed; leave zero to skip the row's contribution)
   * @param scalars the pass's scalar accumulators
   */
  void row(int i, double[] t, int tOff, double[] s, int sOff, double[] scalars);
}
