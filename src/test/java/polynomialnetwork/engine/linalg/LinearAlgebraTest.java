package polynomialnetwork.engine.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The small dense pieces: eigensolver, CGS2 orthonormalisation, exact tail, factored distance. */
public class LinearAlgebraTest {

  public static double[][] randomSymmetric(int n, Random rng) {
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        a[i][j] = a[j][i] = rng.nextGaussian();
      }
    }
    return a;
  }

  /** max |A − V diag(λ) Vᵀ| and max |VᵀV − I|. */
  static double[] residuals(double[][] a, Linalg.Eigen e) {
    int n = a.length;
    double rec = 0;
    double orth = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        double o = 0;
        for (int c = 0; c < n; c++) {
          s += e.vectors[i][c] * e.values[c] * e.vectors[j][c];
          o += e.vectors[c][i] * e.vectors[c][j];
        }
        rec = Math.max(rec, Math.abs(s - a[i][j]));
        orth = Math.max(orth, Math.abs(o - (i == j ? 1 : 0)));
      }
    }
    return new double[] {rec, orth};
  }

  @Test
  void eigensolverReconstructsRandomMatrices() {
    Random rng = new Random(1);
    for (int n : new int[] {1, 2, 3, 10, 57, 120}) {
      double[][] a = randomSymmetric(n, rng);
      Linalg.Eigen e = Linalg.symmetricEigen(a);
      double[] r = residuals(a, e);
      assertTrue(r[0] < 1e-12 * n, "n=" + n + " reconstruction " + r[0]);
      assertTrue(r[1] < 1e-13 * n, "n=" + n + " orthogonality " + r[1]);
      for (int c = 1; c < n; c++) {
        assertTrue(Math.abs(e.values[c]) <= Math.abs(e.values[c - 1]), "ordered by |λ|");
      }
    }
  }

  @Test
  void eigensolverHandlesDegenerateMatrices() {
    int n = 40;
    // zero matrix, identity, a rank-2 matrix with a zero diagonal, and tiny + huge scales
    double[][] zero = new double[n][n];
    double[][] eye = new double[n][n];
    double[][] offDiag = new double[n][n];
    double[][] scaled = randomSymmetric(n, new Random(2));
    for (int i = 0; i < n; i++) {
      eye[i][i] = 1;
      if (i + 1 < n) {
        offDiag[i][i + 1] = offDiag[i + 1][i] = (i % 7 == 0) ? 1e-300 : 0.0;
      }
      for (int j = 0; j < n; j++) {
        scaled[i][j] *= (i < n / 2) ? 1e-150 : 1.0;
      }
    }
    for (double[][] a : new double[][][] {zero, eye, offDiag}) {
      double[] r = residuals(a, Linalg.symmetricEigen(a));
      assertTrue(r[0] < 1e-12 && r[1] < 1e-12, r[0] + " " + r[1]);
    }
    Linalg.Eigen e = Linalg.symmetricEigen(scaled);
    assertTrue(residuals(scaled, e)[1] < 1e-12);
  }

  @Test
  void orthonormalizeDropsDependentColumns() {
    Random rng = new Random(3);
    int p = 50;
    double[][] b = new double[3][p];
    for (double[] c : b) {
      for (int i = 0; i < p; i++) {
        c[i] = rng.nextGaussian();
      }
    }
    double[][] extra = {b[0].clone(), new double[p]};
    for (int i = 0; i < p; i++) {
      extra[1][i] = 2 * b[1][i] - b[2][i] + 1e-15 * rng.nextGaussian();
    }
    double[][] q = Linalg.orthonormalize(b, new double[0][], 1e-12);
    assertEquals(3, q.length);
    assertEquals(0, Linalg.orthonormalize(extra, q, 1e-12).length);
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        assertEquals(i == j ? 1 : 0, Linalg.dot(q[i], q[j]), 1e-15);
      }
    }
  }

  private static FactoredSymmetric randomFactored(int p, int r, Random rng) {
    double[][] g = new double[r][p];
    double[] s = new double[r];
    for (int a = 0; a < r; a++) {
      for (int i = 0; i < p; i++) {
        g[a][i] = rng.nextGaussian();
      }
      s[a] = rng.nextGaussian() * 3;
    }
    return new FactoredSymmetric(p, Linalg.orthonormalize(g, new double[0][], 1e-12), s);
  }

  @Test
  void exactTailEqualsDenseBestRankR() {
    Random rng = new Random(4);
    int p = 30;
    int r = 4;
    FactoredSymmetric l = randomFactored(p, r, rng);
    FactoredSymmetric v = randomFactored(p, 3, rng);
    FactoredSymmetric tail = ExactTail.truncate(l, v.vectors(), v.values(), r);
    DenseSymmetricMatrix dense = DenseSymmetricMatrix.of(l);
    dense.subtractScaled(-1.0, DenseSymmetricMatrix.of(v));
    FactoredSymmetric exact = ExactProjection.leading(dense, r);
    assertTrue(tail.distance(exact) < 1e-12 * exact.frobeniusNorm(), "" + tail.distance(exact));
    // U stays orthonormal
    for (int a = 0; a < r; a++) {
      for (int b = 0; b < r; b++) {
        assertEquals(a == b ? 1 : 0, Linalg.dot(tail.vectors()[a], tail.vectors()[b]), 1e-13);
      }
    }
  }

  /** P_T(G) from G·U alone equals (I − P)·G·(I − P) subtracted from G, P = UUᵀ, formed densely. */
  @Test
  void tangentProjectionEqualsDenseFormula() {
    Random rng = new Random(6);
    int p = 25;
    int r = 4;
    double[][] g = randomSymmetric(p, rng);
    double[][] u = randomFactored(p, r, rng).vectors();
    assertTrue(TangentSpace.orthonormal(u));
    FactoredSymmetric pt = TangentSpace.projection(u, new DenseSymmetricMatrix(g).apply(u));
    assertTrue(pt.rank() <= 2 * r);
    // I − P, then G − (I − P) G (I − P) = PG + GP − PGP
    double[][] q = new double[p][p];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        double s = i == j ? 1 : 0;
        for (int a = 0; a < r; a++) {
          s -= u[a][i] * u[a][j];
        }
        q[i][j] = s;
      }
    }
    double[][] dense = DenseSymmetricMatrix.of(pt).rows();
    double worst = 0;
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        double qgq = 0;
        for (int a = 0; a < p; a++) {
          for (int b = 0; b < p; b++) {
            qgq += q[i][a] * g[a][b] * q[b][j];
          }
        }
        worst = Math.max(worst, Math.abs(g[i][j] - qgq - dense[i][j]));
      }
    }
    assertTrue(worst < 1e-12, "" + worst);
    // a matrix already in the tangent space is its own projection
    FactoredSymmetric again = TangentSpace.projection(u, DenseSymmetricMatrix.of(pt).apply(u));
    assertTrue(again.distance(pt) < 1e-12 * pt.frobeniusNorm(), "" + again.distance(pt));
    double[][] skewed = {u[0].clone(), u[1]};
    skewed[0][0] += 1e-3;
    assertTrue(!TangentSpace.orthonormal(skewed));
  }

  @Test
  void exactTailWhenUpdateLiesInsideSpanU() {
    Random rng = new Random(5);
    FactoredSymmetric l = randomFactored(25, 3, rng);
    double[][] v = {l.vectors()[1].clone()};
    FactoredSymmetric tail = ExactTail.truncate(l, v, new double[] {-l.values()[1]}, 3);
    // removing one eigenpair exactly leaves rank 2, with no spurious directions
    assertEquals(2, tail.rank());
    FactoredSymmetric expected = new FactoredSymmetric(25,
        new double[][] {l.vectors()[0], l.vectors()[2]},
        new double[] {l.values()[0], l.values()[2]});
    assertTrue(tail.distance(expected) < 1e-13);
  }

  @Test
  void factoredDistanceIsAccurateBelowSqrtEpsilon() {
    Random rng = new Random(6);
    FactoredSymmetric a = randomFactored(40, 3, rng);
    double[] s = a.values().clone();
    s[0] += 1e-12;
    FactoredSymmetric b = new FactoredSymmetric(40, a.vectors(), s);
    assertEquals(1e-12, a.distance(b), 1e-15);
  }

  /** EP-ROM's partial LAPACK solver (both ends of the spectrum) against the full one. */
  @Test
  void partialEigensolverMatchesFullOne() {
    for (int n : new int[] {1, 2, 7, 60, 150}) {
      Random rng = new Random(n);
      double[][] a = new double[n][n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j <= i; j++) {
          a[i][j] = rng.nextGaussian();
          a[j][i] = a[i][j];
        }
      }
      // a few dominant eigenvalues of both signs, so that both ends of the spectrum are kept
      for (int c = 0; c < Math.min(n, 4); c++) {
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
          u[i] = rng.nextGaussian();
        }
        double s = (c % 2 == 0 ? 3 : -3) * Math.sqrt(n) * (1 + 0.1 * c);
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            a[i][j] += s * u[i] * u[j] / n;
          }
        }
      }
      Linalg.Eigen full = Linalg.symmetricEigen(a);
      for (int r : new int[] {1, 3, 5}) {
        Linalg.Eigen part = LapackEigen.leading(a, r);
        int k = Math.min(r, n);
        assertEquals(k, part.values.length);
        double scale = Math.abs(full.values[0]);
        for (int c = 0; c < k; c++) {
          assertEquals(full.values[c], part.values[c], 1e-12 * scale, "n=" + n + " λ" + c);
          // A v = λ v for the returned vector, and unit norm
          double norm = 0;
          for (int i = 0; i < n; i++) {
            double av = 0;
            for (int j = 0; j < n; j++) {
              av += a[i][j] * part.vectors[j][c];
            }
            assertEquals(part.values[c] * part.vectors[i][c], av, 1e-11 * scale);
            norm += part.vectors[i][c] * part.vectors[i][c];
          }
          assertEquals(1, norm, 1e-12);
        }
      }
    }
  }
}
