package polynomialnetwork.engine.objective;

/**
 * The layout of a step model ({@link Objective#stepModel}): rows and columns of its 4×4 matrix.
 * For the squared loss they are the per-row quantities whose weighted Gram matrix it is: the
 * effect of a unit head step a_i = x_iᵀDx_i, of the previous step e_i, of a unit linear step
 * b_i = Dβᵀx_i + Dc, and the residual d_i.
 */
public final class StepModel {

  public static final int HEAD = 0;
  public static final int PREVIOUS = 1;
  public static final int LINEAR = 2;
  public static final int RESIDUAL = 3;
  /** The matrix is SIZE × SIZE. */
  public static final int SIZE = 4;

  private StepModel() {
  }
}
