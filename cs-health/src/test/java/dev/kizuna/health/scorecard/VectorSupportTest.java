package dev.kizuna.health.scorecard;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The build runs cs-health's tests with {@code --add-modules jdk.incubator.vector}, so the bit-for-bit batch
 * properties check the SIMD loops; this test fails if that ever stops being so, which would leave them checking the
 * plain loops twice. (A second run of the batch tests, without the module, checks the plain loops.)
 */
class VectorSupportTest {

    @Test
    void theTestJvmHasTheVectorApiAndTheBatchPathUsesIt() {
        assumeFalse("false".equals(System.getProperty(VectorSupport.PROPERTY)), "the plain-loops run");
        assertTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                "cs-health's tests must run with --add-modules jdk.incubator.vector");
        assertTrue(VectorSupport.kernels().isPresent(), "the SIMD kernels load when the module is present");
        assertTrue(VectorSupport.kernels().orElseThrow().lanes() >= 2);
    }

    @Test
    void theKernelsFoundAreTheVectorApiOnes() {
        assumeFalse("false".equals(System.getProperty(VectorSupport.PROPERTY)), "the plain-loops run");
        assertEquals("dev.kizuna.health.scorecard.VectorKernels",
                VectorSupport.kernels().orElseThrow().getClass().getName());
    }
}
