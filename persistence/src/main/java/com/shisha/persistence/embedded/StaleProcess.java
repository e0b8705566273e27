package com.shisha.persistence.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The embedded servers run as child processes. When the JVM is killed with -9 they outlive it and keep
 * their data folders locked; the next start finds them through their pid files and stops them first.
 */
final class StaleProcess {

    private static final Logger log = LoggerFactory.getLogger(StaleProcess.class);

    private StaleProcess() {
    }

    static void stopIfRunning(Path pidFile, String what) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return;
        }
        var process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return;
        }
        log.warn("{} from an earlier run (pid {}) still holds {}; stopping it", what, pid, pidFile.getParent());
        process.get().destroy(); // SIGTERM: both servers shut down cleanly on it
        try {
            process.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("{} (pid {}) did not stop on SIGTERM within 30 s; killing it", what, pid);
            process.get().destroyForcibly();
        }
    }
}
