package dev.gannet.kernels.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gannet.kernels.cuda.CudaProbe;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DeviceSelectionTest {
    @Test
    void parsesTheThreeChoicesAndRejectsOthersClearly() {
        assertEquals(ComputeDevice.AUTO, ComputeDevice.parse("auto"));
        assertEquals(ComputeDevice.CUDA, ComputeDevice.parse(" CUDA "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ComputeDevice.parse("gpu"));
        assertEquals("--device must be auto, cpu or cuda, not 'gpu'", e.getMessage());
    }

    @Test
    void cpuIsCpu() {
        assertEquals(ComputeDevice.CPU, DeviceSelection.resolve(ComputeDevice.CPU).device());
    }

    @Test
    void autoAndCudaFollowTheProbe() {
        CudaProbe.Result probe = CudaProbe.detect();
        if (probe instanceof CudaProbe.Unavailable none) {
            DeviceSelection auto = DeviceSelection.resolve(ComputeDevice.AUTO);
            assertEquals(ComputeDevice.CPU, auto.device());
            assertEquals("auto: " + none.reason(), auto.reason());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> DeviceSelection.resolve(ComputeDevice.CUDA));
            assertEquals("--device cuda: " + none.reason(), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), "one line");
        } else {
            assertEquals(ComputeDevice.CUDA, DeviceSelection.resolve(ComputeDevice.AUTO).device());
            assertEquals(ComputeDevice.CUDA, DeviceSelection.resolve(ComputeDevice.CUDA).device());
        }
    }

    /**
     * The CPU path must not load CUDA classes. The selection runs in a fresh class loader over the
     * compiled classes, so what it loads is seen apart from what other tests loaded.
     */
    @Test
    void theCpuPathNeverLoadsACudaClass() throws Exception {
        try (IsolatedLoader loader = new IsolatedLoader()) {
            Class<?> selection = loader.loadClass(DeviceSelection.class.getName());
            Class<?> device = loader.loadClass(ComputeDevice.class.getName());
            Object cpu = device.getMethod("parse", String.class).invoke(null, "cpu");
            Object chosen = selection.getMethod("resolve", device).invoke(null, cpu);
            assertEquals("CPU", selection.getMethod("device").invoke(chosen).toString());
            assertFalse(loader.loaded("dev.gannet.kernels.device.CudaProbing"), "CudaProbing was loaded");
            for (String name : new String[]{"CudaProbe", "CudaDriver", "CudaContext", "CudaBackend"}) {
                assertFalse(loader.loaded("dev.gannet.kernels.cuda." + name), name + " was loaded");
            }
            // And the check can see a load: auto does touch the probe.
            Object auto = device.getMethod("parse", String.class).invoke(null, "auto");
            selection.getMethod("resolve", device).invoke(null, auto);
            assertTrue(loader.loaded("dev.gannet.kernels.cuda.CudaProbe"));
        }
    }

    /** Loads this module's classes itself (child first), and tells which it has loaded. */
    private static final class IsolatedLoader extends URLClassLoader {
        IsolatedLoader() throws Exception {
            super(new URL[]{classes()}, ClassLoader.getPlatformClassLoader());
        }

        private static URL classes() throws Exception {
            Path location = Path.of(DeviceSelection.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.toUri().toURL();
        }

        boolean loaded(String name) {
            return findLoadedClass(name) != null;
        }
    }
}
