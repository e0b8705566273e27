package com.shisha.dialogs.understanding;

import com.ibm.icu.text.RuleBasedNumberFormat;
import com.ibm.icu.util.ULocale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Amounts read from the corpus in understanding/amounts.tsv, one case per line, and from ICU's own spellings. */
class AmountsTest {

    static Stream<Arguments> corpus() throws IOException {
        var in = AmountsTest.class.getResourceAsStream("/understanding/amounts.tsv");
        assertThat(in).as("understanding/amounts.tsv on the test classpath").isNotNull();
        List<Arguments> cases = new ArrayList<>();
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                assertThat(columns).as("line %d: phrase<TAB>rupees or -", number).hasSize(2);
                cases.add(Arguments.of(number, columns[0], columns[1]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "line {0}: {1} -> {2}")
    @MethodSource("corpus")
    void readsTheCorpus(int line, String phrase, String expected) {
        Optional<BigDecimal> want = expected.equals("-") ? Optional.empty() : Optional.of(new BigDecimal(expected).setScale(2));
        assertThat(Amounts.parse(phrase)).as("line %d: %s", line, phrase).isEqualTo(want);
    }

    @Test
    void nothingToReadIsEmpty() {
        assertThat(Amounts.parse(null)).isEmpty();
        assertThat(Amounts.parse("")).isEmpty();
        assertThat(Amounts.parse("   ")).isEmpty();
        assertThat(Amounts.parse("🙏👍")).isEmpty();
    }

    /**
     * Amounts combines number words itself instead of calling ICU's parser per message; reading back what ICU writes
     * for a spread of numbers in Hindi and Indian English checks the two agree on the place-value grammar. Where a
     * number ends in 1-99 after a place value (1,050; 1,00,050) ICU writes "एक लाख पचास", which partners say for
     * 1,50,000; Amounts does not guess there.
     */
    @Test
    void readsIcuSpelloutBack() {
        var hindi = new RuleBasedNumberFormat(new ULocale("hi"), RuleBasedNumberFormat.SPELLOUT);
        var indianEnglish = new RuleBasedNumberFormat(new ULocale("en_IN"), RuleBasedNumberFormat.SPELLOUT);
        Random random = new Random(42);
        long[] numbers = LongStream.concat(LongStream.rangeClosed(1, 2_000),
                LongStream.generate(() -> 1 + (long) Math.pow(10, random.nextDouble() * 9)).limit(3_000)).toArray();
        List<String> misread = new ArrayList<>();
        for (long n : numbers) {
            for (String spelled : List.of(hindi.format(n), indianEnglish.format(n))) {
                Optional<BigDecimal> read = Amounts.parse(spelled);
                boolean elided = n >= 1_000 && n % 1_000 > 0 && n % 1_000 < 100;
                if (elided ? read.isPresent() : read.isEmpty() || read.get().compareTo(BigDecimal.valueOf(n)) != 0) {
                    misread.add(spelled + " (" + n + ") read as " + read.map(BigDecimal::toPlainString).orElse("nothing"));
                }
            }
        }
        assertThat(misread).isEmpty();
    }
}
