package polynomialnetwork.engine.kernel;

/**
 * Which {@link PassKernel} the passes run on, and the readers of row groups it uses.
 * {@link #portable()} is plain Java that HotSpot compiles on any JVM ≥ 8; when the JVM runs
 * with {@code --add-modules jdk.incubator.vector}, {@link #best()} is the Vector API kernel
 * instead (compiled separately for Java 17, loaded by name so that this class still loads on
 * Java 8). {@code -Dpolynomialnetwork.kernel=portable} forces the portable one.
 */
public final class PassKernels {

  private static final PassKernel PORTABLE = new PortablePassKernel();
  private static final PassKernel BEST = selectBest();

  private PassKernels() {
  }

  public static PassKernel portable() {
    return PORTABLE;
  }

  /** The fastest kernel this JVM can run. */
  public static PassKernel best() {
    return BEST;
  }

  /** The Vector API kernel, or null when the module is not present. */
  public static PassKernel vector() {
    return BEST == PORTABLE ? loadVector() : BEST;
  }

  /**
   * Whether the passes run on the portable kernel although this Java has the Vector API kernel's
   * module (Java 16 or later) and nobody asked for the portable one: the JVM was started without
   * {@code --add-modules jdk.incubator.vector}, as Weka's launchers start it.
   */
  public static boolean fasterKernelAvailableButOff() {
    if (BEST != PORTABLE || "portable".equals(System.getProperty("polynomialnetwork.kernel"))) {
      return false;
    }
    try { // java.lang.module exists from Java 9; the code runs on Java 8 too
      Class<?> finder = Class.forName("java.lang.module.ModuleFinder");
      Object system = finder.getMethod("ofSystem").invoke(null);
      Object found = finder.getMethod("find", String.class).invoke(system,
          "jdk.incubator.vector");
      return (Boolean) found.getClass().getMethod("isPresent").invoke(found);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  private static PassKernel selectBest() {
    if ("portable".equals(System.getProperty("polynomialnetwork.kernel"))) {
      return PORTABLE;
    }
    PassKernel v = loadVector();
    return v != null ? v : PORTABLE;
  }

  private static PassKernel loadVector() {
    try {
      Class.forName("jdk.incubator.vector.DoubleVector");
      return (PassKernel) Class.forName("polynomialnetwork.engine.kernel.vector.VectorPassKernel")
          .getDeclaredConstructor().newInstance();
    } catch (Throwable e) { // absent module, older JVM (UnsupportedClassVersionError), ...
      return null;
    }
  }

  /** A reader of groups of four rows of blocks with p columns, for {@code kernel}. */
  static RowGroup rowGroup(PassKernel kernel, int p) {
    return kernel.copiesRows() ? new CopiedRowGroup(kernel, p) : new InPlaceRowGroup(kernel, p);
  }
}
