package polynomialnetwork.engine.data;

/** Thrown inside a data pass when the training thread was interrupted; the solver catches it. */
public final class SolverInterruptedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SolverInterruptedException() {
    super("Training was interrupted.");
  }
}
