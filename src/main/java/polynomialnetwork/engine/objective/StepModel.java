package polynomialnetwork.engine.objective;

/**
 * The layout of a step model ({@link Objective#stepModel}): rows and columns of its 4×4 matrix
 * M. Indices {@link #HEAD}, {@link #PREVIOUS}, {@link #LINEAR} are the step's directions;
 * {@link #CURRENT} is the current point: M[CURRENT][CURRENT] is the loss there, M[k][CURRENT] the
 * loss's slope along direction k (with the sign of the model in {@link Objective#stepModel}),
 * and rows and columns of a direction the update does not have are 0. For the squared loss M is
 * the weighted Gram matrix of the per-row effects of a unit head step a_i = x_iᵀDx_i, of the
 * previous step e_i = d_i − d_i(previous), of a unit linear step b_i = Dβᵀx_i + Dc, and of the
 * residual d_i.
 */
public final class StepModel {

  public static final int HEAD = 0;
  public static final int PREVIOUS = 1;
  public static final int LINEAR = 2;
  public static final int CURRENT = 3;
  /** The matrix is SIZE × SIZE. */
  public static final int SIZE = 4;

  private StepModel() {
  }
}
