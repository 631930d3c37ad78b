package io.zenoo.sample;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The live cache page ({@code /live.html}) as a test reads and drives it: what it shows, by the same CSS classes the
 * page uses.
 */
final class LivePage {

	private final WebDriver driver;

	private LivePage(WebDriver driver) {
		this.driver = driver;
	}

	/**
	 * Open the page and wait for its first reading of the actuator.
	 * @param driver the browser
	 * @param port the application's port
	 * @param refreshSeconds the page's refresh interval
	 * @return the page
	 */
	static LivePage open(WebDriver driver, int port, double refreshSeconds) {
		driver.get("http://127.0.0.1:" + port + "/live.html?refresh=" + refreshSeconds);
		LivePage page = new LivePage(driver);
		await("the page's first reading").until(() -> page.text("last-update").startsWith("updated"));
		return page;
	}

	/**
	 * The page's text for a rate, as it formats one: {@code 0.5} is {@code 50.0 %}.
	 * @param rate a rate from 0 to 1
	 * @return the text
	 */
	static String percent(double rate) {
		return String.format(Locale.ROOT, "%.1f %%", rate * 100);
	}

	static ConditionFactory await(String what) {
		return Awaitility.await(what).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100));
	}

	/**
	 * @return the names of the caches the page lists, in its order
	 */
	List<String> cacheNames() {
		return this.driver.findElements(By.cssSelector("#caches > section.cache"))
			.stream()
			.map((card) -> card.getDomAttribute("data-cache"))
			.toList();
	}

	WebElement card(String cache) {
		return this.driver.findElement(By.cssSelector("#caches > section.cache[data-cache='" + cache + "']"));
	}

	String cacheType(String cache) {
		return card(cache).findElement(By.cssSelector("header .type")).getText();
	}

	String cacheFigure(String cache, String figure) {
		return card(cache).findElement(By.cssSelector(".figures ." + figure)).getText();
	}

	/**
	 * @param cache a cache name
	 * @return the points its hit-rate chart draws
	 */
	int chartPoints(String cache) {
		return card(cache).findElements(By.cssSelector(":scope > svg.chart circle")).size();
	}

	/**
	 * @param cache a cache name
	 * @return the heights of its chart's points, oldest first, in SVG units: 0 is the top (100 %), 60 the bottom
	 */
	List<Double> chartHeights(String cache) {
		return card(cache).findElements(By.cssSelector(":scope > svg.chart circle"))
			.stream()
			.map((point) -> Double.parseDouble(point.getDomAttribute("cy")))
			.toList();
	}

	static double last(List<Double> heights) {
		return heights.get(heights.size() - 1);
	}

	/**
	 * @param cache a tiered cache
	 * @param tier {@code l1} or {@code l2}
	 * @param column {@code tier-cache}, {@code hit-rate}, {@code size} or {@code memory}
	 * @return the tier row's text in that column
	 */
	String tierFigure(String cache, String tier, String column) {
		return card(cache).findElement(By.cssSelector(".tiers tr[data-tier='" + tier + "'] ." + column)).getText();
	}

	int tierChartPoints(String cache, String tier) {
		return card(cache).findElements(By.cssSelector(".tiers tr[data-tier='" + tier + "'] svg.chart circle")).size();
	}

	/**
	 * @param cache a cache name
	 * @return its Redis line (reachability, breaker, fallback), empty when the page shows none
	 */
	String redisLine(String cache) {
		WebElement line = card(cache).findElement(By.cssSelector(".redis"));
		return line.isDisplayed() ? line.getText() : "";
	}

	boolean redisDegraded(String cache) {
		String classes = card(cache).findElement(By.cssSelector(".redis")).getDomAttribute("class");
		return classes != null && List.of(classes.split("\\s+")).contains("degraded");
	}

	void clear(String cache) {
		card(cache).findElement(By.cssSelector("button.clear")).click();
	}

	String cacheOutcome(String cache) {
		return card(cache).findElement(By.cssSelector(".cache-outcome")).getText();
	}

	void warmUp() {
		this.driver.findElement(By.id("warm-up")).click();
	}

	/**
	 * @param id an element id
	 * @return its visible text, empty when it is hidden
	 */
	String text(String id) {
		return this.driver.findElement(By.id(id)).getText();
	}

	boolean shown(String id) {
		return this.driver.findElement(By.id(id)).isDisplayed();
	}

}
