/**
 * The pass kernel on the JDK Vector API ({@code jdk.incubator.vector}, Java 16+), compiled from
 * the Java 17 source set and loaded by name by {@code PassKernels} only when the JVM was started
 * with {@code --add-modules jdk.incubator.vector}; the same arithmetic as the portable kernel, in
 * SIMD lanes (doc/algorithms.md §9). Uses {@code kernel} only.
 */
package polynomialnetwork.engine.kernel.vector;
