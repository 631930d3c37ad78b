package io.zenoo.benchmarks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

/**
 * Draws the latency percentiles of the {@code SampleTime} benchmarks as one PNG line chart (Java2D, headless): the
 * percentiles across, the latency up on a logarithmic scale, one line per benchmark.
 */
final class LatencyChart {

	static {
		System.setProperty("java.awt.headless", "true");
	}

	private static final int WIDTH = 960;

	private static final int HEIGHT = 540;

	private static final int LEFT = 100;

	private static final int RIGHT = 30;

	private static final int TOP = 60;

	private static final int BOTTOM = 70;

	private static final List<Color> COLORS = List.of(new Color(0x1b9e77), new Color(0x7570b3), new Color(0xd95f02),
			new Color(0xe7298a), new Color(0x66a61e));

	private LatencyChart() {
	}

	/**
	 * Write the chart.
	 * @param file the PNG to write
	 * @param distributions the percentiles ({@link Scores#PERCENTILES}) by series name, all in the same unit
	 * @param unit that unit, as JMH names it ({@code us/op})
	 * @throws IllegalArgumentException if there is nothing to draw
	 */
	static void write(Path file, Map<String, double[]> distributions, String unit) throws IOException {
		if (distributions.isEmpty()) {
			throw new IllegalArgumentException("no latency distribution to draw");
		}
		double min = Double.MAX_VALUE;
		double max = 0;
		for (double[] values : distributions.values()) {
			for (double value : values) {
				min = Math.min(min, Math.max(value, 1e-3));
				max = Math.max(max, value);
			}
		}
		int lowDecade = (int) Math.floor(Math.log10(min));
		// one decade of headroom above the slowest line keeps the legend clear of the data
		int highDecade = Math.max(lowDecade + 1, (int) Math.ceil(Math.log10(max))) + 1;
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, WIDTH, HEIGHT);
			int plotWidth = WIDTH - LEFT - RIGHT;
			int plotHeight = HEIGHT - TOP - BOTTOM;
			g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
			g.setColor(Color.BLACK);
			g.drawString("Latency of one read: cache hits vs an Odoo call (JMH SampleTime, log scale)", LEFT, 30);
			g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
			FontMetrics metrics = g.getFontMetrics();
			for (int decade = lowDecade; decade <= highDecade; decade++) {
				int y = TOP + plotHeight - (int) Math.round((double) (decade - lowDecade) / (highDecade - lowDecade)
						* plotHeight);
				g.setColor(new Color(0xdddddd));
				g.drawLine(LEFT, y, LEFT + plotWidth, y);
				g.setColor(Color.DARK_GRAY);
				String label = Numbers.time(Math.pow(10, decade), unit);
				g.drawString(label, LEFT - 8 - metrics.stringWidth(label), y + 4);
			}
			List<Double> percentiles = Scores.PERCENTILES;
			for (int i = 0; i < percentiles.size(); i++) {
				int x = x(i, percentiles.size(), plotWidth);
				g.setColor(new Color(0xeeeeee));
				g.drawLine(x, TOP, x, TOP + plotHeight);
				g.setColor(Color.DARK_GRAY);
				String label = Numbers.percentile(percentiles.get(i));
				g.drawString(label, x - metrics.stringWidth(label) / 2, TOP + plotHeight + 20);
			}
			g.drawString("percentile", LEFT + plotWidth / 2 - 30, TOP + plotHeight + 45);
			g.setColor(Color.BLACK);
			g.drawRect(LEFT, TOP, plotWidth, plotHeight);
			int series = 0;
			g.setStroke(new BasicStroke(2.5f));
			for (Map.Entry<String, double[]> entry : distributions.entrySet()) {
				Color color = COLORS.get(series % COLORS.size());
				g.setColor(color);
				double[] values = entry.getValue();
				int previousX = -1;
				int previousY = -1;
				for (int i = 0; i < values.length; i++) {
					int x = x(i, values.length, plotWidth);
					double log = Math.log10(Math.max(values[i], 1e-3));
					int y = TOP + plotHeight - (int) Math.round((log - lowDecade) / (highDecade - lowDecade) * plotHeight);
					g.fillOval(x - 4, y - 4, 8, 8);
					if (previousX >= 0) {
						g.drawLine(previousX, previousY, x, y);
					}
					previousX = x;
					previousY = y;
				}
				int legendY = TOP + 18 + series * 18;
				g.fillRect(LEFT + 12, legendY - 9, 14, 10);
				g.setColor(Color.BLACK);
				g.drawString(entry.getKey(), LEFT + 32, legendY);
				series++;
			}
		}
		finally {
			g.dispose();
		}
		Files.createDirectories(file.toAbsolutePath().getParent());
		if (!ImageIO.write(image, "png", file.toFile())) {
			throw new IOException("no PNG writer available");
		}
	}

	private static int x(int index, int count, int plotWidth) {
		return LEFT + 30 + (int) Math.round((double) index / Math.max(1, count - 1) * (plotWidth - 60));
	}

}
