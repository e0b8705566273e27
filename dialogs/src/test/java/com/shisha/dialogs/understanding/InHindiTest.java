package com.shisha.dialogs.understanding;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InHindiTest {

    record Labelled(String romanised, String devanagari) {
    }

    /** Names written by hand as Indians spell them in English and as a Hindi newspaper prints them. */
    static List<Labelled> names() throws IOException {
        List<Labelled> out = new ArrayList<>();
        try (InputStream in = InHindiTest.class.getResourceAsStream("/names/romanised-names.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("romanised\t")) {
                    continue;
                }
                String[] cols = line.split("\t");
                out.add(new Labelled(cols[0].trim(), cols[1].trim()));
            }
        }
        return out;
    }

    /**
     * English letters do not tell a long a from a short one inside a word (Rajesh राजेश, Ramesh रमेश), nor त from ट
     * (Patel), so some names come out as a Hindi reader would guess them rather than as they are printed; most
     * must be exactly right, and none may be unreadable.
     */
    @Test
    void commonIndianNamesReadAsAHindiReaderWritesThem() throws IOException {
        List<Labelled> names = names();
        assertThat(names).hasSizeGreaterThanOrEqualTo(60);
        List<String> misses = new ArrayList<>();
        for (Labelled n : names) {
            String got = InHindi.transliterate(n.romanised());
            if (!got.equals(n.devanagari())) {
                misses.add(n.romanised() + " → " + got + " (" + n.devanagari() + ")");
            }
        }
        System.out.println("names transliterated differently from the labels: " + misses.size() + "/" + names.size());
        misses.forEach(m -> System.out.println("  " + m));
        assertThat(names.size() - misses.size()).as("names exactly right, misses: %s", misses)
                .isGreaterThanOrEqualTo((int) Math.ceil(names.size() * 0.75));
    }

    @Test
    void everyNameComesOutAsWellFormedDevanagari() throws IOException {
        for (Labelled n : names()) {
            String got = InHindi.transliterate(n.romanised());
            assertThat(got).as(n.romanised()).matches("[\\u0900-\\u097F]+")
                    // no dangling virama, no vowel sign without a consonant, no h read as its own letter after one
                    .doesNotEndWith("्").doesNotMatch("^[\\u093E-\\u094C].*").doesNotContain("्ह्");
        }
    }

    @Test
    void theDigraphsOfEnglishSpellingAreOneLetter() {
        assertThat(InHindi.transliterate("Ramesh")).isEqualTo("रमेश");
        assertThat(InHindi.transliterate("Khushboo Chhetri")).isEqualTo("खुशबू छेत्री");
        assertThat(InHindi.transliterate("Mahendra")).isEqualTo("महेंद्र");
    }

    @Test
    void onlyLatinWordsChange() {
        assertThat(InHindi.transliterate("Amit Sharma, 2nd")).isEqualTo("अमित शर्मा, 2nd");
    }

    @Test
    void placesComeFromTheGazetteerAndStatesByTheirHindiNames() {
        InHindi hindi = InHindi.india();
        assertThat(hindi.place("Kanpur", "Uttar Pradesh")).isEqualTo("कानपुर");
        assertThat(hindi.place("Lucknow", null)).isEqualTo("लखनऊ");
        assertThat(hindi.state("Uttar Pradesh")).isEqualTo("उत्तर प्रदेश");
        assertThat(hindi.state("Maharashtra")).isEqualTo("महाराष्ट्र");
        assertThat(hindi.state("Kerala")).isEqualTo("केरल");
        assertThat(hindi.person("दीपक")).isEqualTo("दीपक");
        assertThat(hindi.person(null)).isNull();
    }

    @Test
    void abbreviationsInAHindiTextAreWrittenOutUnlessTheFormsPrintThem() {
        assertThat(InHindi.india().abbreviations(com.shisha.core.Language.HI, "त्योहार के बोनस से FD खोलें, RD या SIP; EMI और KYC वैसे ही"))
                .isEqualTo("त्योहार के बोनस से एफ़डी खोलें, आरडी या एसआईपी; EMI और KYC वैसे ही");
        assertThat(InHindi.india().abbreviations(com.shisha.core.Language.HI, "F&O से पहले SEBI और eKYC, फिर A या B"))
                .isEqualTo("एफ़ एंड ओ से पहले सेबी और ई-KYC, फिर A या B");
        assertThat(InHindi.india().abbreviations(com.shisha.core.Language.EN, "an FD")).isEqualTo("an FD");
    }
}
