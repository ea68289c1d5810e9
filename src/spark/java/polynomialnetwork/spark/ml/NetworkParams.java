package polynomialnetwork.spark.ml;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.util.Identifiable;
import polynomialnetwork.engine.optimizer.SolverSettings;
import polynomialnetwork.weka.OptionText;
import scala.runtime.AbstractFunction1;
import weka.classifiers.functions.PolynomialNetwork;
import weka.core.SelectedTag;
import weka.core.Tag;
import weka.core.Utils;

/**
 * The PolynomialNetwork options as typed Spark ML params, with the defaults and validity of the
 * Weka classifier (both from {@link SolverSettings#DEFAULTS}), and the Weka classifier they
 * configure. One instance per estimator or model, made with its uid; public only as the type
 * of {@link PolynomialNetworkParams#networkParams()}, its fields reached through the param
 * accessors.
 */
public final class NetworkParams implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final SolverSettings DEFAULTS = SolverSettings.DEFAULTS;
  /** The classifier's defaults for what has no getter on the settings (the tags' names). */
  private static final PolynomialNetwork WEKA_DEFAULTS = new PolynomialNetwork();

  final IntParam rank;
  final Param<String> solver;
  final Param<String> stepRule;
  final IntParam maxIter;
  final DoubleParam tol;
  final DoubleParam ridge;
  final IntParam seed;
  final DoubleParam validationFraction;
  final IntParam validationRuns;
  final Param<String> wekaOptions;
  final Param<String> weightCol;
  final Param<String> handleInvalid;

  NetworkParams(Identifiable owner) {
    // the docs are the Weka classifier's tip texts, prefixed with the Weka option
    rank = new IntParam(owner, "rank", doc(OptionText.NUM_HIDDEN_UNITS), new Valid<>("rank"));
    solver = new Param<>(owner, "solver", doc(OptionText.SOLVER) + " One of " + names(
        PolynomialNetwork.TAGS_SOLVER) + ".", new Valid<>("solver"));
    stepRule = new Param<>(owner, "stepRule", doc(OptionText.STEP) + " One of " + names(
        PolynomialNetwork.TAGS_STEP) + ".", new Valid<>("stepRule"));
    maxIter = new IntParam(owner, "maxIter", doc(OptionText.MAX_ITERATIONS),
        new Valid<>("maxIter"));
    tol = new DoubleParam(owner, "tol", doc(OptionText.TOLERANCE), new Valid<>("tol"));
    ridge = new DoubleParam(owner, "ridge", doc(OptionText.RIDGE), new Valid<>("ridge"));
    seed = new IntParam(owner, "seed", doc(OptionText.SEED), new Valid<>("seed"));
    validationFraction = new DoubleParam(owner, "validationFraction",
        doc(OptionText.VALIDATION), new Valid<>("validationFraction"));
    validationRuns = new IntParam(owner, "validationRuns", doc(OptionText.VALIDATION_RUNS),
        new Valid<>("validationRuns"));
    wekaOptions = new Param<>(owner, "wekaOptions", "further options of "
        + "weka.classifiers.functions.PolynomialNetwork as a Weka option string (e.g. "
        + "\"-no-linear -clip 0.5\"); the options of the typed params are refused here",
        new Valid<>("wekaOptions"));
    weightCol = new Param<>(owner, "weightCol", "instance weight column name (weights finite "
        + "and >= 0, as Weka's instance weights); empty or unset for weight 1",
        new Valid<>("weightCol"));
    handleInvalid = new Param<>(owner, "handleInvalid", "what fit does with training rows whose"
        + " features are null, of another length, NaN or infinite, whose label is null, NaN, "
        + "infinite (or not a class index) or whose weight is null, NaN, negative or infinite: "
        + "'error' (default) refuses the data, naming the column and the number of such rows; "
        + "'skip' leaves those rows out and counts them in the model's text",
        new Valid<>("handleInvalid"));
  }

  void setDefaults(Params owner) {
    owner.setDefault(rank, (Object) DEFAULTS.rank());
    owner.setDefault(solver, DEFAULTS.method().displayName());
    owner.setDefault(stepRule, WEKA_DEFAULTS.getStepRule().getSelectedTag().getIDStr());
    owner.setDefault(maxIter, (Object) DEFAULTS.maxIterations());
    owner.setDefault(tol, (Object) DEFAULTS.tolerance());
    owner.setDefault(ridge, (Object) DEFAULTS.ridge());
    owner.setDefault(seed, (Object) (int) DEFAULTS.seed());
    owner.setDefault(validationFraction, (Object) DEFAULTS.validationFraction());
    owner.setDefault(validationRuns, (Object) DEFAULTS.validationRuns());
    owner.setDefault(wekaOptions, "");
    owner.setDefault(weightCol, "");
    owner.setDefault(handleInvalid, "error");
  }

  /** The typed params' Weka options, refused in {@link #wekaOptions}, with the param's name. */
  private static final String[][] TYPED = {{"-N", "rank"}, {"-solver", "solver"},
    {"-step", "stepRule"}, {"-I", "maxIter"}, {"-tol", "tol"}, {"-ridge", "ridge"},
    {"-S", "seed"}, {"-validation", "validationFraction"},
    {"-validation-runs", "validationRuns"}};

  /**
   * The Weka options of {@code options}, checked: split as Weka splits them, none of them a
   * typed param's option, and accepted by the classifier.
   *
   * @throws IllegalArgumentException naming the param and what is wrong
   */
  static String[] wekaOptions(String options) {
    String[] split;
    try {
      split = Utils.splitOptions(options);
    } catch (Exception e) {
      throw new IllegalArgumentException("wekaOptions '" + options + "': " + e.getMessage(), e);
    }
    for (String o : split) {
      for (String[] typed : TYPED) {
        if (o.equals(typed[0])) {
          throw new IllegalArgumentException("wekaOptions '" + options + "': " + typed[0]
              + " is the param " + typed[1] + "; set it there (e.g. set" + Character.toUpperCase(
                  typed[1].charAt(0)) + typed[1].substring(1) + "(...)).");
        }
      }
    }
    try {
      new PolynomialNetwork().setOptions(split.clone());
    } catch (Exception e) {
      throw new IllegalArgumentException("wekaOptions '" + options + "': " + e.getMessage(), e);
    }
    return split;
  }

  /**
   * The Weka classifier these params configure.
   *
   * @throws IllegalArgumentException naming the param when a value is refused
   */
  PolynomialNetwork classifier(Params owner) {
    String options = owner.getOrDefault(wekaOptions);
    String[] split = wekaOptions(options);
    PolynomialNetwork c = new PolynomialNetwork();
    try {
      c.setOptions(split);
    } catch (Exception e) {
      throw new IllegalArgumentException("wekaOptions '" + options + "': " + e.getMessage(), e);
    }
    c.setNumHiddenUnits((Integer) owner.getOrDefault(rank));
    c.setSolver(new SelectedTag(tag(PolynomialNetwork.TAGS_SOLVER, owner.getOrDefault(solver)),
        PolynomialNetwork.TAGS_SOLVER));
    c.setStepRule(new SelectedTag(tag(PolynomialNetwork.TAGS_STEP, owner.getOrDefault(stepRule)),
        PolynomialNetwork.TAGS_STEP));
    c.setMaxIterations((Integer) owner.getOrDefault(maxIter));
    c.setTolerance((Double) owner.getOrDefault(tol));
    c.setRidge((Double) owner.getOrDefault(ridge));
    c.setSeed((Integer) owner.getOrDefault(seed));
    c.setValidationFraction((Double) owner.getOrDefault(validationFraction));
    c.setValidationRuns((Integer) owner.getOrDefault(validationRuns));
    return c;
  }

  /** Whether fit leaves out rows with invalid values (else it refuses them). */
  boolean skipInvalid(Params owner) {
    return "skip".equals(owner.getOrDefault(handleInvalid));
  }

  /** The weight column, or null for none. */
  String weightColumn(Params owner) {
    String w = owner.getOrDefault(weightCol);
    return w == null || w.isEmpty() ? null : w;
  }

  private static String doc(OptionText option) {
    return "(Weka's " + option.synopsis() + ") " + option.tipText();
  }

  private static int tag(Tag[] tags, String name) {
    for (Tag t : tags) {
      if (t.getIDStr().equalsIgnoreCase(name)) {
        return t.getID();
      }
    }
    return -1;
  }

  private static String names(Tag[] tags) {
    String[] n = new String[tags.length];
    for (int i = 0; i < tags.length; i++) {
      n[i] = tags[i].getIDStr();
    }
    return Arrays.toString(n);
  }

  /** A param's validity: the engine's own check of the option (Serializable, unlike a lambda). */
  static final class Valid<T> extends AbstractFunction1<T, Object> implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String param;

    Valid(String param) {
      this.param = param;
    }

    /**
     * True for a valid value; an invalid one is refused here with the reason (Spark's own
     * message would only say "given invalid value").
     */
    @Override
    public Object apply(T v) {
      try {
        switch (param) {
          case "rank": DEFAULTS.rank((Integer) v); break;
          case "maxIter": DEFAULTS.maxIterations((Integer) v); break;
          case "tol": DEFAULTS.tolerance((Double) v); break;
          case "ridge": DEFAULTS.ridge((Double) v); break;
          case "validationFraction": DEFAULTS.validationFraction((Double) v); break;
          case "validationRuns": DEFAULTS.validationRuns((Integer) v); break;
          case "solver": oneOf(PolynomialNetwork.TAGS_SOLVER, (String) v); break;
          case "stepRule": oneOf(PolynomialNetwork.TAGS_STEP, (String) v); break;
          case "wekaOptions": wekaOptions(requireText((String) v)); break;
          case "weightCol": requireText((String) v); break;
          case "handleInvalid":
            if (!"error".equals(v) && !"skip".equals(v)) {
              throw new IllegalArgumentException("'" + v + "'; use 'error' or 'skip'.");
            }
            break;
          default: break; // seed: any int
        }
        return true;
      } catch (IllegalArgumentException e) {
        String m = e.getMessage();
        throw new IllegalArgumentException(m != null && m.startsWith(param) ? m
            : "param " + param + ": " + m, e);
      }
    }

    private static void oneOf(Tag[] tags, String name) {
      if (name == null || tag(tags, name) < 0) {
        throw new IllegalArgumentException("'" + name + "' is not one of " + names(tags) + ".");
      }
    }

    private static String requireText(String v) {
      if (v == null) {
        throw new IllegalArgumentException("null; give a string (empty for none).");
      }
      return v;
    }

    @Override
    public String toString() {
      return param.toLowerCase(Locale.ROOT);
    }
  }
}
