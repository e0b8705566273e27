package com.shisha.persistence.jdbc;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The plan PostgreSQL makes for one of the stores' statements (named parameters, as JdbcClient takes them). */
final class Plans {

    private static final Pattern NAMED = Pattern.compile("(?<!:):([a-zA-Z]+)");

    private Plans() {
    }

    /**
     * Prepares the statement on one connection and explains its execution with the given values (SQL literals).
     *
     * @param generic the plan a cached prepared statement would keep, or else the one made for these values
     * @param options what goes in parentheses after EXPLAIN, or "" for none
     */
    static String explain(DataSource dataSource, String namedSql, Map<String, String> values, boolean generic,
                          String options) throws SQLException {
        Map<String, Integer> positions = new LinkedHashMap<>();
        Matcher m = NAMED.matcher(namedSql);
        StringBuilder sql = new StringBuilder();
        while (m.find()) {
            int n = positions.computeIfAbsent(m.group(1), k -> positions.size() + 1);
            m.appendReplacement(sql, "\\$" + n);
        }
        m.appendTail(sql);
        List<String> args = new ArrayList<>();
        positions.keySet().forEach(name -> args.add(values.get(name)));
        assertThat(args).as("a value for each parameter of %s", positions.keySet()).doesNotContainNull();

        StringBuilder plan = new StringBuilder();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("set plan_cache_mode = " + (generic ? "force_generic_plan" : "force_custom_plan"));
            s.execute("prepare checked as " + sql);
            String explain = options.isEmpty() ? "explain" : "explain (" + options + ")";
            try (ResultSet rs = s.executeQuery(explain + " execute checked(" + String.join(", ", args) + ")")) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
        }
        return plan.toString();
    }
}
