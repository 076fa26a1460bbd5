package io.github.vpm.bench.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/** One PNG: throughput per system (median, min-max as error bars) beside latency p50/p99 per setting. */
public final class Chart {

    private static final int WIDTH = 760;
    private static final int HEIGHT = 480;

    private Chart() {}

    public static void write(Report report, Path png) throws IOException {
        List<CategoryChart> charts = new ArrayList<>();
        charts.add(throughput(report));
        if (!report.latencySummaries().isEmpty()) {
            charts.add(latency(report));
        }
        writeSideBySide(charts, WIDTH, HEIGHT, png);
    }

    /** One PNG with the charts side by side, each {@code width} x {@code height}, on white. */
    static void writeSideBySide(List<? extends org.knowm.xchart.internal.chartpart.Chart<?, ?>> charts, int width,
                                int height, Path png) throws IOException {
        BufferedImage image = new BufferedImage(width * charts.size(), height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), height);
        for (int i = 0; i < charts.size(); i++) {
            Graphics2D part = (Graphics2D) g.create(i * width, 0, width, height);
            charts.get(i).paint(part, width, height);
            part.dispose();
        }
        g.dispose();
        Files.createDirectories(png.toAbsolutePath().getParent());
        ImageIO.write(image, "png", png.toFile());
    }

    private static CategoryChart throughput(Report report) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Throughput per system (min, median, max of runs)").xAxisTitle("system")
                .yAxisTitle("readings / s").build();
        style(chart);
        List<String> names = new ArrayList<>();
        List<Double> min = new ArrayList<>();
        List<Double> median = new ArrayList<>();
        List<Double> max = new ArrayList<>();
        for (Report.Summary s : report.throughputSummaries()) {
            names.add(s.name());
            min.add(s.min());
            median.add(s.median());
            max.add(s.max());
        }
        // Three bars per system rather than error bars: XChart's are symmetric, a spread seldom is.
        chart.addSeries("min", names, min);
        chart.addSeries("median", names, median);
        chart.addSeries("max", names, max);
        return chart;
    }

    private static CategoryChart latency(Report report) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("End-to-end latency of the job (median of runs)").xAxisTitle("setting")
                .yAxisTitle("ms").build();
        style(chart);
        List<String> names = new ArrayList<>();
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        for (Map.Entry<String, Report.Summary[]> e : report.latencySummaries().entrySet()) {
            names.add(e.getKey().replace("job ", "").replace(" checkpoints", " ckpt"));
            p50.add(e.getValue()[0].median());
            p99.add(e.getValue()[1].median());
        }
        chart.addSeries("p50", names, p50);
        chart.addSeries("p99", names, p99);
        return chart;
    }

    private static void style(CategoryChart chart) {
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setToolTipsEnabled(false);
        chart.getStyler().setXAxisLabelRotation(15);
    }
}
