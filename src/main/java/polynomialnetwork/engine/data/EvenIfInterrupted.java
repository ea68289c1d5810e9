package polynomialnetwork.engine.data;

import java.util.function.Supplier;

/**
 * Runs a bookkeeping pass that a result cannot do without (the totals an interrupted run still
 * reports its error against, the rows' split, the trained network's ranges) even when the
 * thread has been interrupted: the flag is cleared for that one pass and set again after it.
 */
public final class EvenIfInterrupted {

  private EvenIfInterrupted() {
  }

  /** The pass's result, computed with the interrupt flag cleared; the flag is restored. */
  public static <T> T run(Supplier<T> pass) {
    boolean interrupted = Thread.interrupted();
    try {
      return pass.get();
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
