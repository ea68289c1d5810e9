package polynomialnetwork.bench.peers;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Streams a planted training set ({@link PlantedNetwork}: y = Σ_j α_j (w_jᵀx)², orthonormal w_j,
 * α = ±1, x ~ N(0, I)) to an ARFF file without holding it in memory, for the scale run
 * ({@code scripts/scale-run.sh}). Inputs are written with 5 decimals and y is computed from
 * the written (rounded) inputs, so the file is exactly noiseless. Seeded: the same arguments give
 * the same bytes.
 *
 * <p>Usage: {@code PlantedArffStream <out.arff> <m> <p> <r> [seed]}.
 */
public final class PlantedArffStream {

  private PlantedArffStream() {
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 4) {
      System.err.println("usage: PlantedArffStream <out.arff> <m> <p> <r> [seed]");
      System.exit(2);
    }
    String file = args[0];
    long m = Long.parseLong(args[1]);
    int p = Integer.parseInt(args[2]);
    int r = Integer.parseInt(args[3]);
    long seed = args.length > 4 ? Long.parseLong(args[4]) : 20240505L;
    PlantedNetwork net = new PlantedNetwork(p, r, seed);
    Random rng = net.dataStream(0);
    long t0 = System.nanoTime();
    try (OutputStream out = new BufferedOutputStream(new FileOutputStream(file), 1 << 20)) {
      StringBuilder h = new StringBuilder();
      h.append("% Planted noiseless quadratic network y = sum_j alpha_j (w_j . x)^2, p = ").append(p)
          .append(", r = ").append(r).append(", m = ").append(m).append(", seed ").append(seed)
          .append(",\n% alpha = +1,-1,+1,..., orthonormal w_j, x ~ N(0, I) rounded to 5 decimals.\n")
          .append("% Written by src/bench/java/polynomialnetwork/bench/peers/PlantedArffStream.java\n")
          .append("@relation planted-p").append(p).append("-r").append(r).append("-m").append(m)
          .append("\n\n");
      for (int k = 0; k < p; k++) {
        h.append("@attribute x").append(k + 1).append(" numeric\n");
      }
      h.append("@attribute y numeric\n\n@data\n");
      out.write(h.toString().getBytes(StandardCharsets.US_ASCII));
      double[] x = new double[p];
      byte[] line = new byte[p * 24 + 64];
      for (long i = 0; i < m; i++) {
        int n = 0;
        for (int k = 0; k < p; k++) {
          long v = Math.round(rng.nextGaussian() * 1e5);
          x[k] = v / 1e5;
          n = fixed5(v, line, n);
          line[n++] = ',';
        }
        byte[] y = Double.toString(net.response(x)).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(y, 0, line, n, y.length);
        n += y.length;
        line[n++] = '\n';
        out.write(line, 0, n);
      }
    }
    System.err.printf("wrote %s: m = %d, p = %d, r = %d in %.1f s%n", file, m, p, r,
        (System.nanoTime() - t0) * 1e-9);
  }

  /** Writes v / 10⁵ with exactly 5 decimals (e.g. -1.23456, 0.00012). */
  private static int fixed5(long v, byte[] b, int n) {
    if (v < 0) {
      b[n++] = '-';
      v = -v;
    }
    long ip = v / 100_000;
    long fp = v % 100_000;
    String s = Long.toString(ip);
    for (int i = 0; i < s.length(); i++) {
      b[n++] = (byte) s.charAt(i);
    }
    b[n++] = '.';
    for (long d = 10_000; d > 0; d /= 10) {
      b[n++] = (byte) ('0' + (fp / d) % 10);
    }
    return n;
  }
}
