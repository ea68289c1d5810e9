package polynomialnetwork.engine.optimizer;

import polynomialnetwork.engine.linalg.DenseSymmetricMatrix;
import polynomialnetwork.engine.linalg.ExactProjection;
import polynomialnetwork.engine.linalg.FactoredSymmetric;

/**
 * EP-ROM's update (doc/algorithms.md §3, Algorithm 1 with the exact projection): form G
 * explicitly, step L − ηG (plus the previous step under the search rule), and project onto the
 * rank-r matrices by its r leading eigenpairs ({@link ExactProjection}: LAPACK's partial
 * symmetric eigensolver).
 */
final class ExactProjectionUpdate extends LowRankUpdate {

  ExactProjectionUpdate(int p, int rank, SolverSettings settings) {
    super(p, rank, settings);
  }

  @Override
  Move move(Inputs in, StepChooser chooser) {
    FactoredSymmetric l = in.current.interaction;
    DenseSymmetricMatrix gd = ridge > 0 ? PenalizedGradient.explicit(in.gradient, l, ridge)
        : in.gradient.formExplicit();
    StepSize step = step(in, chooser, null, gd);
    DenseSymmetricMatrix dense = DenseSymmetricMatrix.of(l).subtractScaled(step.onL, gd);
    if (step.onPrevious != 0) {
      dense.subtractScaled(-step.onPrevious, DenseSymmetricMatrix.of(l))
          .subtractScaled(step.onPrevious, DenseSymmetricMatrix.of(in.previous.interaction));
    }
    return new Move(ExactProjection.leading(dense, rank), step);
  }

  @Override
  int productColumns() {
    return 0;
  }
}
