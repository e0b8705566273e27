import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Predicate;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Drops the Windows and macOS native libraries from the libraries inside the app jar, which runs on Linux: ONNX
 * Runtime, Vosk, DJL's tokenizers and embedded Redis each carry them (ONNX Runtime with debug symbols), about a third
 * of the jar. Linux on ARM64 keeps what it has (the coach's model, the tokenizers, Redis); FFmpeg and Vosk come for
 * x86-64 only (native.classifier in the parent pom), so voice notes need an x86-64 machine. Run by app/pom.xml after the jar is repackaged:
 * {@code java scripts/KeepLinuxNatives.java app/target/app-0.1.0-SNAPSHOT.jar}.
 *
 * <p>A nested jar stays STORED (uncompressed), as Spring Boot's launcher reads it in place; every other entry is
 * copied as it is.
 */
public final class KeepLinuxNatives {

    /** A library jar (by file-name prefix) and the entries of it that are another platform's natives. */
    private record Trim(String jarPrefix, Predicate<String> foreign) {
    }

    private static final List<Trim> TRIMS = List.of(
            new Trim("onnxruntime-", n -> n.startsWith("ai/onnxruntime/native/") && !n.equals("ai/onnxruntime/native/")
                    && !n.startsWith("ai/onnxruntime/native/linux-x64/") && !n.startsWith("ai/onnxruntime/native/linux-aarch64/")),
            new Trim("vosk-", n -> n.startsWith("darwin/") || n.startsWith("win32-")),
            new Trim("tokenizers-", n -> n.startsWith("native/lib/") && n.length() > "native/lib/".length()
                    && !n.startsWith("native/lib/linux-") && !n.equals("native/lib/tokenizers.properties")),
            new Trim("embedded-redis-", n -> n.startsWith("redis-server-") && !n.contains("linux-amd64") && !n.contains("linux-arm64")));

    public static void main(String[] args) throws IOException {
        Path jar = Path.of(args[0]);
        Path trimmed = jar.resolveSibling(jar.getFileName() + ".trimmed");
        long before = Files.size(jar);
        try (ZipFile in = new ZipFile(jar.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(trimmed))) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Trim trim = trimFor(entry.getName());
                byte[] bytes;
                try (InputStream data = in.getInputStream(entry)) {
                    bytes = data.readAllBytes();
                }
                if (trim != null) {
                    bytes = withoutForeign(bytes, trim.foreign());
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                copy.setMethod(entry.getMethod());
                if (entry.getMethod() == ZipEntry.STORED) {
                    stored(copy, bytes);
                }
                out.putNextEntry(copy);
                out.write(bytes);
                out.closeEntry();
            }
        }
        Files.move(trimmed, jar, StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("%s: %.1f MiB -> %.1f MiB without the Windows and macOS natives%n", jar.getFileName(),
                before / 1048576.0, Files.size(jar) / 1048576.0);
    }

    private static Trim trimFor(String name) {
        if (!name.startsWith("BOOT-INF/lib/") || !name.endsWith(".jar")) {
            return null;
        }
        String file = name.substring("BOOT-INF/lib/".length());
        return TRIMS.stream().filter(t -> file.startsWith(t.jarPrefix())).findFirst().orElse(null);
    }

    private static byte[] withoutForeign(byte[] jar, Predicate<String> foreign) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(jar.length / 4);
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(jar)); ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (foreign.test(entry.getName())) {
                    continue;
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                in.transferTo(out);
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static void stored(ZipEntry entry, byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        entry.setCrc(crc.getValue());
    }

    private KeepLinuxNatives() {
    }
}
