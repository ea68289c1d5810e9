/*
 * The fused data pass of polynomialNetwork (t = Bᵀx_i, s_i = f(t), Z += x_i s_iᵀ) written in C with
 * AVX2/FMA intrinsics, as a machine ceiling for the Java kernels: what the same register blocking
 * reaches when a C compiler allocates the registers. Not part of the package.
 *
 *   untiled: 4 rows × 3 columns of B per register block (12 accumulators), whole rows (as the Java
 *            VectorPassKernel does, which uses 4 × 2).
 *   tiled:   the same blocks over p-chunks of PC columns for groups of G rows, so that the chunk
 *            of B (pass 1) and of the group's rows (pass 2) stay in L1.
 *
 *   peak:    256-bit FMAs on 12 independent register accumulators and no memory traffic, the
 *            compute peak of one core (an AVX-512 core of a 2-vCPU AMD EPYC Zen 5 VM measured about
 *            135 GFLOP/s with 512-bit FMAs; this loop uses 256-bit FMAs, so it shows the AVX2 peak),
 *            so that every kernel figure can also be read as a fraction of what this core can do.
 *
 * Build and run: scripts/c-reference-pass.sh [m p k]
 * Prints the best GFLOP/s (4·m·p·k flops per pass) of 6 passes, one thread.
 */
#include <immintrin.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

static double acc_buf[64 * 64 * 4] __attribute__((aligned(64)));

#define FMA(a, x, b) a = _mm256_fmadd_pd(x, b, a)

/* t[r*k + c] = x_rᵀ b_c for G rows (G a multiple of 4), over p-chunks of PC columns. */
static void project(const double *x, int p, double **b, int k, double *t, int G, int PC) {
  memset(acc_buf, 0, sizeof(double) * G * k * 4);
  int rs = k * 4;
  for (int j0 = 0; j0 < p; j0 += PC) {
    int j1 = j0 + PC < p ? j0 + PC : p;
    for (int q = 0; q < G; q += 4) {
      const double *x0 = x + (size_t) q * p, *x1 = x0 + p, *x2 = x1 + p, *x3 = x2 + p;
      int c = 0;
      for (; c + 3 <= k; c += 3) {
        double *A = acc_buf + (q * k + c) * 4;
        __m256d a0 = _mm256_load_pd(A), a1 = _mm256_load_pd(A + rs),
                a2 = _mm256_load_pd(A + 2 * rs), a3 = _mm256_load_pd(A + 3 * rs);
        __m256d e0 = _mm256_load_pd(A + 4), e1 = _mm256_load_pd(A + rs + 4),
                e2 = _mm256_load_pd(A + 2 * rs + 4), e3 = _mm256_load_pd(A + 3 * rs + 4);
        __m256d f0 = _mm256_load_pd(A + 8), f1 = _mm256_load_pd(A + rs + 8),
                f2 = _mm256_load_pd(A + 2 * rs + 8), f3 = _mm256_load_pd(A + 3 * rs + 8);
        const double *u = b[c], *v = b[c + 1], *w = b[c + 2];
        for (int j = j0; j < j1; j += 4) {
          __m256d X0 = _mm256_loadu_pd(x0 + j), X1 = _mm256_loadu_pd(x1 + j),
                  X2 = _mm256_loadu_pd(x2 + j), X3 = _mm256_loadu_pd(x3 + j);
          __m256d U = _mm256_loadu_pd(u + j), V = _mm256_loadu_pd(v + j),
                  W = _mm256_loadu_pd(w + j);
          FMA(a0, X0, U); FMA(a1, X1, U); FMA(a2, X2, U); FMA(a3, X3, U);
          FMA(e0, X0, V); FMA(e1, X1, V); FMA(e2, X2, V); FMA(e3, X3, V);
          FMA(f0, X0, W); FMA(f1, X1, W); FMA(f2, X2, W); FMA(f3, X3, W);
        }
        _mm256_store_pd(A, a0); _mm256_store_pd(A + rs, a1);
        _mm256_store_pd(A + 2 * rs, a2); _mm256_store_pd(A + 3 * rs, a3);
        _mm256_store_pd(A + 4, e0); _mm256_store_pd(A + rs + 4, e1);
        _mm256_store_pd(A + 2 * rs + 4, e2); _mm256_store_pd(A + 3 * rs + 4, e3);
        _mm256_store_pd(A + 8, f0); _mm256_store_pd(A + rs + 8, f1);
        _mm256_store_pd(A + 2 * rs + 8, f2); _mm256_store_pd(A + 3 * rs + 8, f3);
      }
      for (; c < k; c++) {
        double *A = acc_buf + (q * k + c) * 4;
        __m256d a0 = _mm256_load_pd(A), a1 = _mm256_load_pd(A + rs),
                a2 = _mm256_load_pd(A + 2 * rs), a3 = _mm256_load_pd(A + 3 * rs);
        const double *u = b[c];
        for (int j = j0; j < j1; j += 4) {
          __m256d U = _mm256_loadu_pd(u + j);
          FMA(a0, _mm256_loadu_pd(x0 + j), U); FMA(a1, _mm256_loadu_pd(x1 + j), U);
          FMA(a2, _mm256_loadu_pd(x2 + j), U); FMA(a3, _mm256_loadu_pd(x3 + j), U);
        }
        _mm256_store_pd(A, a0); _mm256_store_pd(A + rs, a1);
        _mm256_store_pd(A + 2 * rs, a2); _mm256_store_pd(A + 3 * rs, a3);
      }
    }
  }
  for (int i = 0; i < G * k; i++) {
    double *A = acc_buf + i * 4;
    t[i] = (A[0] + A[1]) + (A[2] + A[3]);
  }
}

/* z_c += Σ_r s[r*k + c] x_r for G rows, over p-chunks of PC columns. */
static void accumulate(const double *x, int p, const double *s, int k, double **z, int G, int PC) {
  for (int j0 = 0; j0 < p; j0 += PC) {
    int j1 = j0 + PC < p ? j0 + PC : p;
    for (int c = 0; c < k; c++) {
      double *zc = z[c];
      for (int q = 0; q < G; q += 4) {
        const double *x0 = x + (size_t) q * p, *x1 = x0 + p, *x2 = x1 + p, *x3 = x2 + p;
        const double *sq = s + q * k;
        __m256d s0 = _mm256_set1_pd(sq[c]), s1 = _mm256_set1_pd(sq[k + c]),
                s2 = _mm256_set1_pd(sq[2 * k + c]), s3 = _mm256_set1_pd(sq[3 * k + c]);
        for (int j = j0; j < j1; j += 4) {
          __m256d a = _mm256_fmadd_pd(_mm256_loadu_pd(x1 + j), s1,
                                      _mm256_mul_pd(_mm256_loadu_pd(x0 + j), s0));
          __m256d bb = _mm256_fmadd_pd(_mm256_loadu_pd(x3 + j), s3,
                                       _mm256_mul_pd(_mm256_loadu_pd(x2 + j), s2));
          _mm256_storeu_pd(zc + j, _mm256_add_pd(_mm256_loadu_pd(zc + j), _mm256_add_pd(a, bb)));
        }
      }
    }
  }
}

static double run(const double *X, int m, int p, int k, double **b, double **z, int G, int PC) {
  static double t[64 * 64], s[64 * 64];
  double best = 0;
  for (int rep = 0; rep < 6; rep++) {
    double t0 = now();
    for (int i = 0; i + G <= m; i += G) {
      const double *xg = X + (size_t) i * p;
      project(xg, p, b, k, t, G, PC);
      for (int q = 0; q < G * k; q++) {
        s[q] = 0.5 * t[q];
      }
      accumulate(xg, p, s, k, z, G, PC);
    }
    double g = 4.0 * m * p * k / (now() - t0) / 1e9;
    if (g > best) {
      best = g;
    }
  }
  return best;
}

/* Best GFLOP/s of 6 runs of n rounds of 12 independent 4-lane FMAs (12 chains cover the FMA
 * latency × the two FMA pipes of current x86 cores, so the loop is throughput-bound). */
static double fma_peak(long n) {
  double best = 0;
  for (int rep = 0; rep < 6; rep++) {
    __m256d a[12];
    __m256d x = _mm256_set1_pd(0.999999), y = _mm256_set1_pd(1e-9);
    for (int i = 0; i < 12; i++) {
      a[i] = _mm256_set1_pd(i);
    }
    double t0 = now();
    for (long r = 0; r < n; r++) {
      a[0] = _mm256_fmadd_pd(a[0], x, y);
      a[1] = _mm256_fmadd_pd(a[1], x, y);
      a[2] = _mm256_fmadd_pd(a[2], x, y);
      a[3] = _mm256_fmadd_pd(a[3], x, y);
      a[4] = _mm256_fmadd_pd(a[4], x, y);
      a[5] = _mm256_fmadd_pd(a[5], x, y);
      a[6] = _mm256_fmadd_pd(a[6], x, y);
      a[7] = _mm256_fmadd_pd(a[7], x, y);
      a[8] = _mm256_fmadd_pd(a[8], x, y);
      a[9] = _mm256_fmadd_pd(a[9], x, y);
      a[10] = _mm256_fmadd_pd(a[10], x, y);
      a[11] = _mm256_fmadd_pd(a[11], x, y);
    }
    double g = 12.0 * 8.0 * n / (now() - t0) / 1e9;
    __m256d s = a[0];
    for (int i = 1; i < 12; i++) {
      s = _mm256_add_pd(s, a[i]);
    }
    double out[4];
    _mm256_storeu_pd(out, s);
    if (out[0] == 12345.0) { /* keeps the chains live */
      g = -g;
    }
    if (g > best) {
      best = g;
    }
  }
  return best;
}

int main(int argc, char **argv) {
  int m = argc > 1 ? atoi(argv[1]) : 100000;
  int p = argc > 2 ? atoi(argv[2]) : 1000;
  int k = argc > 3 ? atoi(argv[3]) : 20;
  if (p % 4 != 0 || k > 64 || k < 1) {
    fprintf(stderr, "p must be a multiple of 4 and 1 <= k <= 64\n");
    return 2;
  }
  double *X = aligned_alloc(64, (size_t) m * p * sizeof(double));
  srand(1);
  for (size_t i = 0; i < (size_t) m * p; i++) {
    X[i] = rand() / (double) RAND_MAX - 0.5;
  }
  double *b[64], *z[64];
  for (int c = 0; c < k; c++) {
    b[c] = aligned_alloc(64, p * sizeof(double));
    z[c] = aligned_alloc(64, p * sizeof(double));
    for (int j = 0; j < p; j++) {
      b[c][j] = rand() / (double) RAND_MAX;
      z[c][j] = 0;
    }
  }
  printf("FMA peak of one core (256-bit FMAs, 12 register chains, no memory): %.1f GFLOP/s\n\n",
         fma_peak(200000000L));
  printf("| m | p | k | C kernel (4 rows x 3 columns, gcc -O3 -mavx2 -mfma) | GFLOP/s, 1 thread, best of 6 |\n");
  printf("|---|---|---|---|---|\n");
  printf("| %d | %d | %d | untiled: whole rows, 4-row groups | %.1f |\n", m, p, k,
         run(X, m, p, k, b, z, 4, p));
  int groups[] = {4, 8, 16};
  int chunks[] = {128, 256};
  for (int gi = 0; gi < 3; gi++) {
    for (int ci = 0; ci < 2; ci++) {
      if (chunks[ci] < p) {
        printf("| %d | %d | %d | tiled: %d-row groups, p-chunks of %d | %.1f |\n", m, p, k,
               groups[gi], chunks[ci], run(X, m, p, k, b, z, groups[gi], chunks[ci]));
      }
    }
  }
  return z[0][0] == 12345.0;
}
