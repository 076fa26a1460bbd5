package io.github.vpm.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScaleChartTest {

    @TempDir
    Path dir;

    @Test
    void drawsBothPanelsForEveryFleetSize() throws Exception {
        Path png = dir.resolve("charts/scale.png");
        ScaleChart.write(List.of(
                new ScaleLine(10_000, 30_000, 5_000, 12_000, 300, 160_000, 337_000, 1_000),
                new ScaleLine(1_000_000, 3_000_000, 40_000, 61_000, 91, 277_000, 17_000_000, 20_000),
                new ScaleLine(10_000_000, 30_000_000, 35_000, 50_000, 0, 300_000, 170_000_000, 200_000)), png);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(image.getHeight()).isEqualTo(440);
        // Something besides the white background was drawn in each half.
        assertThat(nonWhitePixels(image, 0, 640)).isGreaterThan(1_000);
        assertThat(nonWhitePixels(image, 640, 1280)).isGreaterThan(1_000);
    }

    @Test
    void refusesNoSizes() {
        assertThatThrownBy(() -> ScaleChart.write(List.of(), dir.resolve("scale.png")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no fleet size");
    }

    private static int nonWhitePixels(BufferedImage image, int fromX, int toX) {
        int count = 0;
        for (int x = fromX; x < toX; x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    count++;
                }
            }
        }
        return count;
    }
}
