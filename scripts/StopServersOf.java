import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Stops the embedded PostgreSQL and Redis a data folder's pid files name. The build's class-data start ends once its
 * context is ready, and Boot then leaves without closing the context, so nothing stops the servers it started (they
 * run as processes of their own): app/pom.xml runs this right after it,
 * {@code java scripts/StopServersOf.java app/target/class-data-start}.
 */
public final class StopServersOf {

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        for (Path pidFile : new Path[] {data.resolve("postgres/postmaster.pid"), data.resolve("redis/redis.pid")}) {
            if (!Files.isRegularFile(pidFile)) {
                continue;
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            // SIGTERM: PostgreSQL shuts down smartly, Redis saves; both are waited for, a minute at most
            ProcessHandle.of(pid).ifPresent(p -> {
                p.destroy();
                p.onExit().orTimeout(60, java.util.concurrent.TimeUnit.SECONDS).join();
                System.out.println("stopped " + pidFile.getParent().getFileName() + " (pid " + pid + ") of the class-data start");
            });
        }
    }

    private StopServersOf() {
    }
}
