package dev.gannet.tools.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HeadTailBufferTest {
    @Test
    void keepsEverythingThatFits() {
        HeadTailBuffer buffer = new HeadTailBuffer(8, 8);
        write(buffer, "hello ");
        write(buffer, "world");
        assertEquals("hello world", buffer.text());
        assertFalse(buffer.truncated());
        assertEquals(11, buffer.total());
    }

    @Test
    void keepsHeadAndTailOfAnythingLongerInAnyChunking() {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            all.append(i).append(' ');
        }
        String text = all.toString();
        Random random = new Random(3);
        for (int round = 0; round < 50; round++) {
            HeadTailBuffer buffer = new HeadTailBuffer(100, 60);
            byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
            for (int at = 0; at < bytes.length; ) {
                int n = Math.min(bytes.length - at, 1 + random.nextInt(300));
                buffer.write(bytes, at, n);
                at += n;
            }
            String expected = text.substring(0, 100) + "\n[... " + (text.length() - 160) + " bytes of output omitted ...]\n"
                    + text.substring(text.length() - 60);
            assertEquals(expected, buffer.text());
            assertTrue(buffer.truncated());
        }
    }

    private static void write(HeadTailBuffer buffer, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        buffer.write(bytes, 0, bytes.length);
    }
}
