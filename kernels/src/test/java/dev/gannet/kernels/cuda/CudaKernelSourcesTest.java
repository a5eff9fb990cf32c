package dev.gannet.kernels.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The CUDA C sources and the PTX committed from them agree: every .cu has its .ptx resource, every
 * kernel it declares is an entry of that PTX, and every kernel the backend launches exists. (nvcc
 * is not on this machine; scripts/build_ptx.sh rebuilds the PTX and assembles it with ptxas.)
 */
class CudaKernelSourcesTest {
    private static final Path SOURCES = Path.of("src/main/cuda");
    private static final Pattern KERNEL = Pattern.compile("extern \"C\" __global__ void (\\w+)\\(");
    private static final Pattern MACRO_KERNELS = Pattern.compile("^MATVEC\\((\\w+), \\w+\\)$", Pattern.MULTILINE);
    private static final Pattern ENTRY = Pattern.compile("\\.entry (\\w+)\\(");

    @Test
    void everySourceHasItsPtxWithEveryKernelAsAnEntry() throws IOException {
        List<Path> sources = sources();
        assertFalse(sources.isEmpty(), "no .cu files under " + SOURCES.toAbsolutePath());
        for (Path cu : sources) {
            String module = cu.getFileName().toString().replace(".cu", "");
            String ptx = CudaModules.ptx(module);
            assertTrue(ptx.contains(".version ") && ptx.contains(".target sm_80"), module + ".ptx: no version/target");
            assertEquals(declaredKernels(Files.readString(cu)), entries(ptx), module + ": kernels in .cu vs .ptx");
        }
    }

    @Test
    void everyKernelTheBackendLaunchesIsInItsModule() {
        for (CudaKernel kernel : CudaKernel.values()) {
            assertTrue(entries(CudaModules.ptx(kernel.module())).contains(kernel.entry()),
                    kernel + " is not an entry of " + kernel.module() + ".ptx");
        }
    }

    @Test
    void ptxResourcesAreOnTheClasspath() {
        for (String module : CudaModules.MODULES) {
            InputStream in = CudaModules.class.getResourceAsStream(module + ".ptx");
            assertNotNull(in, module + ".ptx");
        }
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.list(SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".cu")).sorted().toList();
        }
    }

    private static TreeSet<String> declaredKernels(String source) {
        TreeSet<String> names = new TreeSet<>();
        Matcher m = KERNEL.matcher(source);
        while (m.find()) {
            names.add(m.group(1));
        }
        // MATVEC(name, TYPE) declares matvec_name and gemm_name.
        Matcher macro = MACRO_KERNELS.matcher(source);
        while (macro.find()) {
            names.add("matvec_" + macro.group(1));
            names.add("gemm_" + macro.group(1));
        }
        return names;
    }

    private static TreeSet<String> entries(String ptx) {
        TreeSet<String> names = new TreeSet<>();
        Matcher m = ENTRY.matcher(ptx);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }


}
