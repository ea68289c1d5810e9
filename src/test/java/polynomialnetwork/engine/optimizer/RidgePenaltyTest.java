package polynomialnetwork.engine.optimizer;

import polynomialnetwork.engine.InMemoryFit;
import polynomialnetwork.engine.PlantedProblem;
import polynomialnetwork.engine.data.DesignMatrix;
import polynomialnetwork.engine.linalg.DenseSymmetricMatrix;
import polynomialnetwork.engine.objective.LossScale;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The ridge penalty (SolverSettings.ridge) against its closed form: with r = p there is no rank
 * constraint, and min (1/2W) Σ w (xᵀLx + βᵀx + c − y)² + (λ/2)(‖L‖_F² + ‖β‖²) is a linear least
 * squares problem in (vech L, β, c), solved here by its normal equations.
 */
class RidgePenaltyTest {

  @ParameterizedTest
  @EnumSource(SolverSettings.Method.class)
  void fullRankRidgeFitMatchesTheNormalEquations(SolverSettings.Method method) {
    int p = 4;
    int m = 400;
    double lambda = 0.1;
    Random rng = new Random(3);
    double[][] lTrue = {{1, 0.5, 0, 0}, {0.5, -1, 0, 0.3}, {0, 0, 0.5, 0}, {0, 0.3, 0, 0}};
    DesignMatrix.Builder b = new DesignMatrix.Builder(p, m);
    double[][] rows = new double[m][];
    double[] y = new double[m];
    double[] w = new double[m];
    for (int i = 0; i < m; i++) {
      double[] x = new double[p];
      for (int j = 0; j < p; j++) {
        x[j] = rng.nextGaussian();
      }
      double v = 0.7 * x[0] - 0.2 * x[3] + 0.4 + 0.5 * rng.nextGaussian();
      for (int a = 0; a < p; a++) {
        for (int c = 0; c < p; c++) {
          v += x[a] * lTrue[a][c] * x[c];
        }
      }
      rows[i] = x;
      y[i] = v;
      w[i] = 0.5 + rng.nextDouble();
      b.addRow(x, v, w[i]);
    }
    DesignMatrix data = b.build(true);
    FitResult fit = InMemoryFit.fit(data, PlantedProblem.singleRun().method(method)
        .rank(p).ridge(lambda).tolerance(0).maxIterations(400).seed(1));

    // reference: features 2 x_a x_b (a < b), x_a² (a = b), x, 1; penalty weights 2, 1, 1, 0
    int q = p * (p + 1) / 2 + p + 1;
    double[][] gram = new double[q][q];
    double[] rhs = new double[q];
    double sw = 0;
    for (int i = 0; i < m; i++) {
      double[] f = features(rows[i]);
      sw += w[i];
      for (int r = 0; r < q; r++) {
        rhs[r] += w[i] * f[r] * y[i];
        for (int c = 0; c < q; c++) {
          gram[r][c] += w[i] * f[r] * f[c];
        }
      }
    }
    int k = 0;
    for (int a = 0; a < p; a++) {
      for (int c = a; c < p; c++) {
        gram[k][k] += sw * lambda * (a == c ? 1 : 2);
        k++;
      }
    }
    for (int j = 0; j < p; j++) {
      gram[k + j][k + j] += sw * lambda;
    }
    double[] theta = solve(gram, rhs);

    double[][] l = DenseSymmetricMatrix.of(fit.interaction()).rows();
    double err = 0;
    double norm = 0;
    k = 0;
    for (int a = 0; a < p; a++) {
      for (int c = a; c < p; c++) {
        err += Math.pow(l[a][c] - theta[k], 2);
        norm += theta[k] * theta[k];
        k++;
      }
    }
    double[] beta = fit.linearTerm();
    for (int j = 0; j < p; j++) {
      err += Math.pow(beta[j] - theta[k + j], 2);
      norm += theta[k + j] * theta[k + j];
    }
    err += Math.pow(fit.bias() - theta[q - 1], 2);
    norm += theta[q - 1] * theta[q - 1];
    double rel = Math.sqrt(err / norm);
    assertTrue(rel < 1e-6, method + ": relative distance to the ridge solution " + rel + " ("
        + fit.stopReason() + " after " + fit.iterations() + " iterations)");
    // and the penalty did shrink: the unpenalised fit is further from zero
    FitResult plain = InMemoryFit.fit(data, PlantedProblem.singleRun().method(method)
        .rank(p).tolerance(0).maxIterations(400).seed(1));
    assertTrue(LossScale.parameterNormSquared(plain.interaction(), plain.linearTerm())
        > LossScale.parameterNormSquared(fit.interaction(), fit.linearTerm()));
  }

  private static double[] features(double[] x) {
    int p = x.length;
    double[] f = new double[p * (p + 1) / 2 + p + 1];
    int k = 0;
    for (int a = 0; a < p; a++) {
      for (int c = a; c < p; c++) {
        f[k++] = (a == c ? 1 : 2) * x[a] * x[c];
      }
    }
    for (int j = 0; j < p; j++) {
      f[k++] = x[j];
    }
    f[k] = 1;
    return f;
  }

  /** Gaussian elimination with partial pivoting (the system is small and well conditioned). */
  private static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][];
    for (int i = 0; i < n; i++) {
      m[i] = java.util.Arrays.copyOf(a[i], n + 1);
      m[i][n] = b[i];
    }
    for (int c = 0; c < n; c++) {
      int piv = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) {
          piv = r;
        }
      }
      double[] t = m[c];
      m[c] = m[piv];
      m[piv] = t;
      for (int r = c + 1; r < n; r++) {
        double f = m[r][c] / m[c][c];
        for (int k = c; k <= n; k++) {
          m[r][k] -= f * m[c][k];
        }
      }
    }
    double[] x = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double s = m[r][n];
      for (int k = r + 1; k < n; k++) {
        s -= m[r][k] * x[k];
      }
      x[r] = s / m[r][r];
    }
    return x;
  }
}
