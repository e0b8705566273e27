package com.shisha.persistence.jdbc;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The states of an outbox row (outbound_messages.status) and the one place their names are spelled. A row is
 * queued PENDING, or SENDING when its turn's commit claims it; from there only {@link JdbcOutbox} moves it:
 * PENDING or lease-expired SENDING to SENDING (claim), SENDING to SENT, back to PENDING (retry later), FAILED or
 * SUPPRESSED. SENT, FAILED and SUPPRESSED are final.
 */
enum OutboxStatus {
    PENDING, SENDING, SENT, FAILED, SUPPRESSED;

    private static final Pattern NAME = Pattern.compile(
            Arrays.stream(values()).map(Enum::name).collect(Collectors.joining("|", "\\{(", ")}")));

    /**
     * The statement with each {NAME} written as the SQL literal 'NAME'. Literals, not parameters: the partial
     * indexes of unsent rows are only usable by a plan that sees the status as a constant.
     */
    static String sql(String statement) {
        return NAME.matcher(statement).replaceAll(m -> Matcher.quoteReplacement("'" + m.group(1) + "'"));
    }
}
