package polynomialnetwork.engine.optimizer;

import polynomialnetwork.engine.PlantedProblem;
import polynomialnetwork.engine.data.ThreadedRowBlocks;
import polynomialnetwork.engine.linalg.DenseSymmetricMatrix;
import polynomialnetwork.engine.linalg.ExactProjection;
import polynomialnetwork.engine.linalg.FactoredSymmetric;
import polynomialnetwork.engine.linalg.LinearAlgebraTest;
import polynomialnetwork.engine.linalg.SymmetricOperator;
import polynomialnetwork.engine.objective.LossGradient;
import polynomialnetwork.engine.objective.RowSelection;
import polynomialnetwork.engine.objective.SquaredLoss;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Krylov head against the exact eigendecomposition, and implicit against explicit G. */
class BlockKrylovHeadTest {

  /** G at L = 0 on a planted problem: ≈ −L* plus sampling noise (algorithms.md §2). */
  private static LossGradient gradientAtZero(PlantedProblem pp) {
    // one thread: no pool to close
    return new SquaredLoss(new ThreadedRowBlocks(pp.data, 1)).evaluate(
        FactoredSymmetric.zero(pp.data.cols()), null, 0, RowSelection.ALL, null).gradient;
  }

  /** The head from a start basis of {@code blockSize} columns drawn from {@code rng}. */
  private static BlockKrylovHead.Head head(SymmetricOperator g, int rank, int blockSize,
      int depth, Random rng, double[][] previous) {
    return BlockKrylovHead.compute(g, rank, depth,
        BlockKrylovHead.startBasis(g.dimension(), rank, blockSize, rng, previous), null);
  }

  @Test
  void matrixFreeProductEqualsExplicitMatrix() {
    PlantedProblem pp = PlantedProblem.spec().p(60).r(4).m(3000).noise(0.2).seed(1).build();
    LossGradient g = gradientAtZero(pp);
    DenseSymmetricMatrix dense = g.formExplicit();
    Random rng = new Random(2);
    double[][] b = new double[3][60];
    for (double[] c : b) {
      for (int i = 0; i < 60; i++) {
        c[i] = rng.nextGaussian();
      }
    }
    double[][] implicit = g.apply(b);
    double[][] explicit = dense.apply(b);
    for (int c = 0; c < 3; c++) {
      for (int i = 0; i < 60; i++) {
        assertEquals(explicit[c][i], implicit[c][i], 1e-12 * (1 + Math.abs(explicit[c][i])));
      }
    }
  }

  @Test
  void debiasedGradientAtZeroEstimatesMinusLstar() {
    // Isserlis: E[(xᵀLx) xxᵀ] = 2L + tr(L) I, so E[G(0)] = −L* (algorithms.md §2).
    PlantedProblem pp = PlantedProblem.spec().p(6).r(2).m(400_000).seed(3).build();
    DenseSymmetricMatrix g = gradientAtZero(pp).formExplicit();
    DenseSymmetricMatrix truth = DenseSymmetricMatrix.of(pp.truth);
    double maxErr = 0;
    for (int i = 0; i < 6; i++) {
      for (int j = 0; j < 6; j++) {
        maxErr = Math.max(maxErr, Math.abs(g.get(i, j) + truth.get(i, j)));
      }
    }
    // the reference Monte-Carlo check reports 0.037 on E[(xᵀLx)xxᵀ] at this size; G halves it
    assertTrue(maxErr < 0.03, "max |G + L*| = " + maxErr);
  }

  @Test
  void matrixFreeHeadMatchesExactTopEigenpairsAtP60() {
    PlantedProblem pp = PlantedProblem.spec().p(60).r(4).m(6000).noise(0.05).seed(4).build();
    LossGradient g = gradientAtZero(pp);
    DenseSymmetricMatrix dense = g.formExplicit();
    FactoredSymmetric exact = ExactProjection.leading(dense, 4);
    // default depth q = ⌈ln 60⌉ = 5: eigenvalues to ~1e-8, vectors to ~1e-4 (the gap to the
    // noise bulk is ~5×; eigenvalue errors are quadratic in vector errors)
    int q = BlockKrylovHead.defaultDepth(60);
    assertEquals(5, q);
    BlockKrylovHead.Head mbk = head(g, 4, 4, q, new Random(5), null);
    for (int a = 0; a < 4; a++) {
      assertEquals(exact.values()[a], mbk.projection.values()[a],
          1e-6 * Math.abs(exact.values()[a]));
    }
    assertTrue(mbk.projection.distance(exact) < 1e-3 * exact.frobeniusNorm(),
        "head vs exact: " + mbk.projection.distance(exact));
    assertEquals(4 * (q + 1), mbk.productColumns, "q + 1 products of width k");
    // deeper Krylov: agreement to near machine precision
    BlockKrylovHead.Head deep = head(g, 4, 4, 12, new Random(5), null);
    for (int a = 0; a < 4; a++) {
      assertEquals(exact.values()[a], deep.projection.values()[a],
          1e-12 * Math.abs(exact.values()[a]));
    }
    assertTrue(deep.projection.distance(exact) < 1e-9 * exact.frobeniusNorm(),
        "deep head vs exact: " + deep.projection.distance(exact));
    // the same random start gives the same head on the implicit and explicit operator
    BlockKrylovHead.Head bk = head(dense, 4, 4, q, new Random(5), null);
    assertTrue(mbk.projection.distance(bk.projection) < 1e-10 * exact.frobeniusNorm());
  }

  @Test
  void headOnGenericSpectrumIsNearOptimal() {
    // A random symmetric matrix has no gap: the head is approximate; its captured energy
    // ‖VᵀGV‖_F must still be close to the best rank-r one (the ε-head property, §3.1).
    double[][] a = LinearAlgebraTest.randomSymmetric(200, new Random(6));
    DenseSymmetricMatrix m = new DenseSymmetricMatrix(a);
    FactoredSymmetric exact = ExactProjection.leading(m, 5);
    BlockKrylovHead.Head head = head(m, 5, 5, 6, new Random(7), null);
    double ratio = head.projection.frobeniusNorm() / exact.frobeniusNorm();
    assertTrue(ratio > 0.97 && ratio <= 1 + 1e-12, "captured head energy ratio " + ratio);
  }

  @Test
  void zeroOperatorGivesEmptyHead() {
    DenseSymmetricMatrix z = new DenseSymmetricMatrix(new double[10][10]);
    BlockKrylovHead.Head head = head(z, 3, 3, 4, new Random(1), null);
    assertEquals(0, head.projection.rank());
  }
}
