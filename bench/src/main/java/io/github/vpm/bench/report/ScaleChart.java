package io.github.vpm.bench.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The chart of {@code bench/run --scale}: against the fleet size (log scale), the throughput of the
 * job and its ceiling on the left, the incremental checkpoint's duration and the restore time on the
 * right (log scale: they span milliseconds to minutes). One point per size, from its {@link ScaleLine}.
 */
public final class ScaleChart {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 440;

    private ScaleChart() {}

    public static void write(List<ScaleLine> lines, Path png) throws IOException {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("no fleet size to draw");
        }
        Chart.writeSideBySide(List.of(throughput(lines), durations(lines)), WIDTH, HEIGHT, png);
    }

    private static XYChart throughput(List<ScaleLine> lines) {
        XYChart chart = chart("Throughput against fleet size (median of runs)", "readings / s");
        series(chart, "ceiling", lines, ScaleLine::ceiling);
        series(chart, "job", lines, ScaleLine::job);
        return chart;
    }

    private static XYChart durations(List<ScaleLine> lines) {
        XYChart chart = chart("Checkpoint under load and restore", "ms (log)");
        // A log axis cannot show 0: a duration below 1 ms is drawn at 1 ms.
        series(chart, "incremental checkpoint", lines, l -> Math.max(1, l.checkpointMillis()));
        series(chart, "restore from savepoint", lines, l -> Math.max(1, l.restoreMillis()));
        chart.getStyler().setYAxisLogarithmic(true);
        return chart;
    }

    private static XYChart chart(String title, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("vehicles (log)").yAxisTitle(yTitle).build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setToolTipsEnabled(false);
        return chart;
    }

    private static void series(XYChart chart, String name, List<ScaleLine> lines, ToDoubleFunction<ScaleLine> y) {
        double[] xs = lines.stream().mapToDouble(ScaleLine::vehicles).toArray();
        double[] ys = lines.stream().mapToDouble(y).toArray();
        chart.addSeries(name, xs, ys).setMarker(SeriesMarkers.CIRCLE);
    }
}
