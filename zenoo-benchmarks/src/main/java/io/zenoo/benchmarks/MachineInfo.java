package io.zenoo.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The machine a run was measured on, as the report prints it.
 * @param cpu the CPU model ({@code /proc/cpuinfo}'s {@code model name}, or "unknown")
 * @param cores the processors available to the JVM
 * @param memory the total memory ({@code /proc/meminfo}), or "unknown"
 * @param os the operating system
 * @param jdk the JDK running the runner (and, unless JMH's {@code -jvm} says otherwise, the forks)
 */
record MachineInfo(String cpu, int cores, String memory, String os, String jdk) {

	static MachineInfo current() {
		return new MachineInfo(procField("/proc/cpuinfo", "model name"), Runtime.getRuntime().availableProcessors(),
				totalMemory(), System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
						+ System.getProperty("os.arch") + ")",
				System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
						+ System.getProperty("java.vm.vendor") + ")");
	}

	private static String totalMemory() {
		String total = procField("/proc/meminfo", "MemTotal");
		String[] parts = total.trim().split("\\s+");
		if (parts.length == 2 && parts[1].equalsIgnoreCase("kB")) {
			return String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(parts[0]) / (1024.0 * 1024.0));
		}
		return total;
	}

	private static String procField(String file, String field) {
		try {
			List<String> lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
			for (String line : lines) {
				int colon = line.indexOf(':');
				if (colon > 0 && line.substring(0, colon).trim().equals(field)) {
					return line.substring(colon + 1).trim();
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// not Linux, or not readable: the report says so
		}
		return "unknown";
	}

}
