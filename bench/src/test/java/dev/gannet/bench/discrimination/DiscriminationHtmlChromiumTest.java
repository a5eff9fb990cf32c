package dev.gannet.bench.discrimination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gannet.bench.discrimination.report.ReportFiles;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report opened in headless Chromium (Debian package {@code chromium}, installed by .ci/run):
 * the DOM Chromium builds holds one point per configuration and one bar per category and
 * configuration, and the screenshot shows the configurations' colours, so the charts were drawn.
 */
class DiscriminationHtmlChromiumTest {
    @TempDir
    Path out;

    @Test
    void chartsRenderInChromium() throws Exception {
        // Two configurations on the seed suite: the first as in the end-to-end test, the second always answering.
        BackendSource first = DiscriminationEndToEndTest.scripted("first", DiscriminationEndToEndTest.seedScript());
        BackendSource second = DiscriminationEndToEndTest.scripted("second", List.of("a", "b", "c", "d", "e"));
        DiscriminationReport report = DiscriminationEndToEndTest.run("seed", 5, out.resolve("run"), first, second);
        Path html = ReportFiles.write(report, out).get(2);

        String dom = chromium("--dump-dom", html.toUri().toString());
        assertEquals(2, count(dom, "<circle class=\"point\""), dom);
        assertEquals(5 * 2, count(dom, "<rect class=\"bar\""), dom);    // five categories × two configurations
        assertTrue(dom.contains("<svg id=\"accuracy-latency\""));

        Path png = out.resolve("shot.png");
        chromium("--screenshot=" + png, "--window-size=800,1400", html.toUri().toString());
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(pixels(image, 0x1f77b4) > 50, "the first configuration's colour is drawn");
        assertTrue(pixels(image, 0xd62728) > 50, "the second configuration's colour is drawn");
    }

    private static String chromium(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--user-data-dir=" + Files.createTempDirectory("chromium-profile")));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
        assertEquals(0, process.exitValue(), "chromium failed (is the Debian package chromium installed?)");
        return output;
    }

    private static int count(String text, String needle) {
        Matcher matcher = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }

    private static int pixels(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }
}
