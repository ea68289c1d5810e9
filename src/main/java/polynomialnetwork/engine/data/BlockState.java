package polynomialnetwork.engine.data;

import java.io.Serializable;

/**
 * What the passes keep beside one {@link RowBlock} from one pass to the next: per-row numbers
 * that belong to whoever runs the passes (the objective's residuals, its rows' split numbers),
 * held beside the block rather than in arrays of length m. A back end only keeps the content,
 * hands it to each pass with its block, and, when it must be able to redo a pass, copies it
 * ({@link #copy}) before a pass that updates it: the old state then stays valid until the new
 * one is safe, and a lost block can be recomputed from it.
 */
public final class BlockState implements Serializable {

  private static final long serialVersionUID = 2L;

  /** The per-row numbers of one block, as their owner defines them. */
  public interface Content extends Serializable {

    /**
     * A copy that a pass may update without changing this one. A shallow copy suffices when
     * passes replace arrays rather than write into arrays they found.
     */
    Content copy();
  }

  private Content content;

  /** The content, or null before any pass has set one. */
  public Content content() {
    return content;
  }

  /** Sets the content (a pass that {@link BlockAggregator#updatesState() updates state}). */
  public void setContent(Content c) {
    content = c;
  }

  /** A copy whose content is {@link Content#copy() copied}. */
  public BlockState copy() {
    BlockState c = new BlockState();
    c.content = content == null ? null : content.copy();
    return c;
  }
}
