package polynomialnetwork.engine.kernel.vector;

import polynomialnetwork.engine.kernel.PassKernel;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The data-pass inner loops on the JDK Vector API (incubator, JDK 16+): the 4-row × 2-column
 * register block of doc/algorithms.md §9 for t = Bᵀx, and a mul/fma/add tree for the output axpy
 * (one long chain of FMAs into a single accumulator measured slower: each FMA waits for the one
 * before). Loaded by {@code PassKernels} only when {@code jdk.incubator.vector} is present.
 */
public final class VectorPassKernel extends PassKernel {

  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  @Override
  public void project4(double[] blk, int o0, int p, double[][] b, int k, double[] t) {
    int bound = S.loopBound(p);
    int c = 0;
    for (; c + 2 <= k; c += 2) {
      rows4cols2(blk, o0, p, bound, b[c], b[c + 1], t, c, k);
    }
    if (c < k) {
      rows4col1(blk, o0, p, bound, b[c], t, c, k);
    }
  }

  /**
   * The 4-row × 2-column register block of t = Bᵀx: 8 accumulators and 6 loads per step. Kept as
   * a small method of its own, called once per column pair: with the column loop around it in
   * the same method, C2 compiled it about 10-20% slower (DataPassBenchmark, same run).
   */
  private static void rows4cols2(double[] blk, int o0, int p, int bound, double[] u, double[] v,
      double[] t, int c, int k) {
    int o1 = o0 + p;
    int o2 = o1 + p;
    int o3 = o2 + p;
    DoubleVector a0 = DoubleVector.zero(S);
    DoubleVector a1 = a0;
    DoubleVector a2 = a0;
    DoubleVector a3 = a0;
    DoubleVector e0 = a0;
    DoubleVector e1 = a0;
    DoubleVector e2 = a0;
    DoubleVector e3 = a0;
    int j = 0;
    for (; j < bound; j += L) {
      DoubleVector uj = DoubleVector.fromArray(S, u, j);
      DoubleVector vj = DoubleVector.fromArray(S, v, j);
      DoubleVector x0 = DoubleVector.fromArray(S, blk, o0 + j);
      DoubleVector x1 = DoubleVector.fromArray(S, blk, o1 + j);
      DoubleVector x2 = DoubleVector.fromArray(S, blk, o2 + j);
      DoubleVector x3 = DoubleVector.fromArray(S, blk, o3 + j);
      a0 = x0.fma(uj, a0);
      e0 = x0.fma(vj, e0);
      a1 = x1.fma(uj, a1);
      e1 = x1.fma(vj, e1);
      a2 = x2.fma(uj, a2);
      e2 = x2.fma(vj, e2);
      a3 = x3.fma(uj, a3);
      e3 = x3.fma(vj, e3);
    }
    double s0 = a0.reduceLanes(VectorOperators.ADD);
    double s1 = a1.reduceLanes(VectorOperators.ADD);
    double s2 = a2.reduceLanes(VectorOperators.ADD);
    double s3 = a3.reduceLanes(VectorOperators.ADD);
    double r0 = e0.reduceLanes(VectorOperators.ADD);
    double r1 = e1.reduceLanes(VectorOperators.ADD);
    double r2 = e2.reduceLanes(VectorOperators.ADD);
    double r3 = e3.reduceLanes(VectorOperators.ADD);
    for (; j < p; j++) {
      double uj = u[j];
      double vj = v[j];
      s0 += blk[o0 + j] * uj;
      s1 += blk[o1 + j] * uj;
      s2 += blk[o2 + j] * uj;
      s3 += blk[o3 + j] * uj;
      r0 += blk[o0 + j] * vj;
      r1 += blk[o1 + j] * vj;
      r2 += blk[o2 + j] * vj;
      r3 += blk[o3 + j] * vj;
    }
    t[c] = s0;
    t[k + c] = s1;
    t[2 * k + c] = s2;
    t[3 * k + c] = s3;
    t[c + 1] = r0;
    t[k + c + 1] = r1;
    t[2 * k + c + 1] = r2;
    t[3 * k + c + 1] = r3;
  }

  /** The last column when k is odd. */
  private static void rows4col1(double[] blk, int o0, int p, int bound, double[] u, double[] t,
      int c, int k) {
    int o1 = o0 + p;
    int o2 = o1 + p;
    int o3 = o2 + p;
    DoubleVector a0 = DoubleVector.zero(S);
    DoubleVector a1 = a0;
    DoubleVector a2 = a0;
    DoubleVector a3 = a0;
    int j = 0;
    for (; j < bound; j += L) {
      DoubleVector uj = DoubleVector.fromArray(S, u, j);
      a0 = DoubleVector.fromArray(S, blk, o0 + j).fma(uj, a0);
      a1 = DoubleVector.fromArray(S, blk, o1 + j).fma(uj, a1);
      a2 = DoubleVector.fromArray(S, blk, o2 + j).fma(uj, a2);
      a3 = DoubleVector.fromArray(S, blk, o3 + j).fma(uj, a3);
    }
    double s0 = a0.reduceLanes(VectorOperators.ADD);
    double s1 = a1.reduceLanes(VectorOperators.ADD);
    double s2 = a2.reduceLanes(VectorOperators.ADD);
    double s3 = a3.reduceLanes(VectorOperators.ADD);
    for (; j < p; j++) {
      double uj = u[j];
      s0 += blk[o0 + j] * uj;
      s1 += blk[o1 + j] * uj;
      s2 += blk[o2 + j] * uj;
      s3 += blk[o3 + j] * uj;
    }
    t[c] = s0;
    t[k + c] = s1;
    t[2 * k + c] = s2;
    t[3 * k + c] = s3;
  }

  @Override
  public void accumulate4(double[] blk, int o0, int p, int from, double s0, double s1,
      double s2, double s3, double[] z) {
    int o1 = o0 + p;
    int o2 = o1 + p;
    int o3 = o2 + p;
    DoubleVector v0 = DoubleVector.broadcast(S, s0);
    DoubleVector v1 = DoubleVector.broadcast(S, s1);
    DoubleVector v2 = DoubleVector.broadcast(S, s2);
    DoubleVector v3 = DoubleVector.broadcast(S, s3);
    int j = from;
    int bound = from + S.loopBound(p - from);
    for (; j < bound; j += L) {
      DoubleVector a = DoubleVector.fromArray(S, blk, o1 + j)
          .fma(v1, DoubleVector.fromArray(S, blk, o0 + j).mul(v0));
      DoubleVector b = DoubleVector.fromArray(S, blk, o3 + j)
          .fma(v3, DoubleVector.fromArray(S, blk, o2 + j).mul(v2));
      DoubleVector.fromArray(S, z, j).add(a.add(b)).intoArray(z, j);
    }
    for (; j < p; j++) {
      z[j] += (s0 * blk[o0 + j] + s1 * blk[o1 + j]) + (s2 * blk[o2 + j] + s3 * blk[o3 + j]);
    }
  }

  @Override
  public int tileWidth() {
    return 2 * L;
  }

  /** 4 rows × 2 vectors of G in eight vector accumulators; per row 2 loads, 4 broadcasts, 8 FMA. */
  @Override
  public void rankUpdateTile(double[] sa, int aOff, double[] xj, int jOff, int rows, int a0,
      int j0, double[][] g) {
    DoubleVector c00 = DoubleVector.zero(S);
    DoubleVector c01 = c00;
    DoubleVector c10 = c00;
    DoubleVector c11 = c00;
    DoubleVector c20 = c00;
    DoubleVector c21 = c00;
    DoubleVector c30 = c00;
    DoubleVector c31 = c00;
    for (int i = 0; i < rows; i++) {
      int oa = aOff + 4 * i;
      int oj = jOff + 2 * L * i;
      DoubleVector x0 = DoubleVector.fromArray(S, xj, oj);
      DoubleVector x1 = DoubleVector.fromArray(S, xj, oj + L);
      DoubleVector s = DoubleVector.broadcast(S, sa[oa]);
      c00 = x0.fma(s, c00);
      c01 = x1.fma(s, c01);
      s = DoubleVector.broadcast(S, sa[oa + 1]);
      c10 = x0.fma(s, c10);
      c11 = x1.fma(s, c11);
      s = DoubleVector.broadcast(S, sa[oa + 2]);
      c20 = x0.fma(s, c20);
      c21 = x1.fma(s, c21);
      s = DoubleVector.broadcast(S, sa[oa + 3]);
      c30 = x0.fma(s, c30);
      c31 = x1.fma(s, c31);
    }
    if (j0 >= a0 + 3) {
      add(g[a0], j0, c00, c01);
      add(g[a0 + 1], j0, c10, c11);
      add(g[a0 + 2], j0, c20, c21);
      add(g[a0 + 3], j0, c30, c31);
    } else {
      double[][] c = new double[4][2 * L];
      c00.intoArray(c[0], 0);
      c01.intoArray(c[0], L);
      c10.intoArray(c[1], 0);
      c11.intoArray(c[1], L);
      c20.intoArray(c[2], 0);
      c21.intoArray(c[2], L);
      c30.intoArray(c[3], 0);
      c31.intoArray(c[3], L);
      addUpper(g, a0, j0, c);
    }
  }

  private static void add(double[] ga, int j0, DoubleVector lo, DoubleVector hi) {
    DoubleVector.fromArray(S, ga, j0).add(lo).intoArray(ga, j0);
    DoubleVector.fromArray(S, ga, j0 + L).add(hi).intoArray(ga, j0 + L);
  }

  @Override
  public void dot4(double[] blk, int o0, int stride, int from, int to, double[] z,
      double[] out) {
    int o1 = o0 + stride;
    int o2 = o1 + stride;
    int o3 = o2 + stride;
    DoubleVector a0 = DoubleVector.zero(S);
    DoubleVector a1 = a0;
    DoubleVector a2 = a0;
    DoubleVector a3 = a0;
    int j = from;
    int bound = from + S.loopBound(to - from);
    for (; j < bound; j += L) {
      DoubleVector zj = DoubleVector.fromArray(S, z, j);
      a0 = DoubleVector.fromArray(S, blk, o0 + j).fma(zj, a0);
      a1 = DoubleVector.fromArray(S, blk, o1 + j).fma(zj, a1);
      a2 = DoubleVector.fromArray(S, blk, o2 + j).fma(zj, a2);
      a3 = DoubleVector.fromArray(S, blk, o3 + j).fma(zj, a3);
    }
    double r0 = a0.reduceLanes(VectorOperators.ADD);
    double r1 = a1.reduceLanes(VectorOperators.ADD);
    double r2 = a2.reduceLanes(VectorOperators.ADD);
    double r3 = a3.reduceLanes(VectorOperators.ADD);
    for (; j < to; j++) {
      double zj = z[j];
      r0 += blk[o0 + j] * zj;
      r1 += blk[o1 + j] * zj;
      r2 += blk[o2 + j] * zj;
      r3 += blk[o3 + j] * zj;
    }
    out[0] = r0;
    out[1] = r1;
    out[2] = r2;
    out[3] = r3;
  }

  @Override
  public void accumulate4x2(double[] blk, int o0, int p, double s0, double s1, double s2,
      double s3, double[] z, double u0, double u1, double u2, double u3, double[] y) {
    int o1 = o0 + p;
    int o2 = o1 + p;
    int o3 = o2 + p;
    DoubleVector v0 = DoubleVector.broadcast(S, s0);
    DoubleVector v1 = DoubleVector.broadcast(S, s1);
    DoubleVector v2 = DoubleVector.broadcast(S, s2);
    DoubleVector v3 = DoubleVector.broadcast(S, s3);
    DoubleVector w0 = DoubleVector.broadcast(S, u0);
    DoubleVector w1 = DoubleVector.broadcast(S, u1);
    DoubleVector w2 = DoubleVector.broadcast(S, u2);
    DoubleVector w3 = DoubleVector.broadcast(S, u3);
    int j = 0;
    int bound = S.loopBound(p);
    for (; j < bound; j += L) {
      DoubleVector x0 = DoubleVector.fromArray(S, blk, o0 + j);
      DoubleVector x1 = DoubleVector.fromArray(S, blk, o1 + j);
      DoubleVector x2 = DoubleVector.fromArray(S, blk, o2 + j);
      DoubleVector x3 = DoubleVector.fromArray(S, blk, o3 + j);
      DoubleVector a = x1.fma(v1, x0.mul(v0)).add(x3.fma(v3, x2.mul(v2)));
      DoubleVector b = x1.fma(w1, x0.mul(w0)).add(x3.fma(w3, x2.mul(w2)));
      DoubleVector.fromArray(S, z, j).add(a).intoArray(z, j);
      DoubleVector.fromArray(S, y, j).add(b).intoArray(y, j);
    }
    for (; j < p; j++) {
      z[j] += (s0 * blk[o0 + j] + s1 * blk[o1 + j]) + (s2 * blk[o2 + j] + s3 * blk[o3 + j]);
      y[j] += (u0 * blk[o0 + j] + u1 * blk[o1 + j]) + (u2 * blk[o2 + j] + u3 * blk[o3 + j]);
    }
  }

  @Override
  public String name() {
    return "vector-api(" + S.vectorBitSize() + " bit)";
  }
}
