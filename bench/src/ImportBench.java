import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lead imports against a running SHISHA (bench/imports.sh starts it): a CSV uploaded through the console and followed
 * by its progress until done, at two sizes and once more as a re-import of the same file (every row an update), and
 * the integration endpoint in batches of 1,000. Files are generated the way GroMo's exports look: about 3 % of rows
 * with a problem (a bad phone, an unknown city, an age of 7), about 3 % the same person asking for the same product
 * again under a new external id (merged).
 *
 * Usage: java ImportBench --target http://127.0.0.1:8080 --email E --password P --key K --sizes 10000,100000 --api-rows 20000
 */
public final class ImportBench {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String[] FIRST = {"Aarti", "Bhavesh", "Chitra", "Deepak", "Farhan", "Geeta", "Harpreet", "Imran",
        "Jyoti", "Kiran", "Lalita", "Manoj", "Nisha", "Omkar", "Pooja", "Rakesh", "Sunita", "Tarun", "Usha", "Vikram"};
    private static final String[] LAST = {"Sharma", "Patel", "Khan", "Reddy", "Das", "Yadav", "Singh", "Iyer", "Gupta", "Nair"};
    private static final String[] CITIES = {"Indore", "Bhopal", "Pune", "Nagpur", "Jaipur", "Lucknow", "Patna", "Surat",
        "Kochi", "Mysuru", "Guwahati", "Ranchi", "Raipur", "Nashik", "Agra", "Varanasi", "Madurai", "Vijayawada",
        "Ludhiana", "Dehradun", "Bhilwara", "Kolar", "Hubballi", "Siliguri", "Jabalpur"};
    private static final String[] PRODUCTS = {"loans", "credit cards", "insurance", "savings account", "demat"};
    private static final String[] INCOME = {"LOW", "MID", "HIGH"};
    private static final String[] CREDIT = {"NEW", "POOR", "FAIR", "GOOD", "EXCELLENT"};
    private static final String[] NOTES = {"wants a second-hand auto-rickshaw", "asked about health cover for parents",
        "shop owner, needs working capital before Diwali", "salary account, wants a first credit card",
        "wants to start a SIP of 1000 a month", ""};

    private final String target;
    private String cookie;

    private ImportBench(String target) {
        this.target = target;
    }

    public static void main(String[] args) throws Exception {
        String target = arg(args, "--target", "http://127.0.0.1:8080");
        ImportBench bench = new ImportBench(target);
        bench.signIn(arg(args, "--email", null), arg(args, "--password", null));
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        List<String[]> table = new ArrayList<>();
        double first = 0;
        for (String size : arg(args, "--sizes", "10000,100000").split(",")) {
            int rows = Integer.parseInt(size.strip());
            String csv = csv(run + "-" + rows, rows, new Random(rows));
            Result r = bench.upload("bench-" + rows + ".csv", csv);
            if (first == 0) {
                first = r.rowsPerSecond();
            }
            table.add(r.row("CSV upload, " + rows + " rows, new leads", first));
            System.out.println(r.line("csv " + rows));
            if (rows == Integer.parseInt(arg(args, "--sizes", "10000,100000").split(",")[1].strip())) {
                Result again = bench.upload("bench-" + rows + "-again.csv", csv);
                table.add(again.row("same file again (every row an update)", first));
                System.out.println(again.line("csv " + rows + " again"));
            }
        }
        String key = arg(args, "--key", null);
        int apiRows = Integer.parseInt(arg(args, "--api-rows", "20000"));
        if (key != null && apiRows > 0) {
            Result api = bench.api(key, run + "-api", apiRows);
            table.add(api.row("integration API, " + apiRows + " rows in calls of 1,000", first));
            System.out.println(api.line("api " + apiRows));
        }
        System.out.println();
        System.out.println("| import | rows/s | seconds | refused | merged | vs the first CSV's rows/s |");
        System.out.println("|---|---|---|---|---|---|");
        table.forEach(r -> System.out.println("| " + String.join(" | ", r) + " |"));
    }

    record Result(long rows, double seconds, long refused, long merged, long progressReads) {
        double rowsPerSecond() {
            return rows / seconds;
        }

        String[] row(String what, double baseline) {
            return new String[] {what, String.format("%,.0f", rowsPerSecond()), String.format("%.1f", seconds),
                String.format("%,d", refused), String.format("%,d", merged), String.format("%.2fx", rowsPerSecond() / baseline)};
        }

        String line(String label) {
            return String.format("%s: %,d rows in %.1f s = %,.0f rows/s; %,d refused, %,d merged; progress read %d times",
                    label, rows, seconds, rowsPerSecond(), refused, merged, progressReads);
        }
    }

    static String csv(String run, int rows, Random random) {
        StringBuilder out = new StringBuilder(rows * 110);
        out.append("external_id,name,phone,product,city,gender,age,income_band,credit_band,note\n");
        List<String> people = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            String person;
            if (!people.isEmpty() && random.nextInt(100) < 3) {
                person = people.get(random.nextInt(people.size())); // the same person and product again: merged
            } else {
                String phone = (6 + random.nextInt(4)) + String.format("%09d", random.nextInt(1_000_000_000));
                person = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)] + "," + phone + ","
                        + PRODUCTS[random.nextInt(PRODUCTS.length)];
                people.add(person);
            }
            int bad = random.nextInt(100);
            String city = bad == 0 ? "Nowherepur" : CITIES[random.nextInt(CITIES.length)];
            String age = bad == 1 ? "7" : Integer.toString(21 + random.nextInt(45));
            String row = person;
            if (bad == 2) {
                row = row.replaceFirst(",[6-9][0-9]{9},", ",12345,");
            }
            out.append("B-").append(run).append('-').append(i).append(',').append(row).append(',').append(city).append(',')
                    .append(random.nextBoolean() ? "F" : "M").append(',').append(age).append(',')
                    .append(INCOME[random.nextInt(INCOME.length)]).append(',').append(CREDIT[random.nextInt(CREDIT.length)])
                    .append(',').append('"').append(NOTES[random.nextInt(NOTES.length)]).append('"').append('\n');
        }
        return out.toString();
    }

    private void signIn(String email, String password) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(target + "/console/api/session"))
                .header("Content-Type", "application/json").header("X-Console-Request", "1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")));
        if (r.statusCode() != 200) {
            throw new IllegalStateException("console sign-in failed: " + r.statusCode() + " " + r.body());
        }
        String set = r.headers().firstValue("Set-Cookie").orElseThrow();
        cookie = set.substring(0, set.indexOf(';'));
    }

    private Result upload(String fileName, String csv) throws Exception {
        String boundary = "----bench" + System.nanoTime();
        byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(target + "/console/api/lead-imports"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Cookie", cookie)
                .header("X-Console-Request", "1").POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        if (r.statusCode() != 202) {
            throw new IllegalStateException("upload refused: " + r.statusCode() + " " + r.body());
        }
        long id = number(r.body(), "id");
        long reads = 0;
        while (true) {
            Thread.sleep(200);
            String state = send(HttpRequest.newBuilder(URI.create(target + "/console/api/lead-imports/" + id))
                    .header("Cookie", cookie).GET()).body();
            reads++;
            if (!state.contains("\"state\":\"RUNNING\"")) {
                double seconds = (System.nanoTime() - start) / 1e9;
                if (number(state, "processed") != number(state, "totalRows")) {
                    throw new IllegalStateException("import " + id + " ended short: " + state);
                }
                return new Result(number(state, "processed"), seconds, number(state, "refused"), number(state, "merged"), reads);
            }
        }
    }

    private Result api(String key, String run, int rows) throws Exception {
        String csv = csv(run, rows, new Random(rows + 1));
        List<String> lines = csv.lines().skip(1).toList();
        String[] columns = {"external_id", "name", "phone", "product", "city", "gender", "age", "income_band", "credit_band", "note"};
        long refused = 0;
        long merged = 0;
        long start = System.nanoTime();
        for (int from = 0; from < lines.size(); from += 1_000) {
            StringBuilder json = new StringBuilder("{\"leads\":[");
            for (int i = from; i < Math.min(lines.size(), from + 1_000); i++) {
                String[] f = lines.get(i).split(",", -1);
                json.append(i == from ? "{" : ",{");
                for (int c = 0; c < columns.length; c++) {
                    json.append(c == 0 ? "" : ",").append('"').append(columns[c]).append("\":\"")
                            .append(f[c].replace("\"", "")).append('"');
                }
                json.append('}');
            }
            json.append("]}");
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(target + "/integrations/v1/leads"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                    .POST(HttpRequest.BodyPublishers.ofString(json.toString())));
            if (r.statusCode() != 200) {
                throw new IllegalStateException("integration call refused: " + r.statusCode() + " " + r.body());
            }
            refused += number(r.body(), "refused");
            merged += number(r.body(), "merged");
        }
        return new Result(rows, (System.nanoTime() - start) / 1e9, refused, merged, 0);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The first numeric field of that name in a JSON body. */
    static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + field + " in " + json);
        }
        return Long.parseLong(m.group(1));
    }

    private static String arg(String[] args, String name, String otherwise) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return otherwise;
    }
}
