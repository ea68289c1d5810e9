package polynomialnetwork.engine.linalg;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import no.uib.cipr.matrix.DenseMatrix;
import no.uib.cipr.matrix.SymmDenseEVD;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * Time and accuracy of the p×p symmetric eigendecomposition: the hand-written Householder + QL
 * (SymmetricEigensolver), commons-math3 EigenDecomposition, MTJ SymmDenseEVD (LAPACK dsyevr
 * through netlib-java), and the partial solver of LapackEigen (top r by |λ|). The matrix is
 * L − G as in EP-ROM: a planted rank-5 part plus a symmetric Gaussian noise matrix.
 * Run with {@code scripts/eigen-timing.sh [p ...]}; one thread; min and median of the repeats.
 */
public final class EigenTiming {

  public static void main(String[] args) throws Exception {
    int[] sizes = args.length == 0 ? new int[] {100, 400, 800, 1600}
        : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    int r = 5;
    System.out.println("java " + System.getProperty("java.version") + ", LAPACK "
        + com.github.fommil.netlib.LAPACK.getInstance().getClass().getSimpleName());
    System.out.println("| p | solver | min ms | median ms | reps | ‖AV−VΛ‖_F/‖A‖_F | max|VᵀV−I| |"
        + " max|λ−λ_ref|/‖A‖₂ (top r) |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    for (int p : sizes) {
      double[][] a = matrix(p, Math.min(r, p), new Random(p));
      int reps = p <= 50 ? 2000 : p <= 100 ? 20 : p <= 400 ? 5 : p <= 800 ? 3 : 2;
      Linalg.Eigen ref = null;
      String[] names = {"hand-written tred2/tql2", "commons-math3 EigenDecomposition",
          "MTJ SymmDenseEVD (dsyevr, all)",
          "LapackEigen.leading (dsytrd+dstemr, top r)"};
      for (int s = 0; s < names.length; s++) {
        // warm-up on a small matrix so the first timed call is not interpreted code
        for (int w = 0; w < 200; w++) {
          run(s, matrix(Math.min(p, 60), r, new Random(1)), r);
        }
        double[] t = new double[reps];
        Linalg.Eigen e = null;
        for (int k = 0; k < reps; k++) {
          long t0 = System.nanoTime();
          e = run(s, a, r);
          t[k] = (System.nanoTime() - t0) * 1e-6;
        }
        if (s == 0) {
          ref = e;
        }
        Arrays.sort(t);
        double top = Math.abs(ref.values[0]);
        double dl = 0;
        for (int c = 0; c < Math.min(r, p); c++) {
          dl = Math.max(dl, Math.abs(e.values[c] - ref.values[c]) / top);
        }
        System.out.println(String.format(Locale.ROOT, "| %d | %s | %.4g | %.4g | %d | %.1e | %.1e | %.1e |",
            p, names[s], t[0], t[reps / 2], reps, residual(a, e), orthogonality(e), dl));
      }
    }
  }

  static Linalg.Eigen run(int solver, double[][] a, int r) throws Exception {
    int n = a.length;
    switch (solver) {
      case 0:
        return Linalg.symmetricEigen(a);
      case 1: {
        EigenDecomposition ed = new EigenDecomposition(new Array2DRowRealMatrix(a, false));
        double[] v = ed.getRealEigenvalues();
        double[][] vec = ed.getV().getData();
        return sort(v, vec);
      }
      case 2: {
        SymmDenseEVD evd = SymmDenseEVD.factorize(new DenseMatrix(a));
        DenseMatrix z = evd.getEigenvectors();
        double[][] vec = new double[n][n];
        for (int i = 0; i < n; i++) {
          for (int c = 0; c < n; c++) {
            vec[i][c] = z.get(i, c);
          }
        }
        return sort(evd.getEigenvalues(), vec);
      }
      default:
        return LapackEigen.leading(a, r);
    }
  }

  static Linalg.Eigen sort(double[] w, double[][] vec) {
    int n = w.length;
    Integer[] o = new Integer[n];
    for (int i = 0; i < n; i++) {
      o[i] = i;
    }
    Arrays.sort(o, (x, y) -> Double.compare(Math.abs(w[y]), Math.abs(w[x])));
    double[] vals = new double[n];
    double[][] v = new double[vec.length][n];
    for (int c = 0; c < n; c++) {
      vals[c] = w[o[c]];
      for (int i = 0; i < vec.length; i++) {
        v[i][c] = vec[i][o[c]];
      }
    }
    return new Linalg.Eigen(vals, v);
  }

  static double[][] matrix(int p, int r, Random rng) {
    double[][] a = new double[p][p];
    double noise = 1.0 / Math.sqrt(p);
    for (int i = 0; i < p; i++) {
      for (int j = 0; j <= i; j++) {
        double v = noise * rng.nextGaussian();
        a[i][j] = v;
        a[j][i] = v;
      }
    }
    for (int c = 0; c < r; c++) {
      double[] u = new double[p];
      for (int i = 0; i < p; i++) {
        u[i] = rng.nextGaussian() / Math.sqrt(p);
      }
      double s = (c % 2 == 0 ? 1 : -1) * (5 + c);
      for (int i = 0; i < p; i++) {
        for (int j = 0; j < p; j++) {
          a[i][j] += s * u[i] * u[j];
        }
      }
    }
    return a;
  }

  static double residual(double[][] a, Linalg.Eigen e) {
    int n = a.length;
    int k = e.values.length;
    double num = 0;
    double den = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        den += a[i][j] * a[i][j];
      }
    }
    double[] col = new double[n];
    for (int c = 0; c < k; c++) {
      for (int i = 0; i < n; i++) {
        col[i] = e.vectors[i][c];
      }
      for (int i = 0; i < n; i++) {
        double d = Linalg.dot(a[i], col) - e.values[c] * col[i];
        num += d * d;
      }
    }
    return Math.sqrt(num / den);
  }

  static double orthogonality(Linalg.Eigen e) {
    int n = e.vectors.length;
    int k = e.values.length;
    double worst = 0;
    double[][] cols = new double[k][n];
    for (int c = 0; c < k; c++) {
      for (int i = 0; i < n; i++) {
        cols[c][i] = e.vectors[i][c];
      }
    }
    for (int x = 0; x < k; x++) {
      for (int y = x; y < k; y++) {
        worst = Math.max(worst, Math.abs(Linalg.dot(cols[x], cols[y]) - (x == y ? 1 : 0)));
      }
    }
    return worst;
  }
}
