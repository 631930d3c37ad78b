package io.zenoo.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import org.springframework.util.FileSystemUtils;

/**
 * The machine's own headless Chromium, driven through its own chromedriver: Debian's {@code /usr/bin/chromium} and
 * {@code /usr/bin/chromedriver}, or the paths in {@code ZENOO_CHROMIUM} and {@code ZENOO_CHROMEDRIVER}. Both
 * executables are given to Selenium explicitly, so Selenium Manager never runs and nothing is downloaded. Without
 * them the calling test is skipped with a visible message, or fails when {@code ZENOO_REQUIRE_BROWSER=true} (CI).
 */
final class SystemBrowser implements AutoCloseable {

	static final String CHROMIUM_VARIABLE = "ZENOO_CHROMIUM";

	static final String CHROMEDRIVER_VARIABLE = "ZENOO_CHROMEDRIVER";

	static final String REQUIRE_VARIABLE = "ZENOO_REQUIRE_BROWSER";

	static final Path DEFAULT_CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path DEFAULT_CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final String SELENIUM_MANAGER_LOGGER = "org.openqa.selenium.manager";

	/** Loggers whose level was lowered; kept here so that they are not collected and forget it. */
	private static final List<Logger> QUIETED = new CopyOnWriteArrayList<>();

	private final ChromeDriver driver;

	private final ChromeDriverService service;

	private final Path profile;

	private final List<LogRecord> seleniumManagerLog;

	private SystemBrowser(ChromeDriver driver, ChromeDriverService service, Path profile,
			List<LogRecord> seleniumManagerLog) {
		this.driver = driver;
		this.service = service;
		this.profile = profile;
		this.seleniumManagerLog = seleniumManagerLog;
	}

	/**
	 * The browser and driver to use, from the environment and the Debian defaults.
	 * @param chromium the browser executable
	 * @param chromedriver the driver executable
	 */
	record Executables(Path chromium, Path chromedriver) {
	}

	/**
	 * Find the executables, or stop the calling test: skipped (with a message on the error stream), or failed when
	 * the environment requires a browser.
	 * @param environment the environment variables, {@link System#getenv()} in the tests
	 * @return the executables, both present and executable
	 */
	static Executables locate(Map<String, String> environment) {
		Path chromium = path(environment, CHROMIUM_VARIABLE, DEFAULT_CHROMIUM);
		Path chromedriver = path(environment, CHROMEDRIVER_VARIABLE, DEFAULT_CHROMEDRIVER);
		List<String> missing = new ArrayList<>();
		if (!Files.isRegularFile(chromium) || !Files.isExecutable(chromium)) {
			missing.add("no chromium found at " + chromium + " (" + CHROMIUM_VARIABLE + " names another)");
		}
		if (!Files.isRegularFile(chromedriver) || !Files.isExecutable(chromedriver)) {
			missing.add("no chromedriver found at " + chromedriver + " (" + CHROMEDRIVER_VARIABLE + " names another)");
		}
		if (missing.isEmpty()) {
			return new Executables(chromium, chromedriver);
		}
		String why = String.join("; ", missing)
				+ "; install Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)";
		if (required(environment)) {
			Assertions.fail("live page browser test failed: " + REQUIRE_VARIABLE + "=true but " + why);
		}
		System.err.println("live page browser test skipped: " + why);
		Assumptions.abort("live page browser test skipped: " + why);
		throw new IllegalStateException("unreachable: Assumptions.abort always throws");
	}

	private static Path path(Map<String, String> environment, String variable, Path fallback) {
		String value = environment.get(variable);
		return (value != null && !value.isBlank()) ? Path.of(value.strip()) : fallback;
	}

	private static boolean required(Map<String, String> environment) {
		String value = environment.get(REQUIRE_VARIABLE);
		return value != null && value.strip().toLowerCase(Locale.ROOT).equals("true");
	}

	/**
	 * Start a headless Chromium with a fresh profile, or stop the calling test as {@link #locate} does.
	 * @return the running browser; close it
	 */
	static SystemBrowser start() {
		return start(locate(System.getenv()));
	}

	static SystemBrowser start(Executables executables) {
		Path profile;
		try {
			profile = Files.createTempDirectory("zenoo-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(executables.chromium().toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--user-data-dir=" + profile, "--window-size=1280,1350");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(executables.chromedriver().toFile())
			.usingAnyFreePort()
			.withTimeout(Duration.ofSeconds(30))
			.build();
		// The tests use WebDriver commands only, no CDP: Selenium's warning that it ships no CDP classes for this
		// Chromium version says nothing about them.
		quiet("org.openqa.selenium.devtools.CdpVersionFinder");
		quiet("org.openqa.selenium.chromium.ChromiumDriver");
		List<LogRecord> seleniumManagerLog = new ArrayList<>();
		Logger manager = Logger.getLogger(SELENIUM_MANAGER_LOGGER);
		Level level = manager.getLevel();
		Handler recorder = new Recorder(seleniumManagerLog);
		manager.setLevel(Level.ALL);
		manager.addHandler(recorder);
		try {
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
			driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
			return new SystemBrowser(driver, service, profile, List.copyOf(seleniumManagerLog));
		}
		catch (RuntimeException ex) {
			service.stop();
			FileSystemUtils.deleteRecursively(profile.toFile());
			throw ex;
		}
		finally {
			manager.removeHandler(recorder);
			manager.setLevel(level);
		}
	}

	private static void quiet(String logger) {
		QUIETED.add(Logger.getLogger(logger));
		Logger.getLogger(logger).setLevel(Level.SEVERE);
	}

	/**
	 * @return the driver
	 */
	ChromeDriver driver() {
		return this.driver;
	}

	/**
	 * @return what Selenium Manager logged while the browser started: nothing, when it did not run
	 */
	List<LogRecord> seleniumManagerLog() {
		return this.seleniumManagerLog;
	}

	/**
	 * Save a screenshot of the window as {@code target/screenshots/<name>.png}.
	 * @param name the file name without extension
	 * @return the file
	 */
	Path screenshot(String name) {
		try {
			Path target = Path.of("target", "screenshots", name + ".png");
			Files.createDirectories(target.getParent());
			Path shot = this.driver.getScreenshotAs(OutputType.FILE).toPath();
			return Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			this.service.stop();
			FileSystemUtils.deleteRecursively(this.profile.toFile());
		}
	}

	private static final class Recorder extends Handler {

		private final List<LogRecord> records;

		Recorder(List<LogRecord> records) {
			this.records = records;
		}

		@Override
		public void publish(LogRecord record) {
			synchronized (this.records) {
				this.records.add(record);
			}
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}

	}

}
