package io.zenoo.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How the browser tests find Chromium and chromedriver, and what they do without them: skip with a message that says
 * what to install, or fail when {@code ZENOO_REQUIRE_BROWSER=true}.
 */
class SystemBrowserTests {

	@TempDir
	private Path dir;

	@Test
	void executablesNamedByTheEnvironmentAreUsed() throws IOException {
		Path chromium = executable("my-chromium");
		Path driver = executable("my-chromedriver");
		SystemBrowser.Executables found = SystemBrowser.locate(Map.of("ZENOO_CHROMIUM", chromium.toString(),
				"ZENOO_CHROMEDRIVER", driver.toString(), "ZENOO_REQUIRE_BROWSER", "true"));
		assertThat(found.chromium()).isEqualTo(chromium);
		assertThat(found.chromedriver()).isEqualTo(driver);
	}

	@Test
	void withoutABrowserTheTestIsSkippedWithAMessageSayingWhatToInstall() throws IOException {
		Path missing = this.dir.resolve("no-chromium");
		Map<String, String> environment = Map.of("ZENOO_CHROMIUM", missing.toString(), "ZENOO_CHROMEDRIVER",
				executable("chromedriver").toString());
		assertThatExceptionOfType(TestAbortedException.class).isThrownBy(() -> SystemBrowser.locate(environment))
			.withMessageContaining("live page browser test skipped: no chromium found at " + missing)
			.withMessageContaining("install Debian's chromium and chromium-driver")
			.withMessageNotContaining("chromedriver found");
	}

	@Test
	void withoutADriverTheTestIsSkipped() throws IOException {
		Path missing = this.dir.resolve("no-driver");
		Map<String, String> environment = Map.of("ZENOO_CHROMIUM", executable("chromium").toString(),
				"ZENOO_CHROMEDRIVER", missing.toString(), "ZENOO_REQUIRE_BROWSER", "false");
		assertThatExceptionOfType(TestAbortedException.class).isThrownBy(() -> SystemBrowser.locate(environment))
			.withMessageContaining("no chromedriver found at " + missing)
			.withMessageNotContaining("no chromium found");
	}

	@Test
	void aFileThatIsNotExecutableDoesNotCount() throws IOException {
		Path plain = Files.writeString(this.dir.resolve("chromium"), "not a program");
		Map<String, String> environment = Map.of("ZENOO_CHROMIUM", plain.toString(), "ZENOO_CHROMEDRIVER",
				executable("chromedriver").toString());
		assertThatExceptionOfType(TestAbortedException.class).isThrownBy(() -> SystemBrowser.locate(environment))
			.withMessageContaining("no chromium found at " + plain);
	}

	@Test
	void aDirectoryDoesNotCount() throws IOException {
		Map<String, String> environment = Map.of("ZENOO_CHROMIUM", this.dir.toString(), "ZENOO_CHROMEDRIVER",
				executable("chromedriver").toString());
		assertThatExceptionOfType(TestAbortedException.class).isThrownBy(() -> SystemBrowser.locate(environment))
			.withMessageContaining("no chromium found at " + this.dir);
	}

	@Test
	void whenABrowserIsRequiredItsAbsenceFailsTheTest() {
		Path chromium = this.dir.resolve("no-chromium");
		Path driver = this.dir.resolve("no-driver");
		Map<String, String> environment = Map.of("ZENOO_CHROMIUM", chromium.toString(), "ZENOO_CHROMEDRIVER",
				driver.toString(), "ZENOO_REQUIRE_BROWSER", " TRUE ");
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(() -> SystemBrowser.locate(environment))
			.withMessageStartingWith("live page browser test failed: ZENOO_REQUIRE_BROWSER=true but")
			.withMessageContaining("no chromium found at " + chromium)
			.withMessageContaining("no chromedriver found at " + driver)
			.withMessageContaining("apt-get install chromium chromium-driver");
	}

	@Test
	void onlyTrueRequiresABrowser() {
		Map<String, String> environment = Map.of("ZENOO_CHROMIUM", this.dir.resolve("none").toString(),
				"ZENOO_REQUIRE_BROWSER", "yes");
		assertThatExceptionOfType(TestAbortedException.class).isThrownBy(() -> SystemBrowser.locate(environment));
	}

	@Test
	void withoutVariablesDebiansPathsAreUsed() {
		Map<String, String> environment = Map.of("ZENOO_CHROMIUM", "  ", "ZENOO_CHROMEDRIVER", "");
		boolean debian = Files.isExecutable(SystemBrowser.DEFAULT_CHROMIUM)
				&& Files.isExecutable(SystemBrowser.DEFAULT_CHROMEDRIVER);
		if (debian) {
			assertThat(SystemBrowser.locate(environment))
				.isEqualTo(new SystemBrowser.Executables(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromedriver")));
		}
		else {
			assertThatExceptionOfType(TestAbortedException.class).isThrownBy(() -> SystemBrowser.locate(environment))
				.withMessageContaining("found at /usr/bin/");
		}
	}

	private Path executable(String name) throws IOException {
		Path file = Files.writeString(this.dir.resolve(name), "#!/bin/sh\nexit 0\n");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
		return file;
	}

}
