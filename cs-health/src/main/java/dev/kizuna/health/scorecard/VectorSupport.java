package dev.kizuna.health.scorecard;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Finds out, once, whether the batch path can use the JDK's Vector API. In Java 17 the API is an incubating module,
 * {@code jdk.incubator.vector}, which a JVM resolves only when started with {@code --add-modules
 * jdk.incubator.vector}. Without it, or with the system property {@value #PROPERTY} set to {@code false}, the batch
 * path runs its plain loops, which the JIT vectorises where it can; the results are the same bit for bit either way,
 * only the speed differs. The SIMD loops are logged once at INFO when they are used, the plain loops at DEBUG; a
 * module that is present but fails to load is logged at WARN, and the plain loops are used.
 */
final class VectorSupport {
    /** The system property that turns the Vector API off when set to {@code false}. */
    static final String PROPERTY = "kizuna.batch.vector";
    private static final String MODULE = "jdk.incubator.vector";
    private static final String KERNELS = "dev.kizuna.health.scorecard.VectorKernels";
    private static final Logger LOG = LoggerFactory.getLogger(VectorSupport.class);
    private static final Optional<SimdKernels> KERNELS_FOUND = find();

    private VectorSupport() {
    }

    /** Returns the SIMD kernels, if this JVM offers the Vector API and it is not turned off. */
    static Optional<SimdKernels> kernels() {
        return KERNELS_FOUND;
    }

    private static Optional<SimdKernels> find() {
        try {
            if ("false".equalsIgnoreCase(System.getProperty(PROPERTY, "true").trim())) {
                LOG.debug("batch scoring uses plain loops: {} is false", PROPERTY);
                return Optional.empty();
            }
            Optional<Module> vector = ModuleLayer.boot().findModule(MODULE);
            if (vector.isEmpty()) {
                LOG.debug("batch scoring uses plain loops; start the JVM with --add-modules {} for SIMD loops", MODULE);
                return Optional.empty();
            }
            // Kizuna does not require the incubating module, so as a named module it must ask to read it.
            VectorSupport.class.getModule().addReads(vector.get());
            SimdKernels kernels = (SimdKernels) Class.forName(KERNELS).getDeclaredConstructor().newInstance();
            if (kernels.lanes() < 2) {
                LOG.debug("batch scoring uses plain loops: the Vector API holds {} double a vector", kernels.lanes());
                return Optional.empty();
            }
            LOG.info("batch scoring uses the Vector API, {} doubles a vector", kernels.lanes());
            return Optional.of(kernels);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            LOG.warn("the Vector API could not be loaded; batch scoring uses plain loops", e);
            return Optional.empty();
        }
    }
}
