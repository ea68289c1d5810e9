package polynomialnetwork.spark;

/**
 * Input a user must fix (a path, a column, a value, an option): its message says which and what
 * to do, and TrainOnSpark prints it alone, without a stack trace, and writes no model.
 */
final class BadInputException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  BadInputException(String message) {
    super(message);
  }
}
