/*
 *   This program is free software: you can redistribute it and/or modify
 *   it under the terms of the GNU General Public License as published by
 *   the Free Software Foundation, either version 3 of the License, or
 *   (at your option) any later version.
 *
 *   This program is distributed in the hope that it will be useful,
 *   but WITHOUT ANY WARRANTY; without even the implied warranty of
 *   MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 *   GNU General Public License for more details.
 *
 *   You should have received a copy of the GNU General Public License
 *   along with this program.  If not, see <http://www.gnu.org/licenses/>.
 */

/*
 *    PolynomialNetwork.java
 */

package weka.classifiers.functions;

import polynomialnetwork.engine.PredictionBounds;
import polynomialnetwork.engine.PredictionSettings;
import polynomialnetwork.engine.QuadraticNetwork;
import polynomialnetwork.engine.Standardization;
import polynomialnetwork.engine.TrainedNetwork;
import polynomialnetwork.engine.data.DesignMatrix;
import polynomialnetwork.engine.data.RowBlocks;
import polynomialnetwork.engine.data.ThreadedRowBlocks;
import polynomialnetwork.engine.objective.SquaredLoss;
import polynomialnetwork.engine.optimizer.FitResult;
import polynomialnetwork.engine.optimizer.RecoverySolver;
import polynomialnetwork.engine.optimizer.SolverSettings;
import polynomialnetwork.engine.optimizer.SolverSettings.Method;
import polynomialnetwork.engine.optimizer.SolverSettings.StepRule;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Vector;

import polynomialnetwork.weka.InstancesConverter;
import polynomialnetwork.weka.NetworkReport;
import polynomialnetwork.weka.NominalClassModel;
import polynomialnetwork.weka.OptionText;
import weka.classifiers.RandomizableClassifier;
import weka.core.AdditionalMeasureProducer;
import weka.core.Capabilities;
import weka.core.Capabilities.Capability;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Option;
import weka.core.RevisionUtils;
import weka.core.SelectedTag;
import weka.core.Tag;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformation.Field;
import weka.core.TechnicalInformation.Type;
import weka.core.TechnicalInformationHandler;
import weka.core.Utils;
import weka.core.WeightedInstancesHandler;

/**
 <!-- globalinfo-start -->
 * Regression with a two-layer network with quadratic activation, y = sum_j alpha_j (w_j . x)^2 + beta . x + c, trained by low-rank matrix recovery (EP-ROM, or AP-ROM with a block Krylov head) of L = sum_j alpha_j w_j w_j^T; for a nominal class, classification with the same network as the log-odds (two classes) or one such network per class under a softmax, fitted by the log-loss. Nominal attributes become indicator columns, missing values are replaced by means, inputs (and a numeric class) are standardized, and the model output shows alpha and W named by attribute.<br>
 * <br>
 * For more information see:<br>
 * <br>
 * Mohammadreza Soltani, Chinmay Hegde: Towards Provable Learning of Polynomial Neural Networks Using Low-Rank Matrix Estimation. In: Proceedings of the 21st International Conference on Artificial Intelligence and Statistics (AISTATS), 1417-1426, 2018.<br>
 * <br>
 * Mohammadreza Soltani, Chinmay Hegde (2019). Fast and Provable Algorithms for Learning Two-Layer Polynomial Neural Networks. IEEE Transactions on Signal Processing. 67(13):3361-3371.<br>
 * <br>
 * Cameron Musco, Christopher Musco: Randomized Block Krylov Methods for Stronger and Faster Approximate Singular Value Decomposition. In: Advances in Neural Information Processing Systems 28 (NIPS 2015), 1396-1404, 2015.
 * <br><br>
 <!-- globalinfo-end -->
 *
 <!-- technical-bibtex-start -->
 * BibTeX:
 * <pre>
 * &#64;inproceedings{Soltani2018,
 *    author = {Mohammadreza Soltani and Chinmay Hegde},
 *    booktitle = {Proceedings of the 21st International Conference on Artificial Intelligence and Statistics (AISTATS)},
 *    pages = {1417-1426},
 *    series = {PMLR},
 *    title = {Towards Provable Learning of Polynomial Neural Networks Using Low-Rank Matrix Estimation},
 *    volume = {84},
 *    year = {2018}
 * }
 * 
 * &#64;article{Soltani2019,
 *    author = {Mohammadreza Soltani and Chinmay Hegde},
 *    journal = {IEEE Transactions on Signal Processing},
 *    number = {13},
 *    pages = {3361-3371},
 *    title = {Fast and Provable Algorithms for Learning Two-Layer Polynomial Neural Networks},
 *    volume = {67},
 *    year = {2019}
 * }
 * 
 * &#64;inproceedings{Musco2015,
 *    author = {Cameron Musco and Christopher Musco},
 *    booktitle = {Advances in Neural Information Processing Systems 28 (NIPS 2015)},
 *    pages = {1396-1404},
 *    title = {Randomized Block Krylov Methods for Stronger and Faster Approximate Singular Value Decomposition},
 *    year = {2015}
 * }
 * </pre>
 * <br><br>
 <!-- technical-bibtex-end -->
 *
 <!-- options-start -->
 * Valid options are: <p>
 * 
 * <pre> -N &lt;int&gt;
 *  Number of hidden units r (the rank of L = sum_j alpha_j w_j
 *  w_j^T), capped at the number of input columns; 0 chooses r
 *  automatically (1 to 10) by the error on held-out instances: the
 *  smallest r within 1 % of the best.
 *  (default 3)</pre>
 * 
 * <pre> -solver &lt;EP-ROM|AP-ROM-BK|AP-ROM-MBK&gt;
 *  EP-ROM: exact projection onto the r leading eigenpairs of the p x
 *  p gradient step (O(m p^2 + p^3) per iteration); AP-ROM-BK: rank-r
 *  head of the explicit gradient by block Krylov SVD; AP-ROM-MBK:
 *  the same head matrix-free, never forming the gradient (for large
 *  p).
 *  (default AP-ROM-MBK)</pre>
 * 
 * <pre> -step &lt;unit|search&gt;
 *  unit: the papers' step size 1 (fast, but can diverge on few or
 *  non-Gaussian samples; numeric class only); search: exact
 *  minimisation of the training residual (log-loss for a nominal
 *  class) over the new step and the previous one (a
 *  conjugate-gradient-like step; never diverges).
 *  (default search)</pre>
 * 
 * <pre> -I &lt;int&gt;
 *  Maximum number of iterations (at least 1); the best iterate seen
 *  is returned.
 *  (default 100)</pre>
 * 
 * <pre> -tol &lt;double&gt;
 *  Stop when the relative training residual ||d||/||y|| of the
 *  standardized class (for a nominal class: the training log-loss
 *  relative to the uniform guess's) falls to this value (a finite
 *  number &gt;= 0).
 *  (default 1.0E-8)</pre>
 * 
 * <pre> -block-size &lt;int&gt;
 *  Block size k of the Krylov head of AP-ROM (0 = automatic, k = r;
 *  values below r are raised to r). Ignored by EP-ROM.
 *  (default 0)</pre>
 * 
 * <pre> -krylov-iters &lt;int&gt;
 *  Number of Krylov iterations q of the head of AP-ROM (0 =
 *  automatic, max(2, ceil(ln p))). Ignored by EP-ROM.
 *  (default 0)</pre>
 * 
 * <pre> -head-steps &lt;int&gt;
 *  Number of iterations at the start of a fit that move the network
 *  along the Krylov head of the gradient (AP-ROM's step); later
 *  iterations move it along the gradient's projection onto the
 *  tangent space at the current network, which needs one product
 *  with the gradient instead of q + 1 and fewer iterations, with a
 *  head step again when progress is slow. 0 = a head step every
 *  iteration (AP-ROM as published). Ignored by EP-ROM.
 *  (default 1)</pre>
 * 
 * <pre> -fresh-sampling
 *  Fresh sampling as in the papers' analysis: the training instances
 *  are split into disjoint batches, max(2, min(maxIterations, m /
 *  (10 p r))) of them, and each iteration uses the next batch.</pre>
 * 
 * <pre> -no-sampled-start
 *  If set, every iteration reads all training instances. By default,
 *  on data with at least max(20 p r, 8000) instances, the first
 *  iterations of each fit run on a seeded sample of max(5 p r, 2000)
 *  of them (at least 1/64, at most 1/4), which doubles whenever an
 *  iteration stops paying on it, and the fit then goes on from there
 *  on all instances with every safeguard. On noiseless planted data
 *  that reads the data a third (m = 10^4) to three quarters (m =
 *  10^5) less; with noise the saving is smaller, and the model as
 *  accurate. Without effect with -fresh-sampling.</pre>
 * 
 * <pre> -no-linear
 *  If set, fit only the quadratic part: no linear term beta and no
 *  bias c (the class mean is still added back). For a nominal class
 *  with two values the score f has neither; with three or more each
 *  class score keeps its bias (the class priors) but no linear term.</pre>
 * 
 * <pre> -validation &lt;fraction&gt;
 *  Fraction of the training instances held out (seeded) to choose
 *  the number of iterations: the fit stops where the error on them
 *  (the log-loss for a nominal class) is lowest, then the model is
 *  refitted on all instances for that many iterations. Guards
 *  against overfitting small or noisy data; 0 switches it off.
 *  Ignored when fewer than 10 instances would be held out.
 *  (default 0.2)</pre>
 * 
 * <pre> -validation-runs &lt;int&gt;
 *  Number of validation runs (1 to 100) the number of iterations is
 *  chosen from: run k holds out its own fraction of the instances
 *  (-validation), and the iteration count is where the mean error on
 *  the held-out instances is lowest. With fraction 0.2 and 5 runs
 *  this is 5-fold cross-validation; 1 is a single held-out split
 *  (cheaper: 2 fits instead of 6).
 *  (default 5)</pre>
 * 
 * <pre> -ridge &lt;lambda&gt;
 *  Ridge penalty lambda on the network: the solver minimises (1/2W)
 *  sum_i w_i d_i^2 + (lambda/2)(||L||_F^2 + ||beta||^2) on the
 *  standardized data (the bias is not penalised). Larger values
 *  shrink the hidden units and the linear term towards zero, which
 *  steadies the model on small or noisy data; 0 is the papers' least
 *  squares. For a nominal class the same penalty is added to the
 *  log-loss (2 sum_i w_i log-loss_i in place of sum_i w_i d_i^2),
 *  and a large value shrinks the probabilities towards the class
 *  priors.
 *  (default 0.0)</pre>
 * 
 * <pre> -activation-margin &lt;fraction&gt;
 *  Each hidden unit's input w_j.z is clamped to the range it takes
 *  on the training instances, widened by this fraction of that range
 *  on each side, so a unit's contribution alpha_j (w_j.z)^2 never
 *  exceeds what it was on the training data; the linear term is not
 *  clamped. Predictions on the training instances are unchanged. A
 *  negative value turns clamping off (the pure quadratic).
 *  (default 0.1)</pre>
 * 
 * <pre> -clip &lt;margin&gt;
 *  Predictions are clipped to [min - margin * range, max + margin *
 *  range] of the training class values, so that points far outside
 *  the training inputs cannot get absurd predictions from the
 *  quadratic terms. A negative margin turns clipping off. Numeric
 *  class only (a nominal class predicts probabilities).
 *  (default 0.5)</pre>
 * 
 * <pre> -num-threads &lt;int&gt;
 *  Number of threads for the passes over the data (0 = all available
 *  cores). Results agree across thread counts to rounding (about
 *  1e-12 relative; up to 1e-10 when r exceeds the rank the data
 *  support).
 *  (default 0)</pre>
 * 
 * <pre> -S &lt;int&gt;
 *  Seed of the random starting blocks of the Krylov head and of the
 *  split of the instances for validation and fresh sampling.
 *  (default 1)</pre>
 * 
 * <pre> -output-debug-info
 *  If set, classifier is run in debug mode and
 *  may output additional info to the console</pre>
 * 
 * <pre> -do-not-check-capabilities
 *  If set, classifier capabilities are not checked before classifier is built
 *  (use with caution).</pre>
 * 
 * <pre> -num-decimal-places
 *  The number of decimal places for the output of numbers in the model (default 2).</pre>
 * 
 * <pre> -batch-size
 *  The desired batch size for batch prediction  (default 100).</pre>
 * 
 <!-- options-end -->
 */
public class PolynomialNetwork extends RandomizableClassifier implements
  TechnicalInformationHandler, WeightedInstancesHandler, AdditionalMeasureProducer,
  polynomialnetwork.weka.DrawableNetwork {

  private static final long serialVersionUID = -4417024316853398211L;

  /** Solver: exact projection (the r leading eigenpairs of the gradient step). */
  public static final int SOLVER_EP_ROM = Method.EP_ROM.ordinal();
  /** Solver: approximate projection, head by BK-SVD on the explicit gradient. */
  public static final int SOLVER_AP_ROM_BK = Method.AP_ROM_BK.ordinal();
  /** Solver: approximate projection, head by matrix-free MBK-SVD. */
  public static final int SOLVER_AP_ROM_MBK = Method.AP_ROM_MBK.ordinal();

  /** The solvers, as shown on the command line ({@code -solver}) and in the GUI. */
  public static final Tag[] TAGS_SOLVER = {
    new Tag(SOLVER_EP_ROM, Method.EP_ROM.displayName(),
      "EP-ROM (exact projection, r leading eigenpairs)", false),
    new Tag(SOLVER_AP_ROM_BK, Method.AP_ROM_BK.displayName(),
      "AP-ROM-BK (approximate projection, block Krylov on the explicit gradient)", false),
    new Tag(SOLVER_AP_ROM_MBK, Method.AP_ROM_MBK.displayName(),
      "AP-ROM-MBK (approximate projection, matrix-free block Krylov)", false) };

  /** Step rule: the papers' unit step. */
  public static final int STEP_UNIT = 0;
  /** Step rule: the exact search over the new and the previous step. */
  public static final int STEP_SEARCH = 1;

  /** The step rules, as shown on the command line ({@code -step}) and in the GUI. */
  public static final Tag[] TAGS_STEP = {
    new Tag(STEP_UNIT, "unit", "unit (the papers' step 1)", false),
    new Tag(STEP_SEARCH, "search",
      "search (exact line search over the new and the previous step)", false) };

  /** The engine's step rule of each {@code -step} tag, indexed by tag ID. */
  private static final StepRule[] STEP_RULES = {StepRule.UNIT, StepRule.SEARCH};

  /** The defaults and validity of every option (the only place they are defined). */
  private static final SolverSettings DEFAULTS = SolverSettings.DEFAULTS;
  private static final PredictionSettings PREDICTION_DEFAULTS = PredictionSettings.DEFAULTS;

  // ---- options
  protected int m_NumHiddenUnits = DEFAULTS.rank();
  protected int m_Solver = DEFAULTS.method().ordinal();
  protected int m_Step = java.util.Arrays.asList(STEP_RULES).indexOf(DEFAULTS.stepRule());
  protected int m_MaxIterations = DEFAULTS.maxIterations();
  protected double m_Tolerance = DEFAULTS.tolerance();
  protected int m_BlockSize = DEFAULTS.blockSize();
  protected int m_KrylovIterations = DEFAULTS.krylovDepth();
  protected int m_HeadSteps = DEFAULTS.headSteps();
  protected boolean m_FreshSampling = DEFAULTS.freshSamplingBatches() > 1;
  protected boolean m_NoLinear = !DEFAULTS.fitLinear();
  protected boolean m_NoSampledStart = !DEFAULTS.sampledStart();
  protected int m_NumThreads = DEFAULTS.threads();
  protected double m_ValidationFraction = DEFAULTS.validationFraction();

  /** Number of validation runs the iteration count is chosen from. */
  protected int m_ValidationRuns = DEFAULTS.validationRuns();

  /** Margin of the hidden units' activation ranges; negative = no clamping. */
  protected double m_ActivationMargin = PREDICTION_DEFAULTS.activationMargin();

  /**
   * Serialized-form version: 0 in models saved by 0.1.0 (the field did not exist), 2 since the
   * options -validation-runs, -ridge and -activation-margin were added.
   */
  protected int m_FormatVersion = 2;
  protected double m_ClipMargin = PREDICTION_DEFAULTS.clipMargin();

  /** Ridge penalty λ on L and β. */
  protected double m_Ridge = DEFAULTS.ridge();

  // ---- the model (plain, serializable)
  /** Input transformation fitted on the training data; null before training. */
  protected InstancesConverter m_Converter;
  /** Network on standardized inputs; null for a constant model. */
  protected QuadraticNetwork m_Network;
  /** How the fit went; null for a constant model. */
  protected NetworkReport.FitSummary m_Summary;
  /** Why the model is constant (no rows, no inputs, zero total weight). */
  protected String m_ConstantReason;
  /** Smallest and largest training class value (for clipping); NaN before training. */
  protected double m_ClassMin = Double.NaN;
  protected double m_ClassMax = Double.NaN;
  /** With -N 0: best held-out RMSE (standardized class) of each rank tried; else null. */
  protected double[] m_RankScores;
  /** Training RMSE per iteration (for the picture); null before training or for a constant model. */
  protected polynomialnetwork.weka.TrainingCurve m_TrainingCurve;

  /** A sentence about the training data from a trainer outside Weka, or null. */
  protected String m_TrainingDataNote;
  /** The classifier of a nominal class; null for a numeric class and before training. */
  protected NominalClassModel m_NominalModel;

  /** Where iterations are reported while training; not part of the model. */
  private transient SolverSettings.IterationListener m_IterationListener;

  /**
   * Runs the classifier from the command line.
   *
   * @param args the options (see {@link #listOptions()} and Weka's evaluation options)
   */
  public static void main(String[] args) {
    runClassifier(new PolynomialNetwork(), args);
  }

  /** Creates the classifier with the default options. */
  public PolynomialNetwork() {
    super();
    setSeed((int) DEFAULTS.seed());
  }

  /**
   * Returns a string describing this classifier.
   *
   * @return a description suitable for displaying in the GUI
   */
  public String globalInfo() {
    return "Regression with a two-layer network with quadratic activation, "
      + "y = sum_j alpha_j (w_j . x)^2 + beta . x + c, trained by low-rank matrix recovery "
      + "(EP-ROM, or AP-ROM with a block Krylov head) of L = sum_j alpha_j w_j w_j^T; for a "
      + "nominal class, classification with the same network as the log-odds (two classes) or "
      + "one such network per class under a softmax, fitted by the log-loss. "
      + "Nominal attributes become indicator columns, missing values are replaced by means, "
      + "inputs (and a numeric class) are standardized, and the model output shows alpha and W "
      + "named by attribute.\n\nFor more information see:\n\n"
      + getTechnicalInformation().toString();
  }

  /**
   * The papers this classifier implements.
   *
   * @return the technical information about this class
   */
  @Override
  public TechnicalInformation getTechnicalInformation() {
    TechnicalInformation result = new TechnicalInformation(Type.INPROCEEDINGS);
    result.setValue(Field.AUTHOR, "Mohammadreza Soltani and Chinmay Hegde");
    result.setValue(Field.TITLE, "Towards Provable Learning of Polynomial Neural Networks "
      + "Using Low-Rank Matrix Estimation");
    result.setValue(Field.BOOKTITLE, "Proceedings of the 21st International Conference on "
      + "Artificial Intelligence and Statistics (AISTATS)");
    result.setValue(Field.SERIES, "PMLR");
    result.setValue(Field.VOLUME, "84");
    result.setValue(Field.PAGES, "1417-1426");
    result.setValue(Field.YEAR, "2018");

    TechnicalInformation additional = result.add(Type.ARTICLE);
    additional.setValue(Field.AUTHOR, "Mohammadreza Soltani and Chinmay Hegde");
    additional.setValue(Field.TITLE, "Fast and Provable Algorithms for Learning Two-Layer "
      + "Polynomial Neural Networks");
    additional.setValue(Field.JOURNAL, "IEEE Transactions on Signal Processing");
    additional.setValue(Field.VOLUME, "67");
    additional.setValue(Field.NUMBER, "13");
    additional.setValue(Field.PAGES, "3361-3371");
    additional.setValue(Field.YEAR, "2019");

    additional = result.add(Type.INPROCEEDINGS);
    additional.setValue(Field.AUTHOR, "Cameron Musco and Christopher Musco");
    additional.setValue(Field.TITLE, "Randomized Block Krylov Methods for Stronger and Faster "
      + "Approximate Singular Value Decomposition");
    additional.setValue(Field.BOOKTITLE, "Advances in Neural Information Processing Systems 28 "
      + "(NIPS 2015)");
    additional.setValue(Field.PAGES, "1396-1404");
    additional.setValue(Field.YEAR, "2015");
    return result;
  }

  /**
   * Numeric class (regression) and nominal class (classification); numeric and nominal
   * attributes; missing values and missing class values.
   *
   * @return the capabilities of this classifier
   */
  @Override
  public Capabilities getCapabilities() {
    Capabilities result = super.getCapabilities();
    result.disableAll();
    result.enable(Capability.NOMINAL_ATTRIBUTES);
    result.enable(Capability.NUMERIC_ATTRIBUTES);
    result.enable(Capability.MISSING_VALUES);
    result.enable(Capability.NUMERIC_CLASS);
    result.enable(Capability.NOMINAL_CLASS);
    result.enable(Capability.MISSING_CLASS_VALUES);
    result.setMinimumNumberInstances(0);
    return result;
  }

  /**
   * Trains the network on the given data, which is not modified.
   *
   * @param data the training data
   * @throws Exception if the data is not suitable or the options are inconsistent
   */
  @Override
  public void buildClassifier(Instances data) throws Exception {
    forgetModel();
    testCapabilitiesNamingAttributes(data);
    if (data.classAttribute().isNominal()) {
      buildNominal(data);
      return;
    }
    double[] classRange = InstancesConverter.classRange(data);
    m_ClassMin = classRange[0];
    m_ClassMax = classRange[1];

    InstancesConverter.Prepared prepared = InstancesConverter.fit(data);
    InstancesConverter converter = prepared.converter;
    DesignMatrix matrix = prepared.matrix;
    if (matrix == null) {
      m_Converter = converter;
      m_ConstantReason = converter.trainingRows() == 0 ? "no training instances with a class value"
        : converter.columns() == 0 ? "no input attributes"
          : "total instance weight is zero";
      return;
    }
    try (ThreadedRowBlocks blocks = new ThreadedRowBlocks(matrix,
        DEFAULTS.threads(m_NumThreads).effectiveThreads())) {
      train(converter, blocks);
    }
  }

  /**
   * Trains on rows that are already converted and held elsewhere: the standardized rows of
   * {@code converter}'s training data behind a data seam (on the partitions of a Spark data set,
   * for instance). {@link #buildClassifier(Instances)} ends here too, so both fit the same way.
   *
   * @param converter the conversion fitted on the training data (its standardization included)
   * @param blocks those rows, standardized, with their weights scaled as {@code converter}'s were
   * @param classMin the smallest class value of a training row with positive weight
   * @param classMax the largest
   * @throws Exception if training was interrupted or ran out of memory
   */
  public void buildClassifier(InstancesConverter converter, RowBlocks blocks, double classMin,
      double classMax) throws Exception {
    forgetModel();
    m_ClassMin = classMin;
    m_ClassMax = classMax;
    train(converter, blocks);
  }

  /**
   * Trains the classifier of a nominal class on the instances (which are not modified): the
   * log-loss of class probabilities σ(f) or softmax(f_1 … f_k) of quadratic networks.
   */
  private void buildNominal(Instances data) throws Exception {
    requireOptionsForNominalClass();
    InstancesConverter.Prepared prepared = InstancesConverter.fit(data);
    InstancesConverter converter = prepared.converter;
    DesignMatrix matrix = prepared.matrix;
    String[] names = new String[data.classAttribute().numValues()];
    for (int c = 0; c < names.length; c++) {
      names[c] = data.classAttribute().value(c);
    }
    double[] weights = new double[names.length];
    for (int i = 0; matrix != null && i < matrix.rows(); i++) {
      weights[(int) matrix.target()[i]] += matrix.weight(i);
    }
    int[] present = NominalClassModel.presentClasses(weights);
    if (matrix == null || present.length < 2) {
      setConstantNominal(converter, names, weights);
      return;
    }
    if (converter.columns() == 0) {
      m_Converter = converter;
      m_NominalModel = NominalClassModel.constant(names, weights, "no input attributes");
      return;
    }
    if (present.length < names.length) {
      int[] trainedIndex = new int[names.length];
      for (int t = 0; t < present.length; t++) {
        trainedIndex[present[t]] = t;
      }
      double[] target = new double[matrix.rows()];
      for (int i = 0; i < target.length; i++) {
        target[i] = trainedIndex[(int) matrix.target()[i]];
      }
      matrix = matrix.withTarget(target);
    }
    try (ThreadedRowBlocks blocks = new ThreadedRowBlocks(matrix,
        DEFAULTS.threads(m_NumThreads).effectiveThreads())) {
      trainNominal(converter, blocks, names, weights, present);
    }
  }

  /**
   * Trains the classifier of a nominal class on rows that are already converted and held
   * elsewhere (the partitions of a Spark data set); {@link #buildClassifier(Instances)} ends here
   * too for a nominal class.
   *
   * @param converter the conversion fitted on the training data
   * @param blocks those rows, standardized, their targets the indices in {@code trainedClasses}
   * @param classNames the class attribute's values
   * @param classWeights the training weight of each class value
   * @param trainedClasses the class values with training weight (at least two), in order
   * @throws Exception if training was interrupted or ran out of memory
   */
  public void buildNominal(InstancesConverter converter, RowBlocks blocks, String[] classNames,
    double[] classWeights, int[] trainedClasses) throws Exception {
    forgetModel();
    requireOptionsForNominalClass();
    trainNominal(converter, blocks, classNames, classWeights, trainedClasses);
  }

  /**
   * Makes the model of a nominal class the constant distribution of the class weights, as
   * {@link #buildClassifier(Instances)} does when fewer than two classes have training weight or
   * there are no rows or no input columns to train on; for rows held elsewhere (the partitions of
   * a Spark data set), where {@link #buildNominal(InstancesConverter, RowBlocks, String[],
   * double[], int[])} cannot train.
   *
   * @param converter the conversion fitted on the training data
   * @param classNames the class attribute's values
   * @param classWeights the training weight of each class value (all 0 when there was nothing to
   *     train on: the distribution is then uniform)
   * @throws Exception if the options do not suit a nominal class
   */
  public void buildNominalConstant(InstancesConverter converter, String[] classNames,
    double[] classWeights) throws Exception {
    forgetModel();
    requireOptionsForNominalClass();
    setConstantNominal(converter, classNames, classWeights);
  }

  private void setConstantNominal(InstancesConverter converter, String[] names,
    double[] weights) {
    int[] present = NominalClassModel.presentClasses(weights);
    m_Converter = converter;
    m_NominalModel = NominalClassModel.constant(names, weights, converter.trainingRows() == 0
      ? "no training instances with a class value" : present.length == 1
        ? "only one class, '" + names[present[0]] + "', has training instances"
        : converter.columns() == 0 ? "no input attributes" : "total instance weight is zero");
  }

  private void trainNominal(InstancesConverter converter, RowBlocks blocks, String[] names,
    double[] weights, int[] present) throws Exception {
    SolverSettings settings = solverSettings(blocks.rows(), blocks.cols());
    try {
      m_NominalModel = NominalClassModel.fit(blocks, names, weights, present, settings,
        m_ActivationMargin, tagText(TAGS_SOLVER, m_Solver), tagText(TAGS_STEP, m_Step),
        m_NumHiddenUnits);
    } catch (OutOfMemoryError e) {
      throw new weka.core.WekaException(NetworkReport.outOfMemory(settings.method(),
        blocks.rows(), blocks.cols()));
    }
    m_Converter = converter;
  }

  /** Refuses the options that mean nothing for a nominal class, saying what to use instead. */
  private void requireOptionsForNominalClass() throws Exception {
    if (STEP_RULES[m_Step] == StepRule.UNIT) {
      throw new IllegalArgumentException("PolynomialNetwork: -step unit (the papers' unit step) "
        + "is unbiased only for the squared loss of a numeric class; for a nominal class use "
        + "-step search (the default), whose step provably decreases the log-loss.");
    }
  }

  /** Drops what an earlier training left, so that a failed one leaves no stale model. */
  private void forgetModel() {
    m_NominalModel = null;
    m_Converter = null;
    m_Network = null;
    m_Summary = null;
    m_ConstantReason = null;
    m_RankScores = null;
    m_TrainingCurve = null;
    m_TrainingDataNote = null;
  }

  /**
   * The options as the engine's settings for a fit of these rows.
   *
   * @param rows the number of training rows
   * @param p the number of input columns
   * @return the settings
   */
  SolverSettings solverSettings(long rows, int p) {
    SolverSettings settings = DEFAULTS.method(Method.values()[m_Solver])
      .rank(m_NumHiddenUnits).maxIterations(m_MaxIterations).tolerance(m_Tolerance)
      .stepRule(STEP_RULES[m_Step]).blockSize(m_BlockSize).krylovDepth(m_KrylovIterations)
      .headSteps(m_HeadSteps).sampledStart(!m_NoSampledStart).fitLinear(!m_NoLinear)
      .seed(m_Seed).threads(m_NumThreads)
      .validationFraction(m_ValidationFraction).validationRuns(m_ValidationRuns).ridge(m_Ridge);
    if (m_FreshSampling) {
      int rank = Math.min(m_NumHiddenUnits == SolverSettings.AUTOMATIC_RANK
        ? SolverSettings.MAX_AUTOMATIC_RANK : m_NumHiddenUnits, p);
      settings = settings.freshSamplingBatches(SolverSettings.freshSamplingBatchesFor(rows, p,
        rank, m_MaxIterations));
    }
    if (m_IterationListener != null) {
      settings = settings.listener(m_IterationListener);
    } else if (getDebug()) {
      settings = settings.listener(record -> System.err.println(record));
    }
    return settings;
  }

  private void train(InstancesConverter converter, RowBlocks blocks) throws Exception {
    SolverSettings settings = solverSettings(blocks.rows(), blocks.cols());
    FitResult fit;
    try {
      fit = RecoverySolver.fit(new SquaredLoss(blocks), settings);
    } catch (OutOfMemoryError e) {
      // The training data is untouched and the half-built arrays are garbage by now: say what
      // ran out and what helps, instead of leaving the user an error from inside the solver.
      throw new weka.core.WekaException(NetworkReport.outOfMemory(settings.method(),
        blocks.rows(), blocks.cols()));
    }
    m_Converter = converter;
    m_RankScores = fit.rankScores();
    TrainedNetwork trained = TrainedNetwork.of(blocks, fit.network(), m_ActivationMargin);
    m_Network = trained.network;
    double targetScale = converter.standardization().targetScale();
    m_TrainingCurve = polynomialnetwork.weka.TrainingCurve.of(fit, targetScale);
    m_Summary = NetworkReport.FitSummary.of(fit, tagText(TAGS_SOLVER, m_Solver),
      tagText(TAGS_STEP, m_Step), m_NumHiddenUnits, targetScale * trained.trainingRmse,
      settings.freshSamplingBatches());
  }

  /**
   * Where the solver reports each iteration (instead of standard error under {@code -D}); not an
   * option and not saved with the model: the Spark entry point uses it for its progress lines.
   *
   * @param listener the listener, or null for none
   */
  public void setIterationListener(SolverSettings.IterationListener listener) {
    m_IterationListener = listener;
  }

  /**
   * Weka's capability check, with the refused attributes named: its own message ("Cannot handle
   * string attributes!") says which type but not which attribute. The exception keeps its type
   * and its message, which {@code CheckClassifier} reads, and gets the names appended.
   *
   * @param data the training data
   * @throws Exception if the data has a type this classifier cannot handle
   */
  private void testCapabilitiesNamingAttributes(Instances data) throws Exception {
    try {
      getCapabilities().testWithFail(data);
    } catch (weka.core.WekaException e) {
      if (!(e instanceof weka.core.UnsupportedAttributeTypeException)
        && !(e instanceof weka.core.UnsupportedClassTypeException)) {
        throw e;
      }
      StringBuilder msg = new StringBuilder(e.getMessage());
      StringBuilder names = new StringBuilder();
      for (int a = 0; a < data.numAttributes(); a++) {
        int type = data.attribute(a).type();
        if (a != data.classIndex() && type != weka.core.Attribute.NUMERIC
          && type != weka.core.Attribute.NOMINAL) {
          names.append(names.length() == 0 ? "" : ", ").append('\'')
            .append(data.attribute(a).name()).append("' (")
            .append(weka.core.Attribute.typeToString(data.attribute(a))).append(')');
        }
      }
      if (names.length() > 0) {
        msg.append(" Attributes PolynomialNetwork cannot use: ").append(names)
          .append("; only numeric and nominal attributes are supported (remove or convert them).");
      }
      if (data.classIndex() >= 0 && data.classAttribute().isNominal()
        && data.classAttribute().numValues() < 2) {
        msg.append(" The class '").append(data.classAttribute().name()).append("' is nominal with ")
          .append(data.classAttribute().numValues() == 0 ? "no values declared"
            : "one value declared, '" + data.classAttribute().value(0) + "'")
          .append("; a classification needs at least two. Declare all the classes in the "
            + "header (@attribute ").append(data.classAttribute().name()).append(" {...}) even "
            + "if the data hold one only, or choose another class attribute.");
      } else if (data.classIndex() >= 0
        && data.classAttribute().type() != weka.core.Attribute.NUMERIC
        && data.classAttribute().type() != weka.core.Attribute.NOMINAL) {
        msg.append(" The class '").append(data.classAttribute().name()).append("' is ")
          .append(weka.core.Attribute.typeToString(data.classAttribute()))
          .append("; PolynomialNetwork needs a numeric class (regression) or a nominal one "
            + "(classification).");
      }
      throw e instanceof weka.core.UnsupportedClassTypeException
        ? new weka.core.UnsupportedClassTypeException(msg.toString())
        : new weka.core.UnsupportedAttributeTypeException(msg.toString());
    }
  }

  /**
   * The number of disjoint batches used with {@code -fresh-sampling}; see
   * {@link SolverSettings#freshSamplingBatchesFor}.
   *
   * @param m number of training rows
   * @param p number of input columns
   * @param r number of hidden units
   * @param maxIterations iteration budget
   * @return the number of batches, at least 2
   */
  public static int freshSamplingBatches(int m, int p, int r, int maxIterations) {
    return SolverSettings.freshSamplingBatchesFor(m, p, r, maxIterations);
  }

  /**
   * @return the clipping interval of predictions, or null when clipping is off or no class
   *         range is known
   */
  private double[] clipBounds() {
    return PredictionBounds.of(m_ClassMin, m_ClassMax, m_ClipMargin);
  }

  /**
   * Predicts the class value of an instance.
   *
   * @param instance the instance
   * @return the prediction
   * @throws Exception if no model has been built
   */
  @Override
  public double classifyInstance(Instance instance) throws Exception {
    if (m_Converter == null) {
      throw new Exception("PolynomialNetwork: No model built yet.");
    }
    if (m_NominalModel != null) {
      return Utils.maxIndex(distributionForInstance(instance));
    }
    m_Converter.requireAttributesOf(instance);
    Standardization std = m_Converter.standardization();
    if (m_Network == null) {
      return std.targetMean();
    }
    double[] z = m_Converter.standardizedFeatures(instance);
    double y = std.unstandardizeTarget(m_Network.predict(z));
    if (!Double.isFinite(y)) {
      y = m_Network.saturatedPrediction(z);
    }
    return PredictionBounds.clip(y, clipBounds());
  }

  /**
   * The class probabilities of an instance for a nominal class (finite, in [0, 1], summing to
   * 1), the prediction for a numeric one.
   *
   * @param instance the instance
   * @return the distribution
   * @throws Exception if no model has been built
   */
  @Override
  public double[] distributionForInstance(Instance instance) throws Exception {
    if (m_Converter == null) {
      throw new Exception("PolynomialNetwork: No model built yet.");
    }
    if (m_NominalModel == null) {
      return new double[] {classifyInstance(instance)};
    }
    m_Converter.requireAttributesOf(instance);
    return m_NominalModel.distribution(m_NominalModel.network() == null ? null
      : m_Converter.standardizedFeatures(instance));
  }

  /**
   * The classifier of a nominal class (its networks and how it was fitted); null for a numeric
   * class or before training.
   *
   * @return the model
   */
  public NominalClassModel getNominalClassModel() {
    return m_NominalModel;
  }

  /**
   * The networks on standardized inputs: the regression's one network, or a classifier's score
   * networks (one for two classes, one per class for more); null before training or for a
   * constant model.
   *
   * @return the networks
   */
  @Override
  public QuadraticNetwork[] getNetworks() {
    if (m_NominalModel == null) {
      return m_Network == null ? null : new QuadraticNetwork[] {m_Network};
    }
    return m_NominalModel.scoreNetworks();
  }

  /**
   * For a nominal class, what each of {@link #getNetworks()} scores; null for a numeric class.
   *
   * @return the titles
   */
  @Override
  public String[] getNetworkTitles() {
    return m_NominalModel == null ? null : m_NominalModel.scoreTitles(m_Converter.className());
  }

  /**
   * The network on standardized inputs (α, W, β, c); null before training or for a constant
   * model.
   *
   * @return the network
   */
  public QuadraticNetwork getNetwork() {
    if (m_NominalModel != null) {
      QuadraticNetwork[] nets = getNetworks();
      return nets != null && nets.length == 1 ? nets[0] : null;
    }
    return m_Network;
  }

  /**
   * The network on the original attribute scale (after missing-value replacement and indicator
   * coding); null before training or for a constant model.
   *
   * @return the network in original units
   */
  public QuadraticNetwork getNetworkInOriginalUnits() {
    return m_Network == null ? null : m_Converter.standardization().toOriginalUnits(m_Network);
  }

  /**
   * The training RMSE per iteration of the last fit (and of its early-stopping probe); null
   * before training or for a constant model.
   *
   * @return the training curve
   */
  public polynomialnetwork.weka.TrainingCurve getTrainingCurve() {
    return m_NominalModel != null ? m_NominalModel.trainingCurve() : m_TrainingCurve;
  }

  /**
   * The names of the network's input columns; null before training.
   *
   * @return the column names
   */
  public String[] getColumnNames() {
    return m_Converter == null ? null : m_Converter.columnNames();
  }

  /**
   * Describes the trained model.
   *
   * @return the description
   */
  @Override
  public String toString() {
    if (m_Converter == null) {
      return "PolynomialNetwork: No model built yet.";
    }
    String report = modelReport();
    return m_TrainingDataNote == null ? report
      : report + "\nTraining data: " + m_TrainingDataNote + "\n";
  }

  /**
   * Adds a sentence about the training data to the model's description, for what a trainer
   * outside Weka left out of it (e.g. "12 malformed rows ... skipped"); null for none. Not an
   * option: it describes one model, and the next build clears it.
   */
  public void noteOnTrainingData(String note) {
    m_TrainingDataNote = note;
  }

  private String modelReport() {
    int decimals = Math.max(3, getNumDecimalPlaces() + 4);
    if (m_NominalModel != null) {
      return m_NominalModel.report("PolynomialNetwork", m_Converter, decimals);
    }
    String report = NetworkReport.render("PolynomialNetwork", m_Network, m_Converter,
      m_Summary, m_ConstantReason, decimals);
    if (m_RankScores != null) {
      report += NetworkReport.rankChoice(m_RankScores,
        m_Network == null ? 0 : m_Network.hiddenUnits());
    }
    double[] bounds = clipBounds();
    return m_Network == null || bounds == null ? report
      : report + NetworkReport.clipping(bounds, m_ClipMargin, getNumDecimalPlaces() + 4);
  }

  /**
   * Reads a saved model. A model saved by 0.1.0 has no values for the options added later;
   * they are set to what that version did (one validation run, no ridge, no clamping), so the
   * model describes itself truthfully and retrains as it was trained.
   */
  private void readObject(java.io.ObjectInputStream in) throws java.io.IOException,
    ClassNotFoundException {
    in.defaultReadObject();
    if (m_FormatVersion < 2) {
      m_ValidationRuns = 1;
      m_Ridge = 0;
      m_ActivationMargin = -1;
      m_FormatVersion = 2;
    }
  }

  // ---------------------------------------------------------------- options

  /**
   * Lists the options.
   *
   * @return the options
   */
  @Override
  public Enumeration<Option> listOptions() {
    Vector<Option> result = new Vector<Option>();
    for (OptionText o : OptionText.values()) {
      result.addElement(o.option());
    }
    for (Option o : Collections.list(super.listOptions())) {
      if (!o.name().equals(OptionText.SEED.flag)) {
        result.addElement(o);
      }
    }
    return result.elements();
  }

  /**
   * Parses the options.
   *
   <!-- options-start -->
   * Valid options are: <p>
   * 
   * <pre> -N &lt;int&gt;
   *  Number of hidden units r (the rank of L = sum_j alpha_j w_j
   *  w_j^T), capped at the number of input columns; 0 chooses r
   *  automatically (1 to 10) by the error on held-out instances: the
   *  smallest r within 1 % of the best.
   *  (default 3)</pre>
   * 
   * <pre> -solver &lt;EP-ROM|AP-ROM-BK|AP-ROM-MBK&gt;
   *  EP-ROM: exact projection onto the r leading eigenpairs of the p x
   *  p gradient step (O(m p^2 + p^3) per iteration); AP-ROM-BK: rank-r
   *  head of the explicit gradient by block Krylov SVD; AP-ROM-MBK:
   *  the same head matrix-free, never forming the gradient (for large
   *  p).
   *  (default AP-ROM-MBK)</pre>
   * 
   * <pre> -step &lt;unit|search&gt;
   *  unit: the papers' step size 1 (fast, but can diverge on few or
   *  non-Gaussian samples; numeric class only); search: exact
   *  minimisation of the training residual (log-loss for a nominal
   *  class) over the new step and the previous one (a
   *  conjugate-gradient-like step; never diverges).
   *  (default search)</pre>
   * 
   * <pre> -I &lt;int&gt;
   *  Maximum number of iterations (at least 1); the best iterate seen
   *  is returned.
   *  (default 100)</pre>
   * 
   * <pre> -tol &lt;double&gt;
   *  Stop when the relative training residual ||d||/||y|| of the
   *  standardized class (for a nominal class: the training log-loss
   *  relative to the uniform guess's) falls to this value (a finite
   *  number &gt;= 0).
   *  (default 1.0E-8)</pre>
   * 
   * <pre> -block-size &lt;int&gt;
   *  Block size k of the Krylov head of AP-ROM (0 = automatic, k = r;
   *  values below r are raised to r). Ignored by EP-ROM.
   *  (default 0)</pre>
   * 
   * <pre> -krylov-iters &lt;int&gt;
   *  Number of Krylov iterations q of the head of AP-ROM (0 =
   *  automatic, max(2, ceil(ln p))). Ignored by EP-ROM.
   *  (default 0)</pre>
   * 
   * <pre> -head-steps &lt;int&gt;
   *  Number of iterations at the start of a fit that move the network
   *  along the Krylov head of the gradient (AP-ROM's step); later
   *  iterations move it along the gradient's projection onto the
   *  tangent space at the current network, which needs one product
   *  with the gradient instead of q + 1 and fewer iterations, with a
   *  head step again when progress is slow. 0 = a head step every
   *  iteration (AP-ROM as published). Ignored by EP-ROM.
   *  (default 1)</pre>
   * 
   * <pre> -fresh-sampling
   *  Fresh sampling as in the papers' analysis: the training instances
   *  are split into disjoint batches, max(2, min(maxIterations, m /
   *  (10 p r))) of them, and each iteration uses the next batch.</pre>
   * 
   * <pre> -no-sampled-start
   *  If set, every iteration reads all training instances. By default,
   *  on data with at least max(20 p r, 8000) instances, the first
   *  iterations of each fit run on a seeded sample of max(5 p r, 2000)
   *  of them (at least 1/64, at most 1/4), which doubles whenever an
   *  iteration stops paying on it, and the fit then goes on from there
   *  on all instances with every safeguard. On noiseless planted data
   *  that reads the data a third (m = 10^4) to three quarters (m =
   *  10^5) less; with noise the saving is smaller, and the model as
   *  accurate. Without effect with -fresh-sampling.</pre>
   * 
   * <pre> -no-linear
   *  If set, fit only the quadratic part: no linear term beta and no
   *  bias c (the class mean is still added back). For a nominal class
   *  with two values the score f has neither; with three or more each
   *  class score keeps its bias (the class priors) but no linear term.</pre>
   * 
   * <pre> -validation &lt;fraction&gt;
   *  Fraction of the training instances held out (seeded) to choose
   *  the number of iterations: the fit stops where the error on them
   *  (the log-loss for a nominal class) is lowest, then the model is
   *  refitted on all instances for that many iterations. Guards
   *  against overfitting small or noisy data; 0 switches it off.
   *  Ignored when fewer than 10 instances would be held out.
   *  (default 0.2)</pre>
   * 
   * <pre> -validation-runs &lt;int&gt;
   *  Number of validation runs (1 to 100) the number of iterations is
   *  chosen from: run k holds out its own fraction of the instances
   *  (-validation), and the iteration count is where the mean error on
   *  the held-out instances is lowest. With fraction 0.2 and 5 runs
   *  this is 5-fold cross-validation; 1 is a single held-out split
   *  (cheaper: 2 fits instead of 6).
   *  (default 5)</pre>
   * 
   * <pre> -ridge &lt;lambda&gt;
   *  Ridge penalty lambda on the network: the solver minimises (1/2W)
   *  sum_i w_i d_i^2 + (lambda/2)(||L||_F^2 + ||beta||^2) on the
   *  standardized data (the bias is not penalised). Larger values
   *  shrink the hidden units and the linear term towards zero, which
   *  steadies the model on small or noisy data; 0 is the papers' least
   *  squares. For a nominal class the same penalty is added to the
   *  log-loss (2 sum_i w_i log-loss_i in place of sum_i w_i d_i^2),
   *  and a large value shrinks the probabilities towards the class
   *  priors.
   *  (default 0.0)</pre>
   * 
   * <pre> -activation-margin &lt;fraction&gt;
   *  Each hidden unit's input w_j.z is clamped to the range it takes
   *  on the training instances, widened by this fraction of that range
   *  on each side, so a unit's contribution alpha_j (w_j.z)^2 never
   *  exceeds what it was on the training data; the linear term is not
   *  clamped. Predictions on the training instances are unchanged. A
   *  negative value turns clamping off (the pure quadratic).
   *  (default 0.1)</pre>
   * 
   * <pre> -clip &lt;margin&gt;
   *  Predictions are clipped to [min - margin * range, max + margin *
   *  range] of the training class values, so that points far outside
   *  the training inputs cannot get absurd predictions from the
   *  quadratic terms. A negative margin turns clipping off. Numeric
   *  class only (a nominal class predicts probabilities).
   *  (default 0.5)</pre>
   * 
   * <pre> -num-threads &lt;int&gt;
   *  Number of threads for the passes over the data (0 = all available
   *  cores). Results agree across thread counts to rounding (about
   *  1e-12 relative; up to 1e-10 when r exceeds the rank the data
   *  support).
   *  (default 0)</pre>
   * 
   * <pre> -S &lt;int&gt;
   *  Seed of the random starting blocks of the Krylov head and of the
   *  split of the instances for validation and fresh sampling.
   *  (default 1)</pre>
   * 
   * <pre> -output-debug-info
   *  If set, classifier is run in debug mode and
   *  may output additional info to the console</pre>
   * 
   * <pre> -do-not-check-capabilities
   *  If set, classifier capabilities are not checked before classifier is built
   *  (use with caution).</pre>
   * 
   * <pre> -num-decimal-places
   *  The number of decimal places for the output of numbers in the model (default 2).</pre>
   * 
   * <pre> -batch-size
   *  The desired batch size for batch prediction  (default 100).</pre>
   * 
   <!-- options-end -->
   *
   * @param options the options
   * @throws Exception if an option is invalid
   */
  @Override
  public void setOptions(String[] options) throws Exception {
    for (int i = 0; i < options.length; i++) {
      if ("-".equals(options[i])) {
        // Utils.getOption would fail on it with a StringIndexOutOfBoundsException
        throw new IllegalArgumentException((i > 0 ? options[i - 1] + " is followed by" : "Found")
          + " a bare '-', which is not an option or a value.");
      }
    }
    String s = Utils.getOption('N', options);
    setNumHiddenUnits(s.length() == 0 ? DEFAULTS.rank() : parseInt("-N", s));
    s = Utils.getOption("solver", options);
    setSolver(s.length() == 0 ? new SelectedTag(DEFAULTS.method().ordinal(), TAGS_SOLVER)
      : parseTag("-solver", s, TAGS_SOLVER));
    s = Utils.getOption("step", options);
    setStepRule(s.length() == 0
      ? new SelectedTag(java.util.Arrays.asList(STEP_RULES).indexOf(DEFAULTS.stepRule()), TAGS_STEP)
      : parseTag("-step", s, TAGS_STEP));
    s = Utils.getOption('I', options);
    setMaxIterations(s.length() == 0 ? DEFAULTS.maxIterations() : parseInt("-I", s));
    s = Utils.getOption("tol", options);
    setTolerance(s.length() == 0 ? DEFAULTS.tolerance() : parseDouble("-tol", s));
    s = Utils.getOption("block-size", options);
    setBlockSize(s.length() == 0 ? DEFAULTS.blockSize() : parseInt("-block-size", s));
    s = Utils.getOption("krylov-iters", options);
    setKrylovIterations(s.length() == 0 ? DEFAULTS.krylovDepth() : parseInt("-krylov-iters", s));
    setFreshSampling(Utils.getFlag("fresh-sampling", options));
    setNoSampledStart(Utils.getFlag("no-sampled-start", options));
    setNoLinear(Utils.getFlag("no-linear", options));
    s = Utils.getOption("head-steps", options);
    setHeadSteps(s.length() == 0 ? DEFAULTS.headSteps() : parseInt("-head-steps", s));
    s = Utils.getOption("validation", options);
    setValidationFraction(s.length() == 0 ? DEFAULTS.validationFraction()
      : parseDouble("-validation", s));
    s = Utils.getOption("validation-runs", options);
    setValidationRuns(s.length() == 0 ? DEFAULTS.validationRuns()
      : parseInt("-validation-runs", s));
    s = Utils.getOption("ridge", options);
    setRidge(s.length() == 0 ? DEFAULTS.ridge() : parseDouble("-ridge", s));
    s = Utils.getOption("activation-margin", options);
    setActivationMargin(s.length() == 0 ? PREDICTION_DEFAULTS.activationMargin()
      : parseDouble("-activation-margin", s));
    s = Utils.getOption("clip", options);
    setClipMargin(s.length() == 0 ? PREDICTION_DEFAULTS.clipMargin() : parseDouble("-clip", s));
    s = Utils.getOption("num-threads", options);
    setNumThreads(s.length() == 0 ? DEFAULTS.threads() : parseInt("-num-threads", s));
    // The superclasses parse these with Integer.parseInt, whose message does not name the
    // option: parse them here. AbstractClassifier leaves the last two unchanged when absent;
    // reset them so that setOptions always yields the same state for the same options
    // (CheckOptionHandler "Resetting options").
    String seed = Utils.getOption('S', options);
    String places = Utils.getOption("num-decimal-places", options);
    String batch = Utils.getOption("batch-size", options);
    setNumDecimalPlaces(NUM_DECIMAL_PLACES_DEFAULT);
    setBatchSize(BATCH_SIZE_DEFAULT);
    super.setOptions(options);
    setSeed(seed.length() == 0 ? (int) DEFAULTS.seed() : parseInt("-S", seed));
    if (places.length() != 0) {
      setNumDecimalPlaces(parseInt("-num-decimal-places", places));
    }
    if (batch.length() != 0) {
      setBatchSize(batch);
    }
    Utils.checkForRemainingOptions(options);
  }

  /**
   * The current options.
   *
   * @return the options
   */
  @Override
  public String[] getOptions() {
    Vector<String> result = new Vector<String>();
    result.add("-N");
    result.add("" + m_NumHiddenUnits);
    result.add("-solver");
    result.add(tagText(TAGS_SOLVER, m_Solver));
    result.add("-step");
    result.add(tagText(TAGS_STEP, m_Step));
    result.add("-I");
    result.add("" + m_MaxIterations);
    result.add("-tol");
    result.add("" + m_Tolerance);
    result.add("-block-size");
    result.add("" + m_BlockSize);
    result.add("-krylov-iters");
    result.add("" + m_KrylovIterations);
    result.add("-head-steps");
    result.add("" + m_HeadSteps);
    if (m_FreshSampling) {
      result.add("-fresh-sampling");
    }
    if (m_NoSampledStart) {
      result.add("-no-sampled-start");
    }
    if (m_NoLinear) {
      result.add("-no-linear");
    }
    result.add("-validation");
    result.add("" + m_ValidationFraction);
    result.add("-validation-runs");
    result.add("" + m_ValidationRuns);
    result.add("-ridge");
    result.add("" + m_Ridge);
    result.add("-activation-margin");
    result.add("" + m_ActivationMargin);
    result.add("-clip");
    result.add("" + m_ClipMargin);
    result.add("-num-threads");
    result.add("" + m_NumThreads);
    Collections.addAll(result, super.getOptions());
    return result.toArray(new String[result.size()]);
  }

  private static String tagText(Tag[] tags, int id) {
    for (Tag t : tags) {
      if (t.getID() == id) {
        return t.getIDStr();
      }
    }
    throw new IllegalStateException("no tag " + id);
  }

  private static int parseInt(String option, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " expects an integer, got '" + value + "'");
    }
  }

  private static double parseDouble(String option, String value) {
    try {
      return Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " expects a number, got '" + value + "'");
    }
  }

  private static SelectedTag parseTag(String option, String value, Tag[] tags) {
    for (Tag t : tags) {
      if (t.getIDStr().equalsIgnoreCase(value.trim())) {
        return new SelectedTag(t.getID(), tags);
      }
    }
    StringBuilder allowed = new StringBuilder();
    for (Tag t : tags) {
      allowed.append(allowed.length() == 0 ? "" : ", ").append(t.getIDStr());
    }
    throw new IllegalArgumentException(option + " must be one of " + allowed + "; got '" + value
      + "'");
  }

  // ---------------------------------------------------------------- properties

  /**
   * @return tip text for this property
   */
  public String numHiddenUnitsTipText() {
    return OptionText.NUM_HIDDEN_UNITS.tipText();
  }

  /**
   * @return the number of hidden units
   */
  public int getNumHiddenUnits() {
    return m_NumHiddenUnits;
  }

  /**
   * @param value the number of hidden units, at least 1
   */
  public void setNumHiddenUnits(int value) {
    DEFAULTS.rank(value); // throws, naming the option, when invalid
    m_NumHiddenUnits = value;
  }

  /**
   * @return tip text for this property
   */
  public String solverTipText() {
    return OptionText.SOLVER.tipText();
  }

  /**
   * @return the solver
   */
  public SelectedTag getSolver() {
    return new SelectedTag(m_Solver, TAGS_SOLVER);
  }

  /**
   * @param value the solver (a tag of TAGS_SOLVER)
   */
  public void setSolver(SelectedTag value) {
    if (value.getTags() != TAGS_SOLVER) {
      throw new IllegalArgumentException("-solver must be one of EP-ROM, AP-ROM-BK, AP-ROM-MBK");
    }
    m_Solver = value.getSelectedTag().getID();
  }

  /**
   * @return tip text for this property
   */
  public String stepRuleTipText() {
    return OptionText.STEP.tipText();
  }

  /**
   * @return the step rule
   */
  public SelectedTag getStepRule() {
    return new SelectedTag(m_Step, TAGS_STEP);
  }

  /**
   * @param value the step rule (a tag of TAGS_STEP)
   */
  public void setStepRule(SelectedTag value) {
    if (value.getTags() != TAGS_STEP) {
      throw new IllegalArgumentException("-step must be one of unit, search");
    }
    m_Step = value.getSelectedTag().getID();
  }

  /**
   * @return tip text for this property
   */
  public String maxIterationsTipText() {
    return OptionText.MAX_ITERATIONS.tipText();
  }

  /**
   * @return the maximum number of iterations
   */
  public int getMaxIterations() {
    return m_MaxIterations;
  }

  /**
   * @param value the maximum number of iterations, at least 1
   */
  public void setMaxIterations(int value) {
    DEFAULTS.maxIterations(value); // throws, naming the option, when invalid
    m_MaxIterations = value;
  }

  /**
   * @return tip text for this property
   */
  public String toleranceTipText() {
    return OptionText.TOLERANCE.tipText();
  }

  /**
   * @return the tolerance
   */
  public double getTolerance() {
    return m_Tolerance;
  }

  /**
   * @param value the tolerance, finite and at least 0
   */
  public void setTolerance(double value) {
    DEFAULTS.tolerance(value); // throws, naming the option, when invalid
    m_Tolerance = value;
  }

  /**
   * @return tip text for this property
   */
  public String validationFractionTipText() {
    return OptionText.VALIDATION.tipText();
  }

  /**
   * @return the validation fraction, 0 for none
   */
  public double getValidationFraction() {
    return m_ValidationFraction;
  }

  /**
   * @param value the validation fraction in [0, 1), 0 for none
   */
  public void setValidationFraction(double value) {
    DEFAULTS.validationFraction(value); // throws, naming the option, when invalid
    m_ValidationFraction = value;
  }

  /**
   * @return tip text for this property
   */
  public String validationRunsTipText() {
    return OptionText.VALIDATION_RUNS.tipText();
  }

  /**
   * @return the number of validation runs
   */
  public int getValidationRuns() {
    return m_ValidationRuns;
  }

  /**
   * @param value the number of validation runs, at least 1
   */
  public void setValidationRuns(int value) {
    DEFAULTS.validationRuns(value); // throws, naming the option, when invalid
    m_ValidationRuns = value;
  }

  public String activationMarginTipText() {
    return OptionText.ACTIVATION_MARGIN.tipText();
  }

  /**
   * @return the activation margin (negative: no clamping)
   */
  public double getActivationMargin() {
    return m_ActivationMargin;
  }

  /**
   * @param value the activation margin, a fraction of each unit's training range; negative: off
   */
  public void setActivationMargin(double value) {
    PREDICTION_DEFAULTS.activationMargin(value); // throws, naming the option, when invalid
    m_ActivationMargin = value;
  }

  public String ridgeTipText() {
    return OptionText.RIDGE.tipText();
  }

  /**
   * @return the ridge penalty lambda
   */
  public double getRidge() {
    return m_Ridge;
  }

  /**
   * @param value the ridge penalty lambda, a finite number &gt;= 0
   */
  public void setRidge(double value) {
    DEFAULTS.ridge(value); // throws, naming the option, when invalid
    m_Ridge = value;
  }

  public String clipMarginTipText() {
    return OptionText.CLIP.tipText();
  }

  /**
   * @return the clipping margin (negative: off)
   */
  public double getClipMargin() {
    return m_ClipMargin;
  }

  /**
   * @param value the clipping margin, a fraction of the training class range; negative: off
   */
  public void setClipMargin(double value) {
    PREDICTION_DEFAULTS.clipMargin(value); // throws, naming the option, when invalid
    m_ClipMargin = value;
  }

  /**
   * @param size the batch size for batch prediction, a positive integer
   */
  @Override
  public void setBatchSize(String size) {
    int value;
    try {
      value = Integer.parseInt(size.trim());
    } catch (NumberFormatException e) {
      value = 0;
    }
    if (value < 1) {
      throw new IllegalArgumentException("-batch-size must be a positive integer, got '" + size
        + "'");
    }
    super.setBatchSize(size.trim());
  }

  /**
   * @return tip text for this property
   */
  public String numThreadsTipText() {
    return OptionText.NUM_THREADS.tipText();
  }

  /**
   * @return the number of threads, 0 for all available cores
   */
  public int getNumThreads() {
    return m_NumThreads;
  }

  /**
   * @param value the number of threads, 0 for all available cores
   */
  public void setNumThreads(int value) {
    DEFAULTS.threads(value); // throws, naming the option, when invalid
    m_NumThreads = value;
  }

  /**
   * @return tip text for this property
   */
  public String blockSizeTipText() {
    return OptionText.BLOCK_SIZE.tipText();
  }

  /**
   * @return the block size
   */
  public int getBlockSize() {
    return m_BlockSize;
  }

  /**
   * @param value the block size, 0 for automatic
   */
  public void setBlockSize(int value) {
    DEFAULTS.blockSize(value); // throws, naming the option, when invalid
    m_BlockSize = value;
  }

  /**
   * @return tip text for this property
   */
  public String krylovIterationsTipText() {
    return OptionText.KRYLOV_ITERATIONS.tipText();
  }

  /**
   * @return the number of Krylov iterations
   */
  public int getKrylovIterations() {
    return m_KrylovIterations;
  }

  /**
   * @param value the number of Krylov iterations, 0 for automatic
   */
  public void setKrylovIterations(int value) {
    DEFAULTS.krylovDepth(value); // throws, naming the option, when invalid
    m_KrylovIterations = value;
  }

  /**
   * @return tip text for this property
   */
  public String headStepsTipText() {
    return OptionText.HEAD_STEPS.tipText();
  }

  /**
   * @return the number of Krylov head steps before the tangent steps
   */
  public int getHeadSteps() {
    return m_HeadSteps;
  }

  /**
   * @param value the number of Krylov head steps before the tangent steps, 0 for head steps
   *     throughout
   */
  public void setHeadSteps(int value) {
    DEFAULTS.headSteps(value); // throws, naming the option, when invalid
    m_HeadSteps = value;
  }

  /**
   * @return tip text for this property
   */
  public String freshSamplingTipText() {
    return OptionText.FRESH_SAMPLING.tipText();
  }

  /**
   * @return whether fresh sampling is used
   */
  public boolean getFreshSampling() {
    return m_FreshSampling;
  }

  /**
   * @param value whether to use fresh sampling
   */
  public void setFreshSampling(boolean value) {
    m_FreshSampling = value;
  }

  /**
   * @return tip text for this property
   */
  public String noSampledStartTipText() {
    return OptionText.NO_SAMPLED_START.tipText();
  }

  /**
   * @return whether every iteration reads all training instances
   */
  public boolean getNoSampledStart() {
    return m_NoSampledStart;
  }

  /**
   * @param value whether every iteration reads all training instances (no sampled start)
   */
  public void setNoSampledStart(boolean value) {
    m_NoSampledStart = value;
  }

  /**
   * @return tip text for this property
   */
  public String noLinearTipText() {
    return OptionText.NO_LINEAR.tipText();
  }

  /**
   * @return whether the linear term is left out
   */
  public boolean getNoLinear() {
    return m_NoLinear;
  }

  /**
   * @param value whether to leave out the linear term and bias
   */
  public void setNoLinear(boolean value) {
    m_NoLinear = value;
  }

  /**
   * @return tip text for this property
   */
  @Override
  public String seedTipText() {
    return OptionText.SEED.tipText();
  }

  /**
   * The Experimenter's extra result columns.
   *
   * @return the names of the measures
   */
  @Override
  public Enumeration<String> enumerateMeasures() {
    Vector<String> names = new Vector<String>();
    names.add("measureNumIterations");
    names.add("measureNumSampledIterations");
    names.add("measureNumHiddenUnits");
    names.add("measureTrainingRMSE");
    names.add("measureTrainingSeconds");
    names.add("measureTrainingLogLoss");
    names.add("measureTrainingAccuracy");
    return names.elements();
  }

  /**
   * @param name one of the names of {@link #enumerateMeasures()}
   * @return its value for the last model built (0 for a constant model, and for the measures
   *         of the other kind of class: RMSE for a nominal class, log-loss and accuracy for a
   *         numeric one)
   */
  @Override
  public double getMeasure(String name) {
    boolean nominal = m_NominalModel != null;
    NetworkReport.FitSummary summary = nominal ? m_NominalModel.summary() : m_Summary;
    boolean fitted = summary != null;
    if (name.equals("measureNumIterations")) {
      return fitted ? summary.iterations : 0;
    }
    if (name.equals("measureNumSampledIterations")) {
      return fitted ? summary.sampledIterations : 0;
    }
    if (name.equals("measureNumHiddenUnits")) {
      QuadraticNetwork[] nets = getNetworks();
      int units = 0;
      for (int s = 0; nets != null && s < nets.length; s++) {
        units = Math.max(units, nets[s].hiddenUnits());
      }
      return units;
    }
    if (name.equals("measureTrainingRMSE")) {
      return fitted && !nominal ? summary.trainingRmse : 0;
    }
    if (name.equals("measureTrainingSeconds")) {
      return fitted ? summary.seconds : 0;
    }
    if (name.equals("measureTrainingLogLoss")) {
      return fitted && nominal ? m_NominalModel.trainingLogLoss() : 0;
    }
    if (name.equals("measureTrainingAccuracy")) {
      return fitted && nominal ? m_NominalModel.trainingAccuracy() : 0;
    }
    throw new IllegalArgumentException(name + " is not a measure of PolynomialNetwork (it has "
      + "measureNumIterations, measureNumSampledIterations, measureNumHiddenUnits, "
      + "measureTrainingRMSE, "
      + "measureTrainingSeconds, measureTrainingLogLoss, measureTrainingAccuracy)");
  }

  /**
   * Returns the revision string.
   *
   * @return the revision
   */
  @Override
  public String getRevision() {
    return RevisionUtils.extract("$Revision: 1.0 $");
  }
}

