package polynomialnetwork.spark.ml;

/**
 * The uid of a stage under construction. Spark's params traits make their params (labelCol,
 * featuresCol, ...) in the superclass's constructor, which asks the stage for its uid before a
 * Java subclass has set any field: a constructor hands the uid over here first (in the argument
 * of its {@code this(...)} call, which runs before the superclass's constructor), and the stage's
 * {@code uid()} reads it until its own field is set.
 */
final class PendingUid {

  private static final ThreadLocal<String> PENDING = new ThreadLocal<>();

  private final String uid;

  private PendingUid(String uid) {
    this.uid = uid;
  }

  /** Holds {@code uid} for the constructor about to run on this thread. */
  static PendingUid of(String uid) {
    PENDING.set(uid);
    return new PendingUid(uid);
  }

  /** The uid being constructed on this thread. */
  static String current() {
    return PENDING.get();
  }

  /** The uid, no longer pending once the stage has it. */
  String take() {
    PENDING.remove();
    return uid;
  }
}
