package polynomialnetwork.engine.kernel;

/**
 * A {@link RowGroup} read where it is, through the offset-based loops of its
 * {@link PassKernel} (the Vector API kernel: explicit SIMD code needs no rearranged rows).
 */
final class InPlaceRowGroup extends RowGroup {

  private final PassKernel kernel;
  private double[] blk;
  private int o;

  InPlaceRowGroup(PassKernel kernel, int p) {
    super(p);
    this.kernel = kernel;
  }

  @Override
  public void load(double[] blk, int o) {
    this.blk = blk;
    this.o = o;
  }

  @Override
  public void project(double[][] b, int k, double[] t) {
    kernel.project4(blk, o, p, b, k, t);
  }

  @Override
  public void accumulate2(double s0, double s1, double s2, double s3, double[] z, double u0,
      double u1, double u2, double u3, double[] y) {
    kernel.accumulate4x2(blk, o, p, s0, s1, s2, s3, z, u0, u1, u2, u3, y);
  }

  @Override
  public void accumulate(double s0, double s1, double s2, double s3, double[] z) {
    kernel.accumulate4(blk, o, p, 0, s0, s1, s2, s3, z);
  }
}
