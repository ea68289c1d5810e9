package polynomialnetwork.engine.linalg;

/** A computation met NaN or an infinity; the solver treats it as divergence. */
public final class NonFiniteException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NonFiniteException(String where) {
    super("Non-finite values in " + where);
  }
}
